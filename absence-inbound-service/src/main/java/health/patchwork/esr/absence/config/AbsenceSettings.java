package health.patchwork.esr.absence.config;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How AB files are produced for this Trust (spec inbound-files.md §3–4).
 *
 * @param exportSchedule the fallback monthly run for periods nobody finalised (Spring cron), "-" for none
 * @param reconcileWindowDays an exported absence not echoed back by ESR within this many days needs attention
 * @param workDir local folder where files are written before upload
 */
@Validated
@ConfigurationProperties("esr.absence")
public record AbsenceSettings(
        @DefaultValue("0 0 6 5 * *") @NotNull @CronSchedule String exportSchedule,
        @DefaultValue("45") @Min(1) int reconcileWindowDays,
        @DefaultValue("./data/absence") @NotNull Path workDir) {
}
