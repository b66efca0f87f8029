package health.patchwork.esr.absence.export;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.store.AbsenceStore;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code export.overdue}: a finalised payroll period whose AB file should have carried absences that are still
 * unsent a day later, the rule health shows ATTENTION for ({@link FinalisedPeriods#OVERDUE_AFTER}). Looked for on the
 * leader every {@code esr.absence.notifications.overdue-check-interval}; each payroll period is told once only.
 */
@Configuration(proxyBeanMethods = false)
class OverdueExports {

    @Bean
    ScheduledJob absenceOverdueExports(OverdueCheck check, AbsenceNotificationSettings settings) {
        return ScheduledJob.onLeader("absence overdue exports", ScheduledJob.everyAfter(
                settings.overdueCheckInterval(), settings.overdueCheckInterval()), check::run);
    }

    @Bean
    OverdueCheck absenceOverdueCheck(AbsenceStore absences, FinalisedPeriods finalised, Notifications notifications,
                                     TransactionTemplate transactions, Clock clock) {
        return new OverdueCheck(absences, finalised, notifications, transactions, clock);
    }

    /** One look for overdue periods; what the job runs (tests call it). */
    static final class OverdueCheck {

        private final AbsenceStore absences;
        private final FinalisedPeriods finalised;
        private final Notifications notifications;
        private final TransactionTemplate transactions;
        private final Clock clock;

        OverdueCheck(AbsenceStore absences, FinalisedPeriods finalised, Notifications notifications,
                     TransactionTemplate transactions, Clock clock) {
            this.absences = absences;
            this.finalised = finalised;
            this.notifications = notifications;
            this.transactions = transactions;
            this.clock = clock;
        }

        /** Publishes {@code export.overdue} for each overdue period not yet told of; returns the periods found. */
        List<AbsenceStore.LeftUnsent> run() {
            if (!notifications.wanted(EventType.EXPORT_OVERDUE)) {
                return List.of();
            }
            return transactions.execute(status -> {
                List<FinalisedPeriods.Finalised> due = finalised.finalisedBefore(
                        clock.instant().minus(FinalisedPeriods.OVERDUE_AFTER));
                Map<String, FinalisedPeriods.Finalised> byPeriod = new LinkedHashMap<>();
                due.forEach(f -> byPeriod.put(key(f.payroll(), f.periodKey()), f));
                List<AbsenceStore.LeftUnsent> overdue = absences.leftUnsentBy(due);
                overdue.forEach(left -> notifications.publish(notice(left,
                        byPeriod.get(key(left.payroll(), left.periodKey())))));
                return overdue;
            });
        }

        private static String key(String payroll, int periodKey) {
            return (payroll == null ? "" : payroll) + ":" + String.format("%04d", periodKey);
        }

        private static Notification notice(AbsenceStore.LeftUnsent left, FinalisedPeriods.Finalised finalisation) {
            String key = key(left.payroll(), left.periodKey());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fileType", "AB");
            data.put("payroll", left.payroll());
            data.put("period", String.format("%04d", left.periodKey()));
            data.put("finalisedAt", finalisation == null ? null : finalisation.at().toString());
            data.put("overdueSince", finalisation == null ? null
                    : finalisation.at().plus(FinalisedPeriods.OVERDUE_AFTER).toString());
            data.put("unsentAbsences", left.absences());
            return Notification.of(EventType.EXPORT_OVERDUE, "period:" + key, data).once("AB:" + key);
        }
    }
}
