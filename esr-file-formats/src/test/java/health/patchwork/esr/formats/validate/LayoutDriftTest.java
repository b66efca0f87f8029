package health.patchwork.esr.formats.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import health.patchwork.esr.formats.Samples;
import health.patchwork.esr.formats.read.FieldCountPolicies;
import health.patchwork.esr.formats.read.FieldCountPolicy;

import org.junit.jupiter.api.Test;

/**
 * Live files grow trailing empty fields (layout drift): by default such rows are accepted, with one warning per
 * record type per file and every such row counted; a missing field or an extra field with a value is still an
 * error. The policy is set per record type.
 */
class LayoutDriftTest {

    private static final OutboundValidationOptions OPTIONS = OutboundValidationOptions.forVpd("123");
    private static final String FULL = Samples.text(Samples.FULL);

    @Test
    void asaAndOraRowsWithOneExtraEmptyFieldAreAcceptedWithOneWarningEach() {
        String drifted = rows(FULL, row -> row.startsWith("ASA~") || row.startsWith("ORA~") ? row + "~" : row);

        ValidationReport report = validate(drifted, OPTIONS);

        assertThat(report.outcome()).isEqualTo(ValidationOutcome.VALID);
        assertThat(report.trailingEmptyFieldRows()).containsExactlyInAnyOrderEntriesOf(
                Map.of("ASA", report.count("ASA"), "ORA", report.count("ORA")));
        assertThat(report.count("ASA")).isGreaterThan(1);
        assertThat(report.warnings()).extracting(ValidationIssue::recordType).containsExactlyInAnyOrder("ASA", "ORA");
        assertThat(report.warnings()).allSatisfy(warning -> assertThat(warning.describe())
                .contains("extra field(s) at the end are empty"));
    }

    @Test
    void aMissingFieldIsStillRejected() {
        String shorter = rows(FULL, row -> row.startsWith("ORA~") ? row.substring(0, row.lastIndexOf('~')) : row);

        assertThat(validate(shorter, OPTIONS).outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
    }

    @Test
    void anExtraFieldWithAValueIsStillRejected() {
        String longer = rows(FULL, row -> row.startsWith("ASA~") ? row + "~~X" : row);

        ValidationReport report = validate(longer, OPTIONS);
        assertThat(report.outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(report.firstIssue().recordType()).isEqualTo("ASA");
    }

    @Test
    void thePolicyIsSetPerRecordType() {
        String drifted = rows(FULL, row -> row.startsWith("ASA~") || row.startsWith("ORA~") ? row + "~" : row);

        FieldCountPolicies strictAsa = new FieldCountPolicies(FieldCountPolicy.TRAILING_EMPTY,
                Map.of("ASA", FieldCountPolicy.STRICT));
        ValidationReport rejected = validate(drifted, OPTIONS.withFieldCountPolicies(strictAsa));
        assertThat(rejected.outcome()).isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
        assertThat(rejected.issues()).extracting(ValidationIssue::recordType).containsOnly("ASA");

        FieldCountPolicies strictButTheseTwo = new FieldCountPolicies(FieldCountPolicy.STRICT,
                Map.of("AS", FieldCountPolicy.TRAILING_EMPTY, "ORA", FieldCountPolicy.TRAILING_EMPTY));
        assertThat(validate(drifted, OPTIONS.withFieldCountPolicies(strictButTheseTwo)).outcome())
                .isEqualTo(ValidationOutcome.VALID);
        assertThat(validate(drifted, OPTIONS.withFieldCountPolicy(FieldCountPolicy.STRICT)).outcome())
                .isEqualTo(ValidationOutcome.REJECTED_FIELD_COUNT);
    }

    @Test
    void aRecordTypeIsNamedAsInTheFileOrByItsEntity() {
        assertThat(FieldCountPolicies.entity("ASA")).isEqualTo("AS");
        assertThat(FieldCountPolicies.entity("ASD")).isEqualTo("AS");
        assertThat(FieldCountPolicies.entity("AS")).isEqualTo("AS");
        assertThatThrownBy(() -> FieldCountPolicies.entity("asa")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldCountPolicies.entity("ASAX")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ValidationReport validate(String content, OutboundValidationOptions options) {
        return new OutboundFileValidator(options).validate(Samples.stream(content), Samples.FULL);
    }

    private static String rows(String file, UnaryOperator<String> change) {
        return Arrays.stream(file.split("\n", -1)).map(row -> row.isEmpty() ? row : change.apply(row))
                .collect(Collectors.joining("\n"));
    }
}
