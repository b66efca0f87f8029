package health.patchwork.esr.support.trust;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust this deployment serves. One deployment serves one Trust (one ESR VPD).
 *
 * @param vpd the Trust's 3-digit ESR Virtual Private Database number, as in every file name and header
 * @param name a display name for operators (optional)
 * @param bankOnly {@code true} for a bank-only Trust, which has no Generic Absence Inbound interface
 */
@Validated
@ConfigurationProperties("esr.trust")
public record TrustSettings(
        @NotNull @Pattern(regexp = "\\d{3}", message = "must be the Trust's 3-digit ESR VPD number") String vpd,
        String name,
        @DefaultValue("false") boolean bankOnly) {

    /** The three ESR interfaces and whether this Trust uses each (a bank-only Trust has no absence interface). */
    public Map<String, String> interfaces() {
        Map<String, String> interfaces = new LinkedHashMap<>();
        interfaces.put("generic-outbound-rostering", "enabled");
        interfaces.put("generic-time-and-attendance-inbound", "enabled");
        interfaces.put("generic-absence-inbound", bankOnly ? "not used (bank-only Trust)" : "enabled");
        return interfaces;
    }
}
