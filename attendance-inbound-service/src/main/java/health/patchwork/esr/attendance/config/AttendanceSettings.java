package health.patchwork.esr.attendance.config;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How T&amp;A files are produced for this Trust (spec inbound-files.md §1–2).
 *
 * @param exportSchedule when the cut-off export runs (Spring cron, six fields), "-" to export only on request
 * @param attColumnCount width of every ATT row: 43 (default) or 40 if ESR rejects the costing tail
 * @param workDir local folder where files are written before upload
 */
@Validated
@ConfigurationProperties("esr.attendance")
public record AttendanceSettings(
        @DefaultValue("0 0 18 * * *") @NotNull @CronSchedule String exportSchedule,
        @DefaultValue("43") @NotNull @Pattern(regexp = "43|40", message = "must be 43 or 40") String attColumnCount,
        @DefaultValue("./data/attendance") @NotNull Path workDir) {
}
