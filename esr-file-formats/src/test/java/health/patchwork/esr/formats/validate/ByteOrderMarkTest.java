package health.patchwork.esr.formats.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import health.patchwork.esr.formats.Samples;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A file re-saved with a byte-order mark in front is reported as exactly that, at line 1, with the outcome of a
 * missing header, and every line of the file still counted: not as an empty file, not as an unnamed header fault.
 */
class ByteOrderMarkTest {

    private static final OutboundValidationOptions OUTBOUND = OutboundValidationOptions.forVpd("123");

    @ParameterizedTest
    @CsvSource({"EFBBBF, UTF-8 byte-order mark (EF BB BF)",
            "FEFF, UTF-16 big-endian byte-order mark (FE FF)",
            "FFFE, UTF-16 little-endian byte-order mark (FF FE)"})
    void anOutboundFileWithAByteOrderMarkIsRejectedForTheMarkAtLineOne(String hex, String described) {
        byte[] file = withMark(hex, Samples.bytes(Samples.FULL));
        ValidationReport report = new OutboundFileValidator(OUTBOUND)
                .validate(new ByteArrayInputStream(file), Samples.FULL);

        assertThat(report.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(1);
            assertThat(issue.actual()).isEqualTo(described);
            assertThat(issue.describe()).contains("byte-order mark").contains("line 1").contains("ISO-8859-1");
        });
        assertThat(report.lineCount()).isEqualTo(lines(Samples.bytes(Samples.FULL)));
    }

    @Test
    void theSameFileWithoutTheMarkIsValid() {
        assertThat(new OutboundFileValidator(OUTBOUND).validate(
                new ByteArrayInputStream(Samples.bytes(Samples.FULL)), Samples.FULL).outcome())
                .isEqualTo(ValidationOutcome.VALID);
    }

    @Test
    void anInboundFileWithAMarkIsRejectedForTheMark() {
        ValidationReport report = new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(withMark("EFBBBF", Samples.bytes(Samples.TA))), Samples.TA);
        assertThat(report.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        assertThat(report.firstIssue().line()).isEqualTo(1);
        assertThat(report.firstIssue().describe()).contains("UTF-8 byte-order mark");
    }

    @Test
    void aFullRefreshRequestWithAMarkIsRejectedForTheMark() {
        ValidationReport report = new FullRefreshRequestValidator("123")
                .validate(new ByteArrayInputStream(withMark("EFBBBF", Samples.bytes(Samples.GDR))), Samples.GDR);
        assertThat(report.outcome()).isEqualTo(ValidationOutcome.REJECTED_NO_HEADER);
        assertThat(report.firstIssue().describe()).contains("UTF-8 byte-order mark");
    }

    private static byte[] withMark(String hex, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < hex.length(); i += 2) {
            out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static long lines(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).lines().filter(line -> !line.isBlank()).count();
    }
}
