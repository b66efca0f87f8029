package health.patchwork.esr.absence.export;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.support.leader.ScheduledJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link AbsenceExport#runFallback()} on {@code esr.absence.export-schedule} (UK time; "-" for never). */
@Configuration(proxyBeanMethods = false)
class FallbackSchedule {

    @Bean
    ScheduledJob absenceFallbackExport(AbsenceExport export, AbsenceSettings settings) {
        return ScheduledJob.onLeader("absence export", ScheduledJob.ukCron(settings.exportSchedule()),
                export::runFallback).about(export::fallbackPeriod);
    }
}
