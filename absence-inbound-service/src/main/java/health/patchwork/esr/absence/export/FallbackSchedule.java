package health.patchwork.esr.absence.export;

import java.time.Duration;
import java.time.ZonedDateTime;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.period.PayrollPeriods;
import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.payroll.PayrollCalendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs {@link AbsenceExport#runFallback()} on {@code esr.absence.export-schedule} (UK time; "-" for never). The
 * default runs monthly; a Trust with a weekly payroll is told at start-up if its schedule leaves weeks unfinalised,
 * since the fallback finalises only the period just ended of each payroll and the weeks between wait for a later one.
 */
@Configuration(proxyBeanMethods = false)
class FallbackSchedule {

    private static final Logger log = LoggerFactory.getLogger(FallbackSchedule.class);

    @Bean
    ScheduledJob absenceFallbackExport(AbsenceExport export, AbsenceSettings settings, PayrollPeriods periods) {
        warnIfLessOftenThanPayrolls(settings.exportSchedule(), periods);
        return ScheduledJob.onLeader("absence export", ScheduledJob.ukCron(settings.exportSchedule()),
                export::runFallback).about(export::fallbackPeriod);
    }

    private static void warnIfLessOftenThanPayrolls(String schedule, PayrollPeriods periods) {
        if (ScheduledJob.NEVER.equals(schedule)) {
            return;
        }
        Duration longestGap = longestGap(CronExpression.parse(schedule));
        for (PayrollCalendar payroll : periods.all()) {
            if (longestGap.compareTo(shortestPeriod(payroll.periodType())) > 0) {
                log.warn("esr.absence.export-schedule runs up to {} days apart, longer than a period of payroll {}"
                        + " ({}): the fallback finalises only each payroll's period just ended, so absences of the"
                        + " periods between wait for a later file. Schedule it at least once a period, e.g."
                        + " \"0 0 10 * * MON\" for a weekly payroll", longestGap.toDays(),
                        payroll.name() == null ? "of esr.inbound.period-type" : payroll.name(), payroll.periodType());
            }
        }
    }

    /** The longest gap between two runs over the coming year (or its first runs, for a schedule running often). */
    private static Duration longestGap(CronExpression cron) {
        ZonedDateTime from = ZonedDateTime.now(ScheduledJob.UK);
        Duration longest = Duration.ZERO;
        ZonedDateTime previous = cron.next(from);
        int runs = 0;
        for (ZonedDateTime next = previous == null ? null : cron.next(previous); next != null
                && next.isBefore(from.plusYears(1)) && runs++ < 10_000; previous = next, next = cron.next(next)) {
            Duration gap = Duration.between(previous, next);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return longest;
    }

    private static Duration shortestPeriod(PeriodType type) {
        return Duration.ofDays(switch (type) {
            case WEEKLY -> 7;
            case FORTNIGHTLY -> 14;
            case LUNAR -> 28;
            case MONTHLY -> 31;
        });
    }
}
