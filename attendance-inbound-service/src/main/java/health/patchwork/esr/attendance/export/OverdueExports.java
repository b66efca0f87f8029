package health.patchwork.esr.attendance.export;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.PendingPeriod;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code export.overdue}: a payroll period whose TA file is overdue, by the rule health shows ATTENTION for
 * ({@link ExportEntries#overduePeriods}: lines still unsent a day after the cut-off). Looked for on the leader every
 * {@code esr.attendance.notifications.overdue-check-interval}; each payroll period is told once only, however often
 * the check runs and on whichever instance leads.
 */
@Configuration(proxyBeanMethods = false)
class OverdueExports {

    @Bean
    ScheduledJob attendanceOverdueExports(OverdueCheck check, AttendanceNotificationSettings settings) {
        return ScheduledJob.onLeader("attendance overdue exports", ScheduledJob.everyAfter(
                settings.overdueCheckInterval(), settings.overdueCheckInterval()), check::run);
    }

    @Bean
    OverdueCheck attendanceOverdueCheck(ExportEntries entries, Notifications notifications,
                                        TransactionTemplate transactions, Clock clock) {
        return new OverdueCheck(entries, notifications, transactions, clock);
    }

    /** One look for overdue periods; what the job runs (tests call it). */
    static final class OverdueCheck {

        private final ExportEntries entries;
        private final Notifications notifications;
        private final TransactionTemplate transactions;
        private final Clock clock;

        OverdueCheck(ExportEntries entries, Notifications notifications, TransactionTemplate transactions,
                     Clock clock) {
            this.entries = entries;
            this.notifications = notifications;
            this.transactions = transactions;
            this.clock = clock;
        }

        /** Publishes {@code export.overdue} for each overdue period not yet told of; returns the periods found. */
        List<PendingPeriod> run() {
            if (!notifications.wanted(EventType.EXPORT_OVERDUE)) {
                return List.of();
            }
            return transactions.execute(status -> {
                List<PendingPeriod> overdue = entries.overduePeriods(clock.instant());
                overdue.forEach(period -> notifications.publish(notice(period)));
                return overdue;
            });
        }

        private static Notification notice(PendingPeriod period) {
            String yypp = period.period().yy() + period.period().pp();
            String payroll = period.payroll() == null ? "" : period.payroll();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("fileType", "TA");
            data.put("payroll", period.payroll());
            data.put("period", yypp);
            data.put("cutOff", period.cutOff().toString());
            data.put("overdueSince", period.cutOff().plus(ExportEntries.OVERDUE_AFTER).toString());
            data.put("unsentLines", period.lines());
            data.put("unsentRows", period.rows());
            return Notification.of(EventType.EXPORT_OVERDUE, "period:" + payroll + ":" + yypp, data)
                    .once("TA:" + payroll + ":" + yypp);
        }
    }
}
