package health.patchwork.esr.outbound.registration;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The daily check that tells the platform of professional registrations nearing their expiry date
 * ({@code registration.expiring}) or past it ({@code registration.expired}), run by {@link RegistrationNotices}.
 *
 * @param schedule when the leader runs the check (Spring cron, UK time), "-" for never; it also runs once a few
 *                 minutes after start-up, so a missed morning is caught up
 * @param thresholds days before the expiry date at which a registration.expiring is told (each once per registration
 *                   and expiry date); a registration first seen nearer its expiry is told only the nearest threshold
 *                   it has reached
 * @param expiredWithinDays a registration.expired is told only while the expiry date is at most this many days past,
 *                          so the first run does not tell years of lapsed history
 */
@Validated
@ConfigurationProperties("esr.outbound.registration-notices")
public record RegistrationNoticeSettings(
        @DefaultValue("0 15 6 * * *") @NotNull @CronSchedule String schedule,
        @DefaultValue({"90", "30", "7"}) @NotEmpty List<@NotNull @Min(0) @Max(3650) Integer> thresholds,
        @DefaultValue("30") @Min(0) @Max(3650) int expiredWithinDays) {

    /** Bean-validation property "thresholds": each number once. */
    @AssertTrue(message = "must not name a number of days twice")
    public boolean isThresholds() {
        return thresholds == null || thresholds.stream().distinct().count() == thresholds.size();
    }
}
