package health.patchwork.esr.support.inbound;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the two inbound interfaces (T&amp;A and absence) write into every file name and header (spec docs/spec/inbound-files.md
 * §1.2).
 *
 * @param sourceSystemCode our supplier code {@code <SYS>} as ESR assigned it at onboarding
 * @param periodType the Trust's payroll frequency for these feeds: W weekly, F fortnightly, L lunar, M monthly
 */
@Validated
@ConfigurationProperties("esr.inbound")
public record InboundFileSettings(
        @DefaultValue("PWH") @NotNull @Pattern(regexp = "[A-Z0-9]{3}", message = "must be 3 upper-case letters or digits") String sourceSystemCode,
        @DefaultValue("M") @NotNull @Pattern(regexp = "[WFLM]", message = "must be W, F, L or M") String periodType) {
}
