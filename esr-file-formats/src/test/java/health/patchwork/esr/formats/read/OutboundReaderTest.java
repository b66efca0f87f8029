package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundReaderTest {

    private static List<OutboundRecord> readAll(String name, String content, ReaderOptions options) {
        try (OutboundReader r = OutboundReader.open(Samples.stream(content), name, options)) {
            List<OutboundRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return out;
        }
    }

    @Test
    void readsTheFullSampleWithTypedAccess() {
        try (OutboundReader r = OutboundReader.open(new ByteArrayInputStream(Samples.bytes(Samples.FULL)), Samples.FULL,
                ReaderOptions.defaults())) {
            assertThat(r.header().runDate()).isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
            assertThat(r.header().previousRunDate()).isNull();
            List<OutboundRecord> rows = new ArrayList<>();
            r.forEach(rows::add);
            assertThat(rows).hasSize(25);
            assertThat(r.trailerCount()).isEqualTo(27L);
            assertThat(r.lineCount()).isEqualTo(27);

            OutboundRecord sian = rows.stream().filter(x -> "100002".equals(x.entityId())
                    && x.recordType().equals("PRA")).findFirst().orElseThrow();
            assertThat(sian.getString("First Name")).isEqualTo("Si\u00e2n");
            assertThat(sian.getDate("Date of Birth")).isEqualTo(LocalDate.of(1990, 7, 22));
            assertThat(sian.getDate("Effective End Date")).isNull();
            assertThat(sian.getFlag("WTR Opt Out")).isFalse();
            assertThat(sian.getTimestamp("Last Update Date")).isEqualTo(LocalDateTime.of(2024, 8, 7, 0, 0));
            assertThat(sian.lineNumber()).isEqualTo(19);
            assertThat(sian.entityCode()).isEqualTo("PR");
            assertThat(sian.operation()).isEqualTo(Operation.ADD_OR_UPDATE);

            OutboundRecord costing = rows.stream().filter(x -> x.recordType().equals("COA")).findFirst().orElseThrow();
            assertThat(costing.getString("Effective End Date")).isEqualTo("47121231");
            assertThat(costing.getDate("Effective End Date")).as("open end date").isNull();
            assertThat(costing.getDecimal("Percentage Split")).isEqualByComparingTo("100");

            OutboundRecord absence = rows.stream().filter(x -> x.recordType().equals("ABA")).findFirst().orElseThrow();
            assertThat(absence.getString("Absence Reason")).isEqualTo("S13 Cold, Cough, Flu - Influenza");
            assertThat(absence.getFlag("Work Related")).isFalse();
            assertThat(absence.getDecimal("Hours Lost")).isEqualTo(new BigDecimal("22.5"));
            assertThat(absence.getString("3rd Party System Reference")).isEqualTo("PWH-A000118");
            assertThat(absence.getTime("Actual Start Time")).isNull();
        }
    }

    @Test
    void readsTheCrlfChangeSampleIncludingAShortDelete() {
        List<OutboundRecord> rows = readAll(Samples.CHANGE, Samples.text(Samples.CHANGE), ReaderOptions.defaults());

        assertThat(rows).extracting(OutboundRecord::recordType)
                .containsExactly("PRA", "COD", "PRA", "ASA", "ETA", "ASA", "ASA");
        OutboundRecord delete = rows.get(1);
        assertThat(delete.isShortDelete()).isTrue();
        assertThat(delete.operation()).isEqualTo(Operation.DELETE);
        assertThat(delete.entityId()).isEqualTo("8001");
        assertThat(delete.getString("Costing Allocation ID")).isEqualTo("8001");
        assertThat(delete.getString("Person ID")).isNull();
        assertThat(delete.lineNumber()).isEqualTo(3);
        assertThat(rows.get(0).getString("Preferred Name")).isEqualTo("Dan");
        assertThat(rows.get(5).getDate("Effective End Date")).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(rows.get(6).getDecimal("FTE")).isEqualByComparingTo("0.8");
    }

    @Test
    void acceptsCrOnlyLineEndsBlankLinesPaddingAndAnUnterminatedLastLine() {
        String name = "GO_123_RST_GOC_20261102_00000042.DAT";
        String content = "HDR~" + name + "~20261102 051102~123~20261101 000000~20261102 000000~01\r"
                + "   \r\r"
                + "COD~ 8001 \r\n"
                + "\t\n"
                + "LOV~LKUP~NHS_NACS_CODE~123-RZZ\r"
                + "XXA~1~2\n"
                + "TRL~5";

        try (OutboundReader r = OutboundReader.open(Samples.stream(content), name, ReaderOptions.defaults())) {
            OutboundRecord cod = r.next();
            assertThat(cod.entityId()).isEqualTo("8001");
            assertThat(cod.lineNumber()).isEqualTo(4);
            OutboundRecord lov = r.next();
            assertThat(lov.entityCode()).isEqualTo("LOV");
            assertThat(lov.fieldCount()).isEqualTo(4);
            OutboundRecord unknown = r.next();
            assertThat(unknown.isKnownType()).isFalse();
            assertThat(unknown.rawFields()).containsExactly("XXA", "1", "2");
            assertThat(r.next()).isNull();
            assertThat(r.trailerCount()).isEqualTo(5L);
        }
    }

    @Test
    void recordBuiltFromValuesGivesTypedValues() {
        var layout = health.patchwork.esr.formats.layout.InterfaceLayout.outboundRostering("01")
                .byEntityCode("AB").orElseThrow();
        String[] values = new String[48];
        values[0] = "ABA";
        values[2] = "9001";
        values[layout.indexOf("Projected Start Time")] = "08:30";
        values[layout.indexOf("Last Update Date")] = "20261024 101500";
        OutboundRecord r = OutboundRecord.of(layout, 7, values);

        assertThat(r.getTime("Projected Start Time")).isEqualTo(LocalTime.of(8, 30));
        assertThat(r.getTimestamp("Last Update Date")).isEqualTo(LocalDateTime.of(2026, 10, 24, 10, 15));
        assertThat(r.entityId()).isEqualTo("9001");
        assertThat(r.getString("Person ID")).isNull();
    }

    @Test
    void typedGetterErrorsNameTheFieldButNeverTheValue() {
        var layout = health.patchwork.esr.formats.layout.InterfaceLayout.outboundRostering("01")
                .byEntityCode("PR").orElseThrow();
        String[] values = new String[44];
        values[0] = "PRA";
        values[1] = "100001";
        values[2] = "20180604";
        values[13] = "19921345";
        OutboundRecord r = OutboundRecord.of(layout, 12, values);

        assertThatThrownBy(() -> r.getDate("Date of Birth"))
                .isInstanceOfSatisfying(EsrFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ErrorReason.INVALID_VALUE);
                    assertThat(e.fieldName()).isEqualTo("Date of Birth");
                    assertThat(e.lineNumber()).isEqualTo(12);
                })
                .hasMessageContaining("field 'Date of Birth' is not a valid date (expected YYYYMMDD)")
                .hasMessageNotContaining("19921345");
        assertThatThrownBy(() -> r.getString("No Such Field")).isInstanceOf(EsrFormatException.class);
    }

    @Test
    void validatingReaderFailsFastWithoutQuotingPersonalValues() {
        String bad = Samples.text(Samples.FULL).replace("19920315", "19921345");

        assertThatThrownBy(() -> readAll(Samples.FULL, bad, ReaderOptions.defaults()))
                .isInstanceOfSatisfying(EsrFormatException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(12);
                    assertThat(e.recordType()).isEqualTo("PRA");
                    assertThat(e.fieldName()).isEqualTo("Date of Birth");
                    assertThat(e.fileName()).isEqualTo(Samples.FULL);
                })
                .hasMessageNotContaining("19921345");
        assertThat(readAll(Samples.FULL, bad, ReaderOptions.defaults().withValidate(false))).hasSize(25);
    }

    @Test
    void validatingReaderChecksTrailerCountAndPosition() {
        String wrongCount = Samples.text(Samples.CHANGE).replace("TRL~9", "TRL~8");
        assertThatThrownBy(() -> readAll(Samples.CHANGE, wrongCount, ReaderOptions.defaults()))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ErrorReason.RECORD_COUNT));
        assertThat(readAll(Samples.CHANGE, wrongCount.replace("TRL~8", "TRL~7"),
                ReaderOptions.defaults().withTrailerCountMode(TrailerCountMode.DATA_ROWS))).hasSize(7);

        String noTrailer = Samples.text(Samples.CHANGE).replace("TRL~9\r\n", "");
        assertThatThrownBy(() -> readAll(Samples.CHANGE, noTrailer, ReaderOptions.defaults()))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ErrorReason.STRUCTURE));
    }

    @Test
    void tolerantPolicyAcceptsTrailingEmptyFields() {
        String longer = Samples.text(Samples.CHANGE).replace("COD~8001", "COD~8001")
                .replace("~20261101 163000~~~N~~~", "~20261101 163000~~~N~~~~~");
        assertThatThrownBy(() -> readAll(Samples.CHANGE, longer,
                ReaderOptions.defaults().withFieldCountPolicy(FieldCountPolicy.STRICT)))
                .isInstanceOfSatisfying(EsrFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(ErrorReason.FIELD_COUNT));
        for (FieldCountPolicy accepting : new FieldCountPolicy[] {FieldCountPolicy.TOLERANT,
                FieldCountPolicy.TRAILING_EMPTY}) {
            try (OutboundReader r = OutboundReader.open(Samples.stream(longer), Samples.CHANGE,
                    ReaderOptions.defaults().withFieldCountPolicy(accepting))) {
                r.forEach(x -> { });
                assertThat(r.warningCount()).as(accepting.name()).isEqualTo(1);
            }
        }
    }

    @Test
    void readsMillionsOfLinesFromAStreamWithoutHoldingThem() {
        long rows = 2_000_000;
        GeneratedOutboundStream in = new GeneratedOutboundStream(rows);
        long count = 0;
        long deletes = 0;
        long lineNumberMismatches = 0;
        try (OutboundReader r = OutboundReader.open(in, GeneratedOutboundStream.NAME, ReaderOptions.defaults())) {
            OutboundRecord rec;
            while ((rec = r.next()) != null) {
                count++;
                if (rec.isDelete()) {
                    deletes++;
                }
                if (rec.lineNumber() != count + 1) {
                    lineNumberMismatches++;
                }
            }
            assertThat(r.trailerCount()).isEqualTo(rows + 2);
        }
        assertThat(count).isEqualTo(rows);
        assertThat(deletes).isEqualTo(rows / 2);
        assertThat(lineNumberMismatches).as("CRLF split across reads counts as one line end").isZero();
    }
}
