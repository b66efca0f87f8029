package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One data row of an outbound file with typed access by field name. Values are trimmed and an empty value
 * is null. Holds the row's bytes and decodes a field only when asked, which keeps reading fast.
 *
 * <p>Keeps a reference to the reader's read buffer (up to 64 KB) rather than a copy of its line: hold
 * {@link #rawFields()} rather than the record when keeping rows for long.
 *
 * <p>A short delete row ({@code COD~8001}) answers the entity's own ID field (e.g. "Costing Allocation ID")
 * and null for every other field.
 */
public final class OutboundRecord {

    private final String fileName;
    private final long lineNumber;
    private final String recordType;
    private final RecordLayout layout;
    private final Operation operation;
    private final byte[] line;
    private final int[] bounds;

    OutboundRecord(String fileName, long lineNumber, String recordType, RecordLayout layout, Operation operation,
                   byte[] line, int[] bounds) {
        this.fileName = fileName;
        this.lineNumber = lineNumber;
        this.recordType = recordType;
        this.layout = layout;
        this.operation = operation;
        this.line = line;
        this.bounds = bounds;
    }

    /** Builds a record from already-split values (tests, tools); values are trimmed, empty means null. */
    public static OutboundRecord of(RecordLayout layout, long lineNumber, String... values) {
        StringBuilder sb = new StringBuilder();
        int[] b = new int[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i].trim();
            if (i > 0) {
                sb.append('~');
            }
            b[2 * i] = sb.length();
            sb.append(v);
            b[2 * i + 1] = sb.length();
        }
        String type = values.length == 0 ? "" : values[0];
        return new OutboundRecord(null, lineNumber, type, layout, operationOf(type, layout),
                sb.toString().getBytes(StandardCharsets.ISO_8859_1), b);
    }

    static Operation operationOf(String recordType, RecordLayout layout) {
        if (layout == null || !layout.suffixed() || recordType.isEmpty()) {
            return Operation.NONE;
        }
        return recordType.charAt(recordType.length() - 1) == 'D' ? Operation.DELETE : Operation.ADD_OR_UPDATE;
    }

    public String fileName() {
        return fileName;
    }

    /** Physical line number in the file (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    /** Field 0 as sent, e.g. "PRA". */
    public String recordType() {
        return recordType;
    }

    /** "PR" for PRA/PRD, "LOV" for LOV; null for an unknown record type. */
    public String entityCode() {
        return layout == null ? null : layout.entityCode();
    }

    /** Null for an unknown record type. */
    public RecordLayout layout() {
        return layout;
    }

    public boolean isKnownType() {
        return layout != null;
    }

    public Operation operation() {
        return operation;
    }

    public boolean isDelete() {
        return operation == Operation.DELETE;
    }

    /** A delete row carrying only the record type and the entity's own ID. */
    public boolean isShortDelete() {
        return operation == Operation.DELETE && fieldCount() == layout.dFieldCount();
    }

    public int fieldCount() {
        return bounds.length / 2;
    }

    /** Trimmed value at a position; null when empty or beyond the row. */
    public String get(int index) {
        if (index < 0 || index >= fieldCount()) {
            return null;
        }
        int s = bounds[2 * index];
        int e = bounds[2 * index + 1];
        return s == e ? null : new String(line, s, e - s, StandardCharsets.ISO_8859_1);
    }

    /** All values as sent (trimmed; empty as ""), for keeping the raw row alongside parsed columns. */
    public String[] rawFields() {
        String[] out = new String[fieldCount()];
        for (int i = 0; i < out.length; i++) {
            String v = get(i);
            out[i] = v == null ? "" : v;
        }
        return out;
    }

    /** The entity's own ID (from field 1 of a short delete, else from its A-row position). */
    public String entityId() {
        if (layout == null || layout.ownIdIndex() < 0) {
            return null;
        }
        return get(isShortDelete() ? 1 : layout.ownIdIndex());
    }

    /** Position of a named field in this row; -1 when a short delete does not carry it. */
    private int indexOf(String fieldName) {
        if (layout == null) {
            throw new EsrFormatException(ErrorReason.UNKNOWN_FIELD, "unknown record type has no named fields",
                    fileName, lineNumber, recordType, fieldName, null);
        }
        int i = layout.indexOf(fieldName);
        if (i < 0) {
            throw new EsrFormatException(ErrorReason.UNKNOWN_FIELD,
                    "record type " + layout.entityCode() + " has no field '" + fieldName + "'",
                    fileName, lineNumber, recordType, fieldName, null);
        }
        if (isShortDelete()) {
            return i == layout.ownIdIndex() ? 1 : -1;
        }
        return i;
    }

    public String getString(String fieldName) {
        return get(indexOf(fieldName));
    }

    /**
     * {@code YYYYMMDD} as a date (the date part of a {@code D/T} timestamp). An open end date
     * ({@code 47121231}) in an end-date field reads as null, as does an empty value.
     */
    public LocalDate getDate(String fieldName) {
        int i = indexOf(fieldName);
        if (isAbsent(i)) {
            return null;
        }
        int s = bounds[2 * i];
        int e = bounds[2 * i + 1];
        if (ValueSyntax.isOpenEndDate(line, s, e) && layout.field(i).openEnd()) {
            return null;
        }
        LocalDate d = ValueSyntax.parseDate(line, s, e);
        if (d == null && e - s == 15) {
            LocalDateTime t = ValueSyntax.parseTimestamp(line, s, e);
            d = t == null ? null : t.toLocalDate();
        }
        if (d == null) {
            throw invalid(i, "date", "YYYYMMDD");
        }
        return d;
    }

    /** {@code YYYYMMDD HHMMSS}; a plain {@code YYYYMMDD} (D/T fields) reads as the start of that day. */
    public LocalDateTime getTimestamp(String fieldName) {
        int i = indexOf(fieldName);
        if (isAbsent(i)) {
            return null;
        }
        int s = bounds[2 * i];
        int e = bounds[2 * i + 1];
        LocalDateTime t = ValueSyntax.parseTimestamp(line, s, e);
        if (t == null && e - s == 8) {
            LocalDate d = ValueSyntax.parseDate(line, s, e);
            t = d == null ? null : d.atStartOfDay();
        }
        if (t == null) {
            throw invalid(i, "timestamp", "YYYYMMDD HHMMSS");
        }
        return t;
    }

    public BigDecimal getDecimal(String fieldName) {
        int i = indexOf(fieldName);
        if (isAbsent(i)) {
            return null;
        }
        BigDecimal d = ValueSyntax.parseDecimal(line, bounds[2 * i], bounds[2 * i + 1]);
        if (d == null) {
            throw invalid(i, "number", "digits with an optional - and .");
        }
        return d;
    }

    /** {@code HH:MM}. */
    public LocalTime getTime(String fieldName) {
        int i = indexOf(fieldName);
        if (isAbsent(i)) {
            return null;
        }
        LocalTime t = ValueSyntax.parseTime(line, bounds[2 * i], bounds[2 * i + 1]);
        if (t == null) {
            throw invalid(i, "time", "HH:MM");
        }
        return t;
    }

    /**
     * Y/Yes → true, N/No → false (any case); null when empty or another code, whose raw text
     * {@link #getString(String)} keeps.
     */
    public Boolean getFlag(String fieldName) {
        String v = getString(fieldName);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("Y") || v.equalsIgnoreCase("Yes")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("N") || v.equalsIgnoreCase("No")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private boolean isAbsent(int i) {
        return i < 0 || i >= fieldCount() || bounds[2 * i] == bounds[2 * i + 1];
    }

    private EsrFormatException invalid(int i, String what, String expected) {
        FieldDef f = layout.field(i);
        return new EsrFormatException(ErrorReason.INVALID_VALUE,
                "field '" + f.name() + "' is not a valid " + what + " (expected " + expected + ")",
                fileName, lineNumber, recordType, f.name(), null);
    }

    @Override
    public String toString() {
        // no values: rows hold personal data
        return "OutboundRecord[" + recordType + " line " + lineNumber + ", " + fieldCount() + " fields]";
    }
}
