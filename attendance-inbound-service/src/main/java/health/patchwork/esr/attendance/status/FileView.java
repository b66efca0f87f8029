package health.patchwork.esr.attendance.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.LineWarning;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.support.export.ExportedFile;

/**
 * A TA file as operators see it.
 *
 * @param warnings what the checks before it went noted for its lines (e.g. two lines with one pay code on one day);
 *                 those lines are in the file all the same. Left out when there are none
 * @param heldLines in the answer to an export: how many lines of the payroll period a check holds out of files
 */
public record FileView(String fileName, long sequence, String run, String period, String state, int rows,
                       long sizeBytes, String sha256, Instant generatedAt, Instant uploadedAt,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LineWarning> warnings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer heldLines) {

    /** The file with the warnings its lines went with, from the ATT-row ledger. */
    public static FileView of(ExportedFile f, ExportEntries entries) {
        return of(f, entries.warningsIn(f.id()));
    }

    static FileView of(ExportedFile f, List<LineWarning> warnings) {
        InboundFileName name = f.name();
        return new FileView(f.fileName(), f.sequence(), name.periodRun().name(),
                name.taxPeriod().yy() + name.taxPeriod().pp(), f.state().name(), f.rowCount(), f.sizeBytes(),
                f.sha256(), f.generatedAt(), f.uploadedAt(), List.copyOf(warnings), null);
    }

    public FileView withHeldLines(int held) {
        return new FileView(fileName, sequence, run, period, state, rows, sizeBytes, sha256, generatedAt, uploadedAt,
                warnings, held);
    }
}
