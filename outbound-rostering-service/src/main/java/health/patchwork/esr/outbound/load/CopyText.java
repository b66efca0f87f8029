package health.patchwork.esr.outbound.load;

/**
 * Writes values in PostgreSQL's COPY text format, including {@code text[]} literals. ESR data may hold any
 * ISO-8859-1 character, quotes and backslashes included, so everything is escaped; empty values become NULL.
 */
final class CopyText {

    private CopyText() {
    }

    static void appendNull(StringBuilder out) {
        out.append("\\N");
    }

    /** A date in ISO form, or NULL. */
    static void appendDate(StringBuilder out, java.time.LocalDate date) {
        if (date == null) {
            appendNull(out);
        } else {
            out.append(date);
        }
    }

    /** A plain value, or NULL when null or empty. */
    static void appendValue(StringBuilder out, String value) {
        if (value == null || value.isEmpty()) {
            appendNull(out);
            return;
        }
        appendEscaped(out, value);
    }

    /** A {@code text[]} literal whose empty elements are NULL, escaped for the COPY text format. */
    static void appendArray(StringBuilder out, String[] values) {
        StringBuilder literal = new StringBuilder(values.length * 12);
        literal.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            String v = values[i];
            if (v == null || v.isEmpty()) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        literal.append('}');
        appendEscaped(out, literal);
    }

    private static void appendEscaped(StringBuilder out, CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
