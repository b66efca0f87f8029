package health.patchwork.esr.absence.config;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How one platform absence category becomes an ESR absence (docs/spec/inbound-files.md §3.5).
 *
 * @param absenceType ESR absence type name; {@code {n}} is replaced by the assignment index (no suffix 1, "-N" N)
 * @param units D (calendar days) or H (hours)
 * @param sickness a sickness type: needs a national level-1 reason, fills the sickness dates, may be open-ended
 * @param reasons platform reason code to ESR absence reason
 * @param defaultReason ESR reason used when the platform sends none (optional)
 */
public record CategoryMapping(
        @NotBlank(message = "must name the ESR absence type") @Size(max = 80) String absenceType,
        @NotNull(message = "must be D (calendar days) or H (hours)")
        @Pattern(regexp = "[DH]", message = "must be D (calendar days) or H (hours)") String units,
        boolean sickness,
        Map<String, String> reasons,
        String defaultReason) {

    public CategoryMapping {
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
        defaultReason = defaultReason == null || defaultReason.isBlank() ? null : defaultReason;
    }
}
