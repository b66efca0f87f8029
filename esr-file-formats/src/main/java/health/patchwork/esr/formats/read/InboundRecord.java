package health.patchwork.esr.formats.read;

import java.util.Arrays;

/**
 * One record of a T&A or absence inbound file, split with quote awareness. Values are kept exactly as
 * written (not trimmed) so that validation can see stray spaces; an empty field is null.
 *
 * @param recordNumber 1-based position in the file (HDR is 1)
 * @param values       field values without their quotes; null when empty
 * @param quoted       whether each field was written as {@code "…"}
 * @param terminator   what ended the record: "\r", "\n", "\r\n", or "" for a last record without one
 * @param syntaxError  null, or why the quoting is malformed (then the values are best effort)
 * @param syntaxErrorField 0-based index of the field where the quoting went wrong; -1 when it did not
 */
public record InboundRecord(long recordNumber, String[] values, boolean[] quoted, String terminator,
                            String syntaxError, int syntaxErrorField) {

    public InboundRecord(long recordNumber, String[] values, boolean[] quoted, String terminator) {
        this(recordNumber, values, quoted, terminator, null, -1);
    }

    public String recordType() {
        return values.length == 0 || values[0] == null ? "" : values[0];
    }

    public int fieldCount() {
        return values.length;
    }

    public String get(int index) {
        return index < values.length ? values[index] : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundRecord r && recordNumber == r.recordNumber && Arrays.equals(values, r.values)
                && Arrays.equals(quoted, r.quoted) && terminator.equals(r.terminator);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(recordNumber) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "InboundRecord[" + recordType() + " #" + recordNumber + ", " + values.length + " fields]";
    }
}
