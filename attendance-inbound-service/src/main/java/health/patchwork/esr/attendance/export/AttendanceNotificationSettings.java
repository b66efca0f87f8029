package health.patchwork.esr.attendance.export;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The events this service tells the platform of besides files sent and lines held, which need no setting (where
 * they go is {@code esr.notifications.*}).
 *
 * @param overdueCheckInterval how often the leader looks for periods whose TA file is overdue
 *                             ({@code export.overdue}, told once per payroll period)
 */
@Validated
@ConfigurationProperties("esr.attendance.notifications")
public record AttendanceNotificationSettings(
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 24) Duration overdueCheckInterval) {
}
