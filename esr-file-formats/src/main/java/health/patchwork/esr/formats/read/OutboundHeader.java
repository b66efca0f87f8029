package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.text.DelimitedLineSource;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.time.LocalDateTime;
import java.util.List;

/**
 * HDR of an outbound file (docs/spec/outbound-rostering.md §2). Values that did not parse are null.
 *
 * @param previousRunDate null for {@code 00000000 000000} (full files)
 */
public record OutboundHeader(String fileName, LocalDateTime creationTimestamp, String vpd,
                             LocalDateTime previousRunDate, LocalDateTime runDate, String interfaceVersion) {

    public static final int FIELD_COUNT = 7;
    /** HDR field names by position (docs/spec/outbound-rostering.md §2). */
    public static final List<String> FIELD_NAMES = List.of("Record Type", "File Name", "File Creation Timestamp",
            "VPD", "Previous Run Date", "Run Date", "Interface Version");

    /** True when the current line is an HDR of the right shape (docs/spec/README.md §6.1 check 4). */
    public static boolean isHeaderLine(DelimitedLineSource line) {
        return line.lineStartsWith("HDR~") && line.fieldCount() == FIELD_COUNT;
    }

    /** Reads the current line as HDR, leniently: fields that do not parse are null. */
    public static OutboundHeader from(DelimitedLineSource line) {
        return new OutboundHeader(line.field(1), timestamp(line, 2), line.field(3), timestamp(line, 4),
                timestamp(line, 5), line.field(6));
    }

    private static LocalDateTime timestamp(DelimitedLineSource line, int i) {
        return i < line.fieldCount() ? ValueSyntax.parseTimestamp(line.buffer(), line.start(i), line.end(i)) : null;
    }
}
