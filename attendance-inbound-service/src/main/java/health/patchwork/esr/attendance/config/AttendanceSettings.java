package health.patchwork.esr.attendance.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import health.patchwork.esr.support.settings.CronSchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How T&amp;A files are produced for this Trust (docs/spec/inbound-files.md §1–2). Pay codes and the payroll calendar have
 * records of their own ({@code esr.attendance.pay-codes}, {@code esr.attendance.calendar}).
 *
 * @param exportSchedule when the cut-off export runs (Spring cron, six fields), "-" to export only on request; each
 *                       run exports every period whose cut-off has passed and that has unsent lines
 * @param attColumnCount width of every ATT row: 43 (default) or 40 if ESR rejects the costing tail
 * @param workDir local folder where files are written before upload
 * @param firstSequence sequence number of the first TA file (default 1), e.g. to continue a previous supplier's count
 * @param inactiveAssignmentStatuses assignment statuses (system or user status, as the published view carries them)
 *                                   on which no time can be claimed
 * @param recordSeparator after each record ({@code inbound.recordSeparator}): CR (default), LF or CRLF
 * @param terminateLastRecord whether FTR gets a separator too ({@code inbound.terminateLastRecord}, default false)
 * @param earnedDate ATT field 5 ({@code inbound.earnedDate}): WORK_DATE (default) or BLANK
 * @param transliteration characters replaced before the ISO-8859-1 check and in the file
 *                        ({@code inbound.transliteration}), e.g. {@code esr.attendance.transliteration.[’]='}; none by
 *                        default, so such characters are rejected
 * @param checksBeforeExport whether each export checks its claims again against the workforce and the other lines of
 *                           their day, holding those that fail (default true). An operator's lever for a feed known to
 *                           be wrong (a change file that ends every assignment): with false, claims go as accepted
 */
@Validated
@ConfigurationProperties("esr.attendance")
public record AttendanceSettings(
        @DefaultValue("0 0 18 * * *") @NotNull @CronSchedule String exportSchedule,
        @DefaultValue("43") @NotNull @Pattern(regexp = "43|40", message = "must be 43 or 40") String attColumnCount,
        @DefaultValue("./data/attendance") @NotNull Path workDir,
        @DefaultValue("1") @Min(1) long firstSequence,
        @DefaultValue({"TERM_ASSIGN", "Terminate Assignment"}) @NotNull List<String> inactiveAssignmentStatuses,
        @DefaultValue("CR") @NotNull RecordSeparator recordSeparator,
        @DefaultValue("false") boolean terminateLastRecord,
        @DefaultValue("WORK_DATE") @NotNull EarnedDate earnedDate,
        @DefaultValue Map<String, String> transliteration,
        @DefaultValue("true") boolean checksBeforeExport) {

    public enum RecordSeparator {
        CR("\r"), LF("\n"), CRLF("\r\n");

        private final String text;

        RecordSeparator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public enum EarnedDate { WORK_DATE, BLANK }

    /** Bean-validation property "transliteration": each key one character, each replacement writable text. */
    @AssertTrue(message = "must map single characters to ISO-8859-1 text without quotes, commas or line breaks")
    public boolean isTransliteration() {
        return transliteration == null || transliteration.entrySet().stream().allMatch(e -> e.getKey().length() == 1
                && e.getValue() != null && TextRules.problem(e.getValue(), false) == null);
    }

    /** As the library's writer takes it. */
    public Map<Character, String> transliterationTable() {
        Map<Character, String> table = new HashMap<>();
        transliteration.forEach((k, v) -> table.put(k.charAt(0), v));
        return table;
    }

    /** {@code value} with the configured replacements applied. */
    public String transliterate(String value) {
        if (value == null || transliteration.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            String replacement = transliteration.get(String.valueOf(value.charAt(i)));
            out.append(replacement != null ? replacement : String.valueOf(value.charAt(i)));
        }
        return out.toString();
    }
}
