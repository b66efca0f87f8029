package health.patchwork.esr.absence.export;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The events this service tells the platform of besides files sent, absences held, confirmed or unconfirmed, which
 * need no setting of their own (where they go is {@code esr.notifications.*}; the unconfirmed window is
 * {@code esr.absence.reconcile-window-days}).
 *
 * @param overdueCheckInterval how often the leader looks for finalised periods whose AB file is overdue
 *                             ({@code export.overdue}, told once per payroll period)
 */
@Validated
@ConfigurationProperties("esr.absence.notifications")
public record AbsenceNotificationSettings(
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 24) Duration overdueCheckInterval) {
}
