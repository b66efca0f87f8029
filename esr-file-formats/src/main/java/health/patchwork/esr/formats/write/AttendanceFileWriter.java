package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes a T&A inbound file ({@code TA_…}), byte for byte as docs/spec/inbound-files.md §2: 43 columns (or 40),
 * element and input-value names in quotes, input values from pair 1 without gaps.
 *
 * <pre>{@code
 * try (var w = AttendanceFileWriter.open(out, name, createdAt, InboundWriterOptions.defaults())) {
 *     w.write(row, "shift-123/OT");
 * }
 * }</pre>
 */
public final class AttendanceFileWriter extends InboundFileWriter {

    private static final int FIRST_INPUT_VALUE = 7;
    private static final int FIRST_COSTING = 37;

    private final int width;

    private AttendanceFileWriter(OutputStream out, InboundFileName name, LocalDateTime createdAt,
                                 InboundWriterOptions options) {
        super(out, name, createdAt, options, options.taLayout().byEntityCode("ATT").orElseThrow());
        this.width = options.attColumnCount();
    }

    public static AttendanceFileWriter open(OutputStream out, InboundFileName name, LocalDateTime createdAt,
                                            InboundWriterOptions options) {
        if (name.fileType() != InboundFileType.TA) {
            throw new IllegalArgumentException("a T&A file needs a TA_ name");
        }
        return new AttendanceFileWriter(out, name, createdAt, options);
    }

    /**
     * Writes one ATT record, or rejects it (nothing written) with an EsrFormatException that names the record,
     * the field and {@code sourceId}.
     */
    public void write(AttendanceRow row, String sourceId) {
        long recordNumber = rowCount() + 2;
        String[] v = new String[width];
        boolean[] q = new boolean[width];
        v[0] = "ATT";
        v[1] = InboundValueFormat.date(row.effectiveDate());
        v[2] = "ADD";
        v[3] = row.employeeReference();
        v[4] = row.assignmentNumber();
        v[5] = row.earnedDate() == null ? null : InboundValueFormat.date(row.earnedDate());
        v[6] = row.elementName();
        q[6] = true;
        if (row.inputValues().size() > AttendanceRow.MAX_INPUT_VALUES) {
            throw rejected(ErrorReason.INVALID_VALUE, recordNumber, null, sourceId,
                    "more than " + AttendanceRow.MAX_INPUT_VALUES + " input values");
        }
        for (int k = 0; k < row.inputValues().size(); k++) {
            InputValue iv = row.inputValues().get(k);
            int nameAt = FIRST_INPUT_VALUE + 2 * k;
            if (iv.name().isEmpty()) {
                throw rejected(ErrorReason.MISSING_VALUE, recordNumber, "Input Value " + (k + 1) + " Name", sourceId,
                        "input value has no name");
            }
            v[nameAt] = iv.name();
            q[nameAt] = true;
            v[nameAt + 1] = format(iv.value(), recordNumber, "Input Value " + (k + 1) + " Value", sourceId);
        }
        if (allNumericValuesZero(row)) {
            throw rejected(ErrorReason.INVALID_VALUE, recordNumber, null, sourceId,
                    "every numeric input value is zero; such rows are not sent (docs/spec/inbound-files.md §2.1)");
        }
        Costing c = row.costing();
        String[] costing = {c.legalEntity(), c.charitableIndicator(), c.costCentre(), c.subjective(),
                c.subAnalysis(), c.elementNumber()};
        for (int i = 0; i < costing.length; i++) {
            int at = FIRST_COSTING + i;
            if (at < width) {
                v[at] = costing[i];
            } else if (costing[i] != null && !costing[i].isEmpty()) {
                throw rejected(ErrorReason.INVALID_VALUE, recordNumber, null, sourceId,
                        "costing column " + at + " cannot be written in a " + width + "-column ATT record");
            }
        }
        writeData(v, q, sourceId);
    }

    private boolean allNumericValuesZero(AttendanceRow row) {
        boolean anyNumeric = false;
        for (InputValue iv : row.inputValues()) {
            if (iv.value() instanceof BigDecimal d) {
                anyNumeric = true;
                if (d.setScale(2, options().rounding() == RoundingMode.UNNECESSARY
                        ? RoundingMode.HALF_UP : options().rounding()).signum() != 0) {
                    return false;
                }
            } else if (iv.value() instanceof Long l) {
                anyNumeric = true;
                if (l != 0) {
                    return false;
                }
            }
        }
        return anyNumeric;
    }

    private String format(Object value, long recordNumber, String field, String sourceId) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            try {
                return InboundValueFormat.amount(d, options().rounding());
            } catch (ArithmeticException e) {
                throw rejected(ErrorReason.INVALID_VALUE, recordNumber, field, sourceId,
                        "amount has more than 2 decimals and rounding is not allowed");
            }
        }
        if (value instanceof LocalDate d) {
            return InboundValueFormat.inputDate(d);
        }
        return value.toString();
    }
}
