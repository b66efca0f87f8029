package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.name.EsrFileKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates findings and counts while a file streams by; bounded so a bad 1 GB file stays cheap. */
final class IssueCollector {

    static final String MALFORMED_TYPE = "(malformed)";

    private final int maxIssues;
    private final List<ValidationIssue> issues = new ArrayList<>();
    private final List<ValidationIssue> warnings = new ArrayList<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, long[]> unknown = new LinkedHashMap<>();
    private final Map<String, long[]> trailingEmpty = new LinkedHashMap<>();
    private long totalIssues;
    private ValidationOutcome worst = ValidationOutcome.VALID;

    IssueCollector(int maxIssues) {
        this.maxIssues = maxIssues;
    }

    void error(ValidationIssue issue) {
        totalIssues++;
        if (worst == ValidationOutcome.VALID || issue.outcome().ordinal() < worst.ordinal()) {
            worst = issue.outcome();
        }
        if (issues.size() < maxIssues) {
            issues.add(issue);
        }
    }

    void error(ValidationOutcome outcome, long line, String recordType, String fieldName, String expected,
               String actual, String message) {
        error(ValidationIssue.error(outcome, line, recordType, fieldName, expected, actual, message));
    }

    void warning(long line, String recordType, String fieldName, String expected, String actual, String message) {
        if (warnings.size() < maxIssues) {
            warnings.add(ValidationIssue.warning(line, recordType, fieldName, expected, actual, message));
        }
    }

    ValidationOutcome worst() {
        return worst;
    }

    void count(String recordType) {
        counts.computeIfAbsent(recordType, k -> new long[1])[0]++;
    }

    /** Counts a row of an unknown type; returns how many of that type so far. */
    long countUnknown(String recordType) {
        return ++unknown.computeIfAbsent(recordType, k -> new long[1])[0];
    }

    /**
     * Counts a row that carries extra empty fields at the end (layout drift) and warns at the first such row of its
     * record type only: a drifted layout marks every row of the type, and one line says it.
     */
    void trailingEmptyFields(long line, String recordType, String expected, String actual, String message) {
        if (++trailingEmpty.computeIfAbsent(recordType, k -> new long[1])[0] == 1) {
            warning(line, recordType, null, expected, actual, message + "; first row of " + recordType
                    + " with extra empty fields (all such rows are counted in trailingEmptyFieldRows)");
        }
    }

    /** Record type as it may appear in a report: short upper-case letters or digits, else "(malformed)". */
    static String safeRecordType(String recordType) {
        if (recordType == null || recordType.isEmpty() || recordType.length() > 5) {
            return MALFORMED_TYPE;
        }
        for (int i = 0; i < recordType.length(); i++) {
            char c = recordType.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return MALFORMED_TYPE;
            }
        }
        return recordType;
    }

    ValidationReport report(String fileName, EsrFileKind kind, HeaderValues header, Long trailerCount,
                            long lineCount) {
        return new ValidationReport(worst, fileName, kind, header, trailerCount, lineCount, flatten(counts),
                flatten(unknown), flatten(trailingEmpty), warnings, issues, totalIssues);
    }

    private static Map<String, Long> flatten(Map<String, long[]> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }
}
