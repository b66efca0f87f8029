package health.patchwork.esr.support.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;

import health.patchwork.esr.formats.name.InboundFileName;

/**
 * The service-specific half of an export: which items go into a file, and what the file says. Both methods run
 * against the service's database; {@link #write} must be deterministic (the same tagged items, name and creation
 * time give the same bytes), because recovery regenerates a lost local copy and checks it against the recorded
 * hash.
 */
public interface ExportContent {

    /**
     * Tags every item that belongs in {@code target}'s file with {@code fileId} and gives each its row number; runs
     * inside the transaction that records the file. Returns the number of data rows; 0 means nothing to send: the
     * file's record is removed (no file, no sequence number used) and the transaction commits, so that what assign
     * recorded besides tagging (items a check held out, and why) is kept.
     */
    int assign(long fileId, ExportTarget target);

    /** Writes the complete file (HDR, data rows of {@code fileId} in row order, FTR) to {@code out}. */
    void write(long fileId, InboundFileName name, LocalDateTime createdAt, OutputStream out) throws IOException;
}
