package health.patchwork.esr.absence.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.CronSchedule;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How AB files are produced for this Trust (docs/spec/inbound-files.md §3–4). The absence-type mapping has its own
 * settings, {@link AbsenceMappingSettings}.
 *
 * @param exportSchedule the fallback monthly run for periods nobody finalised (Spring cron), "-" for none
 * @param reconcileWindowDays an exported absence not echoed back by ESR within this many days needs attention
 * @param workDir local folder where files are written before upload
 * @param referencePrefix put in front of the platform's absence id to make the third-party reference ESR sees
 *                        (ABS field 18); the whole reference must be 1–30 of {@code A-Z 0-9 -}
 * @param reconcileInterval how often ESR's echoed absences are checked
 * @param firstSequence sequence number of the very first AB file (to continue another supplier's count)
 * @param checkAssignments refuse absences whose assignment is not in workforce.published_assignment on the start date
 * @param maxBatchSize most absences in one POST
 * @param inactiveAssignmentStatuses assignment statuses (as the published view carries them) that take no absences
 * @param actorClaim the bearer token's claim that names who finalised a period (recorded, and shown by the period's
 *                   status): taken from the token, never from the request, so a caller cannot name someone else
 */
@Validated
@ConfigurationProperties("esr.absence")
public record AbsenceSettings(
        @DefaultValue("0 0 6 5 * *") @NotNull @CronSchedule String exportSchedule,
        @DefaultValue("45") @Min(1) int reconcileWindowDays,
        @DefaultValue("./data/absence") @NotNull Path workDir,
        @DefaultValue("") @NotNull @Pattern(regexp = "[A-Z0-9-]{0,20}",
                message = "must be at most 20 upper-case letters, digits or hyphens") String referencePrefix,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 10, message = "must be at least 10 seconds")
        Duration reconcileInterval,
        @DefaultValue("1") @Min(1) @Max(99_999_999) long firstSequence,
        @DefaultValue("true") boolean checkAssignments,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxBatchSize,
        @DefaultValue({"TERM_ASSIGN", "Terminate Assignment"}) @NotNull List<String> inactiveAssignmentStatuses,
        @DefaultValue("sub") @NotBlank String actorClaim) {
}
