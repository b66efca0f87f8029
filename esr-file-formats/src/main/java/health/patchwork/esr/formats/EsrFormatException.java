package health.patchwork.esr.formats;

/**
 * The library's one error type. Carries where the problem is (file, line, record type, field) and a
 * reason code, never the offending value: ESR rows hold personal data (names, NI numbers, dates of
 * birth), and these messages end up in logs and operator alerts.
 */
public class EsrFormatException extends RuntimeException {

    private final String fileName;
    private final long lineNumber;
    private final String recordType;
    private final String fieldName;
    private final ErrorReason reason;

    public EsrFormatException(ErrorReason reason, String message) {
        this(reason, message, null, 0, null, null, null);
    }

    public EsrFormatException(ErrorReason reason, String message, String fileName, long lineNumber,
                              String recordType, String fieldName, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
        this.recordType = recordType;
        this.fieldName = fieldName;
    }

    /** The same error, located in a file (for errors raised by value parsers that do not know the file). */
    public EsrFormatException at(String fileName, long lineNumber, String recordType) {
        return new EsrFormatException(reason, getMessage(),
                fileName != null ? fileName : this.fileName,
                lineNumber > 0 ? lineNumber : this.lineNumber,
                recordType != null ? recordType : this.recordType, fieldName, this);
    }

    public String fileName() {
        return fileName;
    }

    /** Physical line (outbound) or record number (inbound), 1-based; 0 when not known. */
    public long lineNumber() {
        return lineNumber;
    }

    public String recordType() {
        return recordType;
    }

    public String fieldName() {
        return fieldName;
    }

    public ErrorReason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (fileName != null) {
            sb.append(fileName);
        }
        if (lineNumber > 0) {
            sb.append(sb.length() > 0 ? " " : "").append("line ").append(lineNumber);
        }
        if (recordType != null) {
            sb.append(sb.length() > 0 ? " " : "").append(recordType);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(super.getMessage()).toString();
    }
}
