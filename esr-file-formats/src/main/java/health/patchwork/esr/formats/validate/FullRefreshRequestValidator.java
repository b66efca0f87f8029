package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.name.EsrFileKind;
import health.patchwork.esr.formats.name.FullRefreshRequestName;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks a GDR file: a GDR name and exactly one line {@code HDR~<that name>~<YYYYMMDD HHMMSS>}. */
public final class FullRefreshRequestValidator {

    private static final int MAX_BYTES = 4096;

    private final String expectedVpd;

    /** @param expectedVpd null = the VPD in the name */
    public FullRefreshRequestValidator(String expectedVpd) {
        this.expectedVpd = expectedVpd;
    }

    public ValidationReport validate(InputStream in, String fileName) {
        IssueCollector issues = new IssueCollector(100);
        Optional<FullRefreshRequestName> name = FullRefreshRequestName.parse(fileName);
        if (name.isEmpty()) {
            issues.error(ValidationOutcome.REJECTED_FILE_NAME, 0, null, null,
                    "GO_<VPD>_<SUB>_GDR_<YYYYMMDD>_00000001.DAT", null, "not a GDR file name");
        } else if (expectedVpd != null && !name.get().vpd().equals(expectedVpd)) {
            issues.error(ValidationOutcome.REJECTED_WRONG_VPD, 0, null, null, expectedVpd, name.get().vpd(),
                    "the VPD in the file name is not the trust's VPD");
        }
        byte[] content;
        try (in) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String line = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        if (line.isEmpty()) {
            issues.error(ValidationOutcome.REJECTED_EMPTY, 0, null, null, "one line", "0", "the file is empty");
        } else if (content.length > MAX_BYTES || line.contains("\r") || line.contains("\n")) {
            issues.error(ValidationOutcome.REJECTED_STRUCTURE, 2, null, null, "one line", null,
                    "a GDR file has exactly one line");
        }
        String[] fields = line.split("~", -1);
        HeaderValues header = null;
        if (!line.isEmpty()) {
            Optional<String> mark = ByteOrderMark.atStartOf(fields[0]);
            if (mark.isPresent()) {
                ByteOrderMark.report(issues, mark.get());
            } else if (!fields[0].equals("HDR") || fields.length != 3) {
                issues.error(ValidationOutcome.REJECTED_NO_HEADER, 1, IssueCollector.safeRecordType(fields[0]), null,
                        "HDR with 3 fields", Integer.toString(fields.length), "the line is not an HDR with 3 fields");
            } else {
                if (!fields[1].equals(fileName)) {
                    issues.error(ValidationOutcome.REJECTED_HEADER_NAME, 1, "HDR", "File Name", fileName,
                            OutboundFileValidator.structural(fields[1]), "HDR file name does not match the file name");
                }
                if (!ValueSyntax.isTimestamp(fields[2])) {
                    issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, 1, "HDR", "Cut-over", "YYYYMMDD HHMMSS",
                            null, "cut-over is not a valid timestamp");
                }
                header = new HeaderValues(null, null, ValueSyntax.parseTimestamp(fields[2]), null,
                        name.map(FullRefreshRequestName::vpd).orElse(null));
            }
        }
        if (!line.isEmpty()) {
            issues.count(IssueCollector.safeRecordType(fields[0]));
        }
        return issues.report(fileName, EsrFileKind.FULL_REFRESH_REQUEST, header, null, line.isEmpty() ? 0 : 1);
    }
}
