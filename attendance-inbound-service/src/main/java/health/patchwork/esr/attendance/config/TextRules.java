package health.patchwork.esr.attendance.config;

/** What a value must be to be written into a TA file unchanged (docs/spec/inbound-files.md §1.1, docs/spec/README.md §9 item 9). */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Why {@code value} cannot be written as it is, or null when it can. Never quotes the value: it may be personal
     * data.
     *
     * @param quoted whether the field is written in quotes (then a comma is allowed)
     */
    public static String problem(String value, boolean quoted) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return "contains a character outside ISO-8859-1";
            }
            if (c == '"') {
                return "contains a double quote";
            }
            if (c == '\r' || c == '\n') {
                return "contains a line break";
            }
            if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                return "contains a control character";
            }
            if (c == ',' && !quoted) {
                return "contains a comma";
            }
        }
        if (!value.equals(value.strip())) {
            return "has leading or trailing spaces";
        }
        return null;
    }
}
