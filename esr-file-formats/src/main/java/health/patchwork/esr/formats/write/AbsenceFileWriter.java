package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Writes an absence inbound file ({@code AB_…}, docs/spec/inbound-files.md §3, provisional design): 20 fields, absence
 * type and reason in quotes, presence per operation (ADD/END/DEL) as the absence layout says.
 */
public final class AbsenceFileWriter extends InboundFileWriter {

    private final int width;

    private AbsenceFileWriter(OutputStream out, InboundFileName name, LocalDateTime createdAt,
                              InboundWriterOptions options) {
        super(out, name, createdAt, options, options.absenceLayout().byEntityCode("ABS").orElseThrow());
        this.width = options.absenceLayout().byEntityCode("ABS").orElseThrow().aFieldCount();
    }

    public static AbsenceFileWriter open(OutputStream out, InboundFileName name, LocalDateTime createdAt,
                                         InboundWriterOptions options) {
        if (name.fileType() != InboundFileType.AB) {
            throw new IllegalArgumentException("an absence file needs an AB_ name");
        }
        return new AbsenceFileWriter(out, name, createdAt, options);
    }

    /** Writes one ABS record, or rejects it (nothing written) naming the record, field and source id. */
    public void write(AbsenceRow row, String sourceId) {
        long recordNumber = rowCount() + 2;
        String[] v = new String[width];
        boolean[] q = new boolean[width];
        v[0] = "ABS";
        v[1] = date(row.effectiveDate());
        v[2] = row.operation().name();
        v[3] = row.employeeReference();
        v[4] = row.assignmentNumber();
        v[5] = row.absenceType();
        q[5] = true;
        v[6] = row.absenceReason();
        q[6] = true;
        v[7] = date(row.startDate());
        v[8] = time(row.startTime());
        v[9] = date(row.endDate());
        v[10] = time(row.endTime());
        v[11] = amount(row.durationDays(), recordNumber, "Duration Days", sourceId);
        v[12] = amount(row.durationHours(), recordNumber, "Duration Hours", sourceId);
        v[13] = row.units();
        v[14] = date(row.sicknessStartDate());
        v[15] = date(row.sicknessEndDate());
        v[16] = row.openEnded() == null ? null : row.openEnded() ? "Y" : "N";
        v[17] = date(row.returnToWorkDate());
        v[18] = row.reference();
        v[19] = date(row.notificationDate());
        writeData(v, q, sourceId);
    }

    private static String date(LocalDate d) {
        return d == null ? null : InboundValueFormat.date(d);
    }

    private static String time(LocalTime t) {
        return t == null ? null : InboundValueFormat.time(t);
    }

    private String amount(BigDecimal d, long recordNumber, String field, String sourceId) {
        if (d == null) {
            return null;
        }
        try {
            return InboundValueFormat.amount(d, options().rounding());
        } catch (ArithmeticException e) {
            throw rejected(ErrorReason.INVALID_VALUE, recordNumber, field, sourceId,
                    "amount has more than 2 decimals and rounding is not allowed");
        }
    }
}
