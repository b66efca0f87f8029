package health.patchwork.esr.attendance.mapping;

/** Where an input value comes from. */
public enum ValueSource {
    HOURS(true),
    UNITS(true),
    RATE(true),
    AMOUNT(true),
    WORK_DATE(false),
    LINE_ID(false),
    CONSTANT(false);

    private final boolean numeric;

    ValueSource(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }

    static ValueSource of(String source) {
        if (source == null) {
            return null;
        }
        if (source.startsWith("CONSTANT:")) {
            return CONSTANT;
        }
        for (ValueSource s : values()) {
            if (s != CONSTANT && s.name().equals(source)) {
                return s;
            }
        }
        return null;
    }

    ValueFormat defaultFormat() {
        return numeric ? ValueFormat.DECIMAL_2 : this == WORK_DATE ? ValueFormat.DATE_DMY : ValueFormat.TEXT;
    }

    boolean accepts(ValueFormat format) {
        return numeric ? format == ValueFormat.DECIMAL_2 || format == ValueFormat.INTEGER
                : this == WORK_DATE ? format == ValueFormat.DATE_DMY : format == ValueFormat.TEXT;
    }
}
