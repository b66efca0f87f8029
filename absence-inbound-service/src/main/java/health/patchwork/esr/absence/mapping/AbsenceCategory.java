package health.patchwork.esr.absence.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The absence categories the platform sends. Each has an entry in {@code esr.absence.mapping}. */
public enum AbsenceCategory {
    SICKNESS,
    ANNUAL_LEAVE,
    STUDY_LEAVE,
    OTHER_LEAVE;

    public static Optional<AbsenceCategory> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }
}
