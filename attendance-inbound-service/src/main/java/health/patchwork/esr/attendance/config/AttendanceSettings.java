package health.patchwork.esr.attendance.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How T&amp;A files are produced for this Trust (spec inbound-files.md §1–2). Pay codes and the payroll calendar have
 * records of their own ({@code esr.attendance.pay-codes}, {@code esr.attendance.calendar}).
 *
 * @param exportSchedule when the cut-off export runs (Spring cron, six fields), "-" to export only on request; each
 *                       run exports every period whose cut-off has passed and that has unsent lines
 * @param attColumnCount width of every ATT row: 43 (default) or 40 if ESR rejects the costing tail
 * @param workDir local folder where files are written before upload
 * @param firstSequence sequence number of the first TA file (default 1), e.g. to continue a previous supplier's count
 * @param inactiveAssignmentStatuses assignment statuses (system or user status, as the published view carries them)
 *                                   on which no time can be claimed
 */
@Validated
@ConfigurationProperties("esr.attendance")
public record AttendanceSettings(
        @DefaultValue("0 0 18 * * *") @NotNull @CronSchedule String exportSchedule,
        @DefaultValue("43") @NotNull @Pattern(regexp = "43|40", message = "must be 43 or 40") String attColumnCount,
        @DefaultValue("./data/attendance") @NotNull Path workDir,
        @DefaultValue("1") @Min(1) long firstSequence,
        @DefaultValue({"TERM_ASSIGN", "Terminate Assignment"}) @NotNull List<String> inactiveAssignmentStatuses) {
}
