package health.patchwork.esr.outbound.bench;

/** The array literal writer of the staging load, for the benchmark's baseline (same encoding cost). */
final class BenchCopyText {

    private BenchCopyText() {
    }

    static void appendArray(StringBuilder out, String[] values) {
        out.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values[i];
            if (v.isEmpty()) {
                out.append("NULL");
                continue;
            }
            out.append('"');
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                switch (c) {
                    case '"' -> out.append("\\\\\"");
                    case '\\' -> out.append("\\\\\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        out.append('}');
    }
}
