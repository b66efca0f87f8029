package health.patchwork.esr.formats.validate;

/**
 * One finding. Never holds a field value that may be personal data: {@code actual} is a structural
 * observation (a field count, a record type, a VPD, a version) or null.
 *
 * @param outcome    the rejection this issue causes; null for a warning
 * @param line       physical line (outbound) or record number (inbound), 1-based; 0 for the file as a whole
 * @param recordType record type of the line, when known
 * @param fieldName  field concerned, when one is
 */
public record ValidationIssue(ValidationOutcome outcome, Severity severity, long line, String recordType,
                              String fieldName, String expected, String actual, String message) {

    static ValidationIssue error(ValidationOutcome outcome, long line, String recordType, String fieldName,
                                 String expected, String actual, String message) {
        return new ValidationIssue(outcome, Severity.ERROR, line, recordType, fieldName, expected, actual, message);
    }

    static ValidationIssue warning(long line, String recordType, String fieldName, String expected, String actual,
                                   String message) {
        return new ValidationIssue(null, Severity.WARNING, line, recordType, fieldName, expected, actual, message);
    }

    /** One line for logs and the CLI. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (line > 0) {
            sb.append("line ").append(line).append(' ');
        }
        if (recordType != null) {
            sb.append(recordType).append(' ');
        }
        if (fieldName != null) {
            sb.append('[').append(fieldName).append("] ");
        }
        sb.append(message);
        if (outcome != null) {
            sb.append(" (").append(outcome).append(')');
        }
        return sb.toString();
    }
}
