package health.patchwork.esr.outbound.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.read.FieldCountPolicies;
import health.patchwork.esr.formats.read.FieldCountPolicy;
import health.patchwork.esr.formats.read.TrailerCountMode;
import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How this Trust's Generic Outbound Rostering feed is picked up and applied (docs/spec/README.md §2, §6, §7, §10).
 *
 * @param subFileType the {@code <SUB>} segment of this Trust's GO file names; files with another are not ours
 * @param acceptedVersions interface versions (HDR field 6) accepted
 * @param pollInterval how often the mailbox's outbound folder is listed
 * @param minFileAge a file is picked up only once its size has been stable for at least this long
 * @param workDir local folder for downloads, the compressed archive and quarantine
 * @param archiveRetentionDays how long downloaded files are kept in the local archive
 * @param maxEndedFraction full-file safety threshold: fraction of held entities a full file may end
 * @param minEndedToCheck the threshold applies only when at least this many entities would end
 * @param fullRefreshSchedule optional schedule for a routine full-refresh request, "-" for none
 * @param fullRefreshCutoverTime the time of day of a full-refresh request's cut-over, on the day it is sent
 *                               (docs/spec/README.md §7.5 {@code fullRefresh.cutoverTime}): any time, midnight by
 *                               default, the boundary of ESR's daily change windows
 * @param pollingEnabled whether the mailbox is polled on {@code pollInterval}; off, files are taken only on request
 * @param fieldCountPolicy how a row whose field count differs from its layout is taken (docs/spec/README.md §6.1 check
 *                         12): TRAILING_EMPTY (extra empty fields at the end are layout drift: accepted, warned once
 *                         per record type per file and counted), STRICT or TOLERANT
 * @param fieldCountPolicies the policy of single record types, by type as in the file ({@code ASA}) or entity
 *                           ({@code AS}), over {@code fieldCountPolicy}
 * @param trailerCountMode what TRL counts: ALL_ROWS or DATA_ROWS (docs/spec/README.md §5)
 * @param refreshAlertAfter a pending full-refresh request turns the sequence health DOWN after this long
 * @param quarantineRetentionDays how long quarantined files and their reports are kept locally
 * @param retentionSchedule when archived and quarantined files past their retention are purged (Spring cron, UK
 *                          time), "-" for never
 * @param expectedEvery how often ESR sends this Trust a file (a change file each day by default), "-" if it keeps
 *                      no schedule; a file is late once none arrived for this long plus {@code lateGrace}
 * @param lateGrace slack on top of {@code expectedEvery} before a missing file counts as late
 * @param diskSpaceMargin free space the work folder keeps after a download: a download that would leave less is
 *                        refused before it starts (a full disk would also stop the archive and the database's
 *                        neighbours on a shared volume)
 */
@Validated
@ConfigurationProperties("esr.outbound")
public record OutboundSettings(
        @DefaultValue("RST") @NotNull @Pattern(regexp = "[A-Z0-9]{3}", message = "must be 3 upper-case letters or digits") String subFileType,
        @DefaultValue("01") @NotEmpty List<@Pattern(regexp = "\\d{2}", message = "must be 2 digits") String> acceptedVersions,
        @DefaultValue("15m") @NotNull Duration pollInterval,
        @DefaultValue("2m") @NotNull Duration minFileAge,
        @DefaultValue("./data/outbound") @NotNull Path workDir,
        @DefaultValue("90") @Min(1) int archiveRetentionDays,
        @DefaultValue("0.10") @DecimalMin("0.0") @DecimalMax("1.0") double maxEndedFraction,
        @DefaultValue("20") @Min(0) int minEndedToCheck,
        @DefaultValue("-") @NotNull @CronSchedule String fullRefreshSchedule,
        @DefaultValue("00:00:00") @NotNull LocalTime fullRefreshCutoverTime,
        @DefaultValue("true") boolean pollingEnabled,
        @DefaultValue("TRAILING_EMPTY") @NotNull FieldCountPolicy fieldCountPolicy,
        Map<String, @NotNull FieldCountPolicy> fieldCountPolicies,
        @DefaultValue("ALL_ROWS") @NotNull TrailerCountMode trailerCountMode,
        @DefaultValue("48h") @NotNull Duration refreshAlertAfter,
        @DefaultValue("90") @Min(1) int quarantineRetentionDays,
        @DefaultValue("0 30 3 * * *") @NotNull @CronSchedule String retentionSchedule,
        @DefaultValue("1d") @NotNull String expectedEvery,
        @DefaultValue("6h") @NotNull Duration lateGrace,
        @DefaultValue("256MB") @NotNull DataSize diskSpaceMargin) {

    /** Bean-validation property "expectedEvery": a positive duration, or "-". */
    @AssertTrue(message = "must be a duration such as 1d, 12h or P1D, or - for no schedule")
    public boolean isExpectedEvery() {
        if (expectedEvery == null || "-".equals(expectedEvery)) {
            return true;
        }
        try {
            Duration every = DurationStyle.detectAndParse(expectedEvery);
            return !every.isNegative() && !every.isZero();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Bean-validation property "fieldCountPolicies": each key names a record type of the outbound layout. */
    @AssertTrue(message = "keys must be record types of the outbound layout, such as ASA or AS")
    public boolean isFieldCountPolicies() {
        if (fieldCountPolicies == null) {
            return true;
        }
        InterfaceLayout layout = InterfaceLayout.outboundRostering(acceptedVersions == null || acceptedVersions.isEmpty()
                ? "01" : acceptedVersions.get(0));
        for (String type : fieldCountPolicies.keySet()) {
            try {
                if (layout.byEntityCode(FieldCountPolicies.entity(type)).isEmpty()) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** The field-count policy of every record type, for the validator and the loaders. */
    public FieldCountPolicies fieldCounts() {
        return new FieldCountPolicies(fieldCountPolicy, fieldCountPolicies == null ? Map.of() : fieldCountPolicies);
    }

    /** Bean-validation property "diskSpaceMargin": zero or more. */
    @AssertTrue(message = "must be a size of zero or more, such as 256MB or 1GB")
    public boolean isDiskSpaceMargin() {
        return diskSpaceMargin == null || !diskSpaceMargin.isNegative();
    }

    /** How long after the last file the next one is late; empty when ESR keeps no schedule for this Trust. */
    public Optional<Duration> lateAfter() {
        if ("-".equals(expectedEvery)) {
            return Optional.empty();
        }
        return Optional.of(DurationStyle.detectAndParse(expectedEvery).plus(lateGrace));
    }

    public Path incomingDir() {
        return workDir.resolve("incoming");
    }

    public Path archiveDir() {
        return workDir.resolve("archive");
    }

    public Path quarantineDir() {
        return workDir.resolve("quarantine");
    }
}
