package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleInboundValidationTest {

    private final InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));

    @Test
    void taSampleIsValid() {
        ValidationReport r = validator.validate(new ByteArrayInputStream(Samples.bytes(Samples.TA)), Samples.TA);

        assertThat(r.issues()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.countsByRecordType()).containsExactlyInAnyOrderEntriesOf(Map.of("HDR", 1L, "ATT", 5L, "FTR", 1L));
        assertThat(r.trailerCount()).isEqualTo(5L);
        assertThat(r.lineCount()).isEqualTo(7);
        assertThat(r.header().creationTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 3, 9, 30));
    }

    @Test
    void abSampleIsValid() {
        ValidationReport r = validator.validate(new ByteArrayInputStream(Samples.bytes(Samples.AB)), Samples.AB);

        assertThat(r.issues()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.countsByRecordType()).containsExactlyInAnyOrderEntriesOf(Map.of("HDR", 1L, "ABS", 4L, "FTR", 1L));
        assertThat(r.trailerCount()).isEqualTo(4L);
    }

    @Test
    void gdrSampleIsValid() {
        ValidationReport r = new FullRefreshRequestValidator("123")
                .validate(new ByteArrayInputStream(Samples.bytes(Samples.GDR)), Samples.GDR);

        assertThat(r.issues()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.header().runDate()).isEqualTo(LocalDateTime.of(2026, 11, 4, 0, 0));
    }
}
