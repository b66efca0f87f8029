package health.patchwork.esr.formats.name;

/** GOF (full snapshot) or GOC (changes). */
public enum ExtractType {
    FULL('F'),
    CHANGE('C');

    private final char code;

    ExtractType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static ExtractType fromCode(char c) {
        return c == 'F' ? FULL : CHANGE;
    }
}
