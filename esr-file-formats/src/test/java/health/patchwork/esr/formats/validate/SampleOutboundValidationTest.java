package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleOutboundValidationTest {

    private final OutboundFileValidator validator = new OutboundFileValidator(OutboundValidationOptions.forVpd("123"));

    private ValidationReport validate(String name) {
        return validator.validate(new ByteArrayInputStream(Samples.bytes(name)), name);
    }

    @Test
    void fullFileIsValidWithTheDocumentedCounts() {
        ValidationReport r = validate(Samples.FULL);

        assertThat(r.issues()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.lineCount()).isEqualTo(27);
        assertThat(r.trailerCount()).isEqualTo(27L);
        assertThat(r.countsByRecordType()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("HDR", 1L), Map.entry("LCA", 2L), Map.entry("ORA", 3L), Map.entry("POA", 4L),
                Map.entry("CDA", 1L), Map.entry("PRA", 3L), Map.entry("ASA", 5L), Map.entry("COA", 1L),
                Map.entry("ABA", 1L), Map.entry("CMA", 1L), Map.entry("ETA", 2L), Map.entry("QLA", 1L),
                Map.entry("STA", 1L), Map.entry("TRL", 1L)));
        assertThat(r.unknownRecordTypes()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.header().previousRunDate()).isNull();
        assertThat(r.header().runDate()).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
        assertThat(r.header().creationTimestamp()).isEqualTo(LocalDateTime.of(2026, 11, 1, 5, 23, 14));
        assertThat(r.header().version()).isEqualTo("01");
    }

    @Test
    void changeFileIsValidWithTheDocumentedCounts() {
        ValidationReport r = validate(Samples.CHANGE);

        assertThat(r.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(r.lineCount()).isEqualTo(9);
        assertThat(r.countsByRecordType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HDR", 1L, "PRA", 2L, "COD", 1L, "ASA", 3L, "ETA", 1L, "TRL", 1L));
        assertThat(r.header().previousRunDate()).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
    }
}
