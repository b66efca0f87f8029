package health.patchwork.esr.support.mailbox;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a delivery to the mailbox that failed (the mailbox unreachable, a session dropped) is tried again in-process,
 * before the export gives up and leaves the file to the next export or start-up recovery: a short outage at a cut-off
 * then costs minutes, not a day. The defaults try for about a minute and a half.
 *
 * @param maxRetries how many times a failed delivery is tried again (0: never)
 * @param delay      the wait before the first retry
 * @param multiplier how much longer each further wait is
 * @param maxDelay   the longest wait between two tries
 */
@Validated
@ConfigurationProperties("esr.mailbox.retry")
public record MailboxRetrySettings(
        @DefaultValue("3") @Min(0) @Max(10) int maxRetries,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 10) Duration delay,
        @DefaultValue("3") @DecimalMin("1.0") double multiplier,
        @DefaultValue("1m") @NotNull @DurationMin(millis = 10) Duration maxDelay) {
}
