package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.name.EsrFileKind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of validating one file.
 *
 * @param header             null when the file has no usable header
 * @param trailerCount       count in TRL/FTR, null when absent or not a number
 * @param lineCount          non-blank lines (outbound) or records (inbound), header and trailer included
 * @param countsByRecordType rows per record type in file order of first appearance, HDR and TRL included
 * @param unknownRecordTypes rows of record types the layout does not know (never fatal); a malformed type
 *                           is counted under {@code "(malformed)"} so that no row content leaks
 * @param trailingEmptyFieldRows rows per record type accepted with extra empty fields at the end (layout drift,
 *                           {@link health.patchwork.esr.formats.read.FieldCountPolicy#TRAILING_EMPTY})
 * @param issues             errors in the order found, at most the configured maximum
 * @param totalIssueCount    all errors found, including those beyond the maximum
 */
public record ValidationReport(ValidationOutcome outcome, String fileName, EsrFileKind fileKind, HeaderValues header,
                               Long trailerCount, long lineCount, Map<String, Long> countsByRecordType,
                               Map<String, Long> unknownRecordTypes, Map<String, Long> trailingEmptyFieldRows,
                               List<ValidationIssue> warnings,
                               List<ValidationIssue> issues, long totalIssueCount) {

    public ValidationReport {
        countsByRecordType = Collections.unmodifiableMap(new LinkedHashMap<>(countsByRecordType));
        unknownRecordTypes = Collections.unmodifiableMap(new LinkedHashMap<>(unknownRecordTypes));
        trailingEmptyFieldRows = trailingEmptyFieldRows == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(trailingEmptyFieldRows));
        warnings = List.copyOf(warnings);
        issues = List.copyOf(issues);
    }

    /**
     * A report decided from the file name alone (check 1, or a name no grammar matches): the content is not read.
     */
    public static ValidationReport fromNameOnly(String fileName, EsrFileKind kind, ValidationOutcome outcome,
                                                String message) {
        ValidationIssue issue = outcome.isRejected()
                ? ValidationIssue.error(outcome, 0, null, null, null, null, message)
                : ValidationIssue.warning(0, null, null, null, null, message);
        return new ValidationReport(outcome, fileName, kind, null, null, 0, Map.of(), Map.of(), Map.of(),
                outcome.isRejected() ? List.of() : List.of(issue), outcome.isRejected() ? List.of(issue) : List.of(),
                outcome.isRejected() ? 1 : 0);
    }

    public boolean isValid() {
        return outcome == ValidationOutcome.VALID;
    }

    public long count(String recordType) {
        return countsByRecordType.getOrDefault(recordType, 0L);
    }

    /** The first error, if any. */
    public ValidationIssue firstIssue() {
        return issues.isEmpty() ? null : issues.get(0);
    }
}
