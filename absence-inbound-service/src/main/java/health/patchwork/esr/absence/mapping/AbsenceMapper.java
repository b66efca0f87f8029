package health.patchwork.esr.absence.mapping;

import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.config.AbsenceMappingSettings;
import health.patchwork.esr.absence.config.CategoryMapping;

import org.springframework.stereotype.Component;

/**
 * Applies the configured mapping (docs/spec/inbound-files.md §3.4–3.5): the absence type, with {@code {n}} replaced by the
 * assignment index, and the reason. A sickness reason is either a configured platform reason or a national level-1
 * reason given by its code ({@code S12}) or its full text.
 */
@Component
public class AbsenceMapper {

    private final AbsenceMappingSettings settings;

    public AbsenceMapper(AbsenceMappingSettings settings) {
        this.settings = settings;
    }

    /** The ESR type, or a reason (never echoing the value) why the reason cannot be mapped. */
    public Result map(AbsenceCategory category, String platformReason, String assignmentNumber) {
        CategoryMapping mapping = mappingOf(category);
        String type = mapping.absenceType().replace("{n}", String.valueOf(assignmentIndex(assignmentNumber)));
        Optional<String> reason;
        if (platformReason == null || platformReason.isBlank()) {
            if (mapping.sickness() && mapping.defaultReason() == null) {
                return Result.error("is required for sickness: a national level-1 reason such as S12");
            }
            reason = Optional.ofNullable(mapping.defaultReason());
        } else if (mapping.reasons().containsKey(platformReason)) {
            reason = Optional.of(mapping.reasons().get(platformReason));
        } else if (mapping.sickness()) {
            reason = national(platformReason);
            if (reason.isEmpty()) {
                return Result.error("must be a national level-1 sickness reason (code such as S12, or its full text)"
                        + " or a reason configured for this category");
            }
        } else {
            return Result.error("is not a reason configured for this category");
        }
        return new Result(new EsrAbsenceType(type, reason.orElse(null), mapping.units(), mapping.sickness()), null);
    }

    private CategoryMapping mappingOf(AbsenceCategory category) {
        return switch (category) {
            case SICKNESS -> settings.sickness();
            case ANNUAL_LEAVE -> settings.annualLeave();
            case STUDY_LEAVE -> settings.studyLeave();
            case OTHER_LEAVE -> settings.otherLeave();
        };
    }

    private Optional<String> national(String reason) {
        List<String> national = settings.nationalSicknessReasons();
        return national.stream()
                .filter(entry -> entry.equals(reason) || entry.startsWith(reason + " ") && reason.matches("S\\d{2}"))
                .findFirst();
    }

    /** "20000001" is the first assignment, "20000001-2" the second. */
    static int assignmentIndex(String assignmentNumber) {
        int dash = assignmentNumber.lastIndexOf('-');
        if (dash < 0) {
            return 1;
        }
        try {
            return Integer.parseInt(assignmentNumber.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Either a type or an error message. */
    public record Result(EsrAbsenceType type, String error) {

        static Result error(String message) {
            return new Result(null, message);
        }
    }
}
