package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.time.api.Dates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random valid ATT rows written, then read back with the quote-aware reader, give back the same values. */
class InboundRoundTripProperties {

    private static final Arbitrary<LocalDate> DATES = Dates.dates().between(LocalDate.of(2000, 1, 1),
            LocalDate.of(2099, 12, 31));

    /** Names may hold commas (they are quoted) and Latin-1 letters, but no quote or line break. */
    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withChars(' ', ',', '-', '&', '\u00e9')
                .ofMinLength(1).ofMaxLength(30).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Arbitrary<InputValue> inputValues() {
        Arbitrary<Object> values = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-9999.99"), new BigDecimal("9999.99")).ofScale(2)
                        .map(v -> (Object) v),
                DATES.map(v -> (Object) v),
                Arbitraries.longs().between(0, 100_000).map(v -> (Object) v),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(v -> (Object) v));
        return Combinators.combine(names(), values).as(InputValue::new);
    }

    @Provide
    Arbitrary<AttendanceRow> rows() {
        return Combinators.combine(DATES, Arbitraries.strings().numeric().ofLength(8), DATES.injectNull(0.3), names(),
                        inputValues().list().ofMaxSize(15),
                        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(8).injectNull(0.5))
                .as((effective, assignment, earned, element, values, costCentre) -> new AttendanceRow(effective, null,
                        assignment, earned, element, values, costCentre == null ? null : Costing.costCentre(costCentre)))
                .filter(row -> !allNumbersZero(row));
    }

    /** The writer refuses such rows (docs/spec/inbound-files.md §2.1); InboundWriterRulesTest covers that. */
    private static boolean allNumbersZero(AttendanceRow row) {
        List<Object> numbers = row.inputValues().stream().map(InputValue::value)
                .filter(v -> v instanceof BigDecimal || v instanceof Long).toList();
        return !numbers.isEmpty() && numbers.stream().allMatch(v -> v instanceof BigDecimal d
                ? d.signum() == 0 : (Long) v == 0L);
    }

    @Property(tries = 100)
    void writtenRowsReadBackUnchanged(@ForAll @Size(max = 20) List<@From("rows") AttendanceRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceFileWriter w = AttendanceFileWriter.open(out, SampleInboundRows.TA_NAME,
                SampleInboundRows.TA_CREATED, InboundWriterOptions.defaults())) {
            for (AttendanceRow row : rows) {
                w.write(row, "p");
            }
        }
        byte[] bytes = out.toByteArray();

        List<InboundRecord> records = new ArrayList<>();
        try (InboundReader reader = new InboundReader(new ByteArrayInputStream(bytes))) {
            InboundRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        assertThat(records).hasSize(rows.size() + 2);
        for (int i = 0; i < rows.size(); i++) {
            AttendanceRow row = rows.get(i);
            InboundRecord rec = records.get(i + 1);
            assertThat(rec.syntaxError()).isNull();
            assertThat(rec.fieldCount()).isEqualTo(43);
            assertThat(rec.get(1)).isEqualTo(InboundValueFormat.date(row.effectiveDate()));
            assertThat(rec.get(4)).isEqualTo(row.assignmentNumber());
            assertThat(rec.get(5)).isEqualTo(row.earnedDate() == null ? null : InboundValueFormat.date(row.earnedDate()));
            assertThat(rec.get(6)).isEqualTo(row.elementName());
            for (int k = 0; k < 15; k++) {
                InputValue iv = k < row.inputValues().size() ? row.inputValues().get(k) : null;
                assertThat(rec.get(7 + 2 * k)).isEqualTo(iv == null ? null : iv.name());
                assertThat(rec.get(8 + 2 * k)).isEqualTo(iv == null ? null : expected(iv.value()));
            }
            assertThat(rec.get(39)).isEqualTo(row.costing().costCentre());
        }
        assertThat(records.get(records.size() - 1).values()).containsExactly("FTR", Integer.toString(rows.size()), "0");
        assertThat(new InboundFileValidator(InboundValidationOptions.forVpd("123"))
                .validate(new ByteArrayInputStream(bytes), SampleInboundRows.TA_NAME.format()).outcome())
                .isEqualTo(ValidationOutcome.VALID);
    }

    private static String expected(Object value) {
        if (value instanceof BigDecimal d) {
            return d.setScale(2).toPlainString();
        }
        if (value instanceof LocalDate d) {
            String month = d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
            return String.format("%02d-%s-%04d", d.getDayOfMonth(), month.substring(0, 3), d.getYear());
        }
        return value.toString();
    }
}
