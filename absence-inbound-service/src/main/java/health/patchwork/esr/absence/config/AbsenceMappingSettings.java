package health.patchwork.esr.absence.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Platform absence category and reason to ESR absence type, reason and units ({@code absenceMapping}, docs/spec/README.md §9
 * item 6), one entry per category the platform sends, and the national level-1 sickness reasons that sickness must
 * carry. Validated at start-up: a missing or inconsistent entry stops the service with one line naming it.
 *
 * @param sickness                the ESR absence type, units and reasons of the platform's SICKNESS category
 * @param annualLeave             the ESR absence type and units of ANNUAL_LEAVE ({n}: the assignment's index)
 * @param studyLeave              the ESR absence type and units of STUDY_LEAVE
 * @param otherLeave              the ESR absence type and units of OTHER_LEAVE
 * @param nationalSicknessReasons the national level-1 sickness reasons (e.g. "S12 Other musculoskeletal problems")
 *                                a sickness's reason must be one of; default: the national list
 */
@Validated
@ValidAbsenceMapping
@ConfigurationProperties("esr.absence.mapping")
public record AbsenceMappingSettings(
        @Valid @NotNull(message = "must be configured (absence-type, units)") CategoryMapping sickness,
        @Valid @NotNull(message = "must be configured (absence-type, units)") CategoryMapping annualLeave,
        @Valid @NotNull(message = "must be configured (absence-type, units)") CategoryMapping studyLeave,
        @Valid @NotNull(message = "must be configured (absence-type, units)") CategoryMapping otherLeave,
        List<@Pattern(regexp = "S\\d{2} \\S.*", message = "must be a national reason such as S12 Other musculoskeletal problems")
                String> nationalSicknessReasons) {

    public AbsenceMappingSettings {
        nationalSicknessReasons = nationalSicknessReasons == null || nationalSicknessReasons.isEmpty()
                ? NationalSicknessReasons.DEFAULT : List.copyOf(nationalSicknessReasons);
    }
}
