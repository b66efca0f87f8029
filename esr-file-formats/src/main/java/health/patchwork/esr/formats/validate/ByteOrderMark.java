package health.patchwork.esr.formats.validate;

import java.util.Optional;

/**
 * A byte-order mark in front of the first record. ESR writes ISO-8859-1 with none (docs/spec/README.md §3), so a
 * mark means the file was re-saved by some tool on the way; it is reported as what it is rather than as a header
 * that is not a header.
 */
final class ByteOrderMark {

    /** Marks as their bytes read in ISO-8859-1 (one char per byte), and the UTF-8 mark read as UTF-8. */
    private static final String[][] MARKS = {
            {"\u00EF\u00BB\u00BF", "UTF-8 byte-order mark (EF BB BF)"},
            {"\u00FE\u00FF", "UTF-16 big-endian byte-order mark (FE FF)"},
            {"\u00FF\u00FE", "UTF-16 little-endian byte-order mark (FF FE)"},
            {"\uFEFF", "byte-order mark (U+FEFF)"}};

    private ByteOrderMark() {
    }

    /** The mark the first field of a file starts with, described, if any. */
    static Optional<String> atStartOf(String firstField) {
        if (firstField == null) {
            return Optional.empty();
        }
        for (String[] mark : MARKS) {
            if (firstField.startsWith(mark[0])) {
                return Optional.of(mark[1]);
            }
        }
        return Optional.empty();
    }

    /** Reports the mark as the reason the first line is not a header (check 4 of §6.1 and its inbound twin). */
    static void report(IssueCollector issues, String mark) {
        issues.error(ValidationOutcome.REJECTED_NO_HEADER, 1, "HDR", null,
                "HDR as the first bytes, with no byte-order mark (ESR sends ISO-8859-1)", mark,
                "the file starts with a " + mark + " at line 1; ESR sends ISO-8859-1 without one");
    }
}
