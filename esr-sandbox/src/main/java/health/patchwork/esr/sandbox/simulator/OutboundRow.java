package health.patchwork.esr.sandbox.simulator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import health.patchwork.esr.formats.layout.RecordLayout;

/**
 * One outbound row built by field name from the layout resource, so the simulator writes whatever field counts and
 * positions the layout in force says, exactly as ESR would.
 */
final class OutboundRow {

    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private final RecordLayout layout;
    private final String[] values;

    private OutboundRow(RecordLayout layout, String recordType, int width) {
        this.layout = layout;
        this.values = new String[width];
        Arrays.fill(values, "");
        values[0] = recordType;
    }

    static OutboundRow add(RecordLayout layout) {
        return new OutboundRow(layout, layout.addRecordType(), layout.aFieldCount());
    }

    /** A delete row: the record type and the entity's own ID only (docs/spec/outbound-rostering.md §3). */
    static String[] delete(RecordLayout layout, String id) {
        return new String[] {layout.deleteRecordType(), id};
    }

    OutboundRow set(String field, String value) {
        values[layout.field(field).index()] = value == null ? "" : value;
        return this;
    }

    OutboundRow set(String field, LocalDate date) {
        return set(field, date == null ? "" : DATE.format(date));
    }

    OutboundRow set(String field, LocalDateTime timestamp) {
        return set(field, timestamp == null ? "" : TIMESTAMP.format(timestamp));
    }

    String[] values() {
        return values.clone();
    }
}
