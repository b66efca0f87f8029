package health.patchwork.esr.absence.mapping;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Optional;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.formats.write.AbsenceFileWriter;
import health.patchwork.esr.formats.write.AbsenceRow;
import health.patchwork.esr.formats.write.InboundWriterOptions;

/**
 * Whether an ABS record can be written as it is (characters, required fields per operation, formats), by writing it
 * with the library's writer to nowhere. Intake uses it so that the platform hears about a problem at once, and the
 * export again before a row is tagged for a file.
 */
public final class AbsenceRowCheck {

    private static final InboundFileName PROBE =
            new InboundFileName(InboundFileType.AB, "000", "XXX", PeriodType.MONTHLY, PeriodRun.NORMAL, 27, 1, 1);

    private AbsenceRowCheck() {
    }

    /** Empty when writable; else the layout field name and the library's reason code (never the value). */
    public static Optional<Problem> check(AbsenceRow row, InboundWriterOptions options) {
        try (AbsenceFileWriter writer = AbsenceFileWriter.open(OutputStream.nullOutputStream(), PROBE,
                LocalDateTime.of(2000, 1, 1, 0, 0), options)) {
            writer.write(row, "check");
            return Optional.empty();
        } catch (EsrFormatException e) {
            return Optional.of(new Problem(e.fieldName(), e.reason().name()));
        }
    }

    /** @param layoutField ABS field name in the absence layout, e.g. "Absence Type" */
    public record Problem(String layoutField, String reason) {
    }
}
