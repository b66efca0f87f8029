package health.patchwork.esr.attendance.export;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.support.leader.ScheduledJob;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs {@link AttendanceExport#cutOff()} on {@code esr.attendance.export-schedule} (UK time; "-" for never). */
@Configuration(proxyBeanMethods = false)
class CutOffSchedule {

    @Bean
    ScheduledJob attendanceCutOffExport(AttendanceExport export, AttendanceSettings settings) {
        return ScheduledJob.onLeader("attendance cut-off export", ScheduledJob.ukCron(settings.exportSchedule()),
                export::cutOff);
    }
}
