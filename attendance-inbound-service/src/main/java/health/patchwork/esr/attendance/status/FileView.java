package health.patchwork.esr.attendance.status;

import java.time.Instant;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.support.export.ExportedFile;

/** A TA file as operators see it. */
public record FileView(String fileName, long sequence, String run, String period, String state, int rows,
                       long sizeBytes, String sha256, Instant generatedAt, Instant uploadedAt) {

    public static FileView of(ExportedFile f) {
        InboundFileName name = f.name();
        return new FileView(f.fileName(), f.sequence(), name.periodRun().name(),
                name.taxPeriod().yy() + name.taxPeriod().pp(), f.state().name(), f.rowCount(), f.sizeBytes(),
                f.sha256(), f.generatedAt(), f.uploadedAt());
    }
}
