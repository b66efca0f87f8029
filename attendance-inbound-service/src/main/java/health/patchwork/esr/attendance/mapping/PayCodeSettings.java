package health.patchwork.esr.attendance.mapping;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Trust's pay-code mapping (docs/spec/inbound-files.md §2.2, docs/spec/README.md §9 item 5): platform pay code to ESR element and
 * input values. Required: without it the service does not start.
 *
 * @param payCodes by platform pay code, e.g. {@code esr.attendance.pay-codes.OT_PLAIN.element=Overtime Plain Time}
 */
@Validated
@ConfigurationProperties("esr.attendance")
public record PayCodeSettings(
        @NotEmpty(message = "must map at least one pay code to an ESR element") Map<String, @NotNull @Valid PayCodeMapping> payCodes) {
}
