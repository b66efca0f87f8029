package health.patchwork.esr.formats.layout;

/** Whether a field must be filled for one operation (docs/spec/inbound-files.md §3.3: R, C, O, -). */
public enum Presence {
    REQUIRED("R"),
    CONDITIONAL("C"),
    OPTIONAL("O"),
    MUST_BE_EMPTY("-");

    private final String code;

    Presence(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Presence fromCode(String code) {
        for (Presence p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown presence code " + code);
    }
}
