package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.layout.FieldDef;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.DateTimes;
import net.jqwik.time.api.Dates;
import net.jqwik.time.api.Times;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Random valid rows of every outbound layout, written as a file and read back, give back the same values. */
class OutboundRoundTripProperties {

    private static final InterfaceLayout LAYOUT = InterfaceLayout.outboundRostering("01");
    private static final String NAME = "GO_123_RST_GOC_20261102_00000042.DAT";
    private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("uuuuMMdd HHmmss");

    @Provide
    Arbitrary<RecordLayout> layouts() {
        return Arbitraries.of(LAYOUT.records().stream().filter(r -> r.suffixed()).toList());
    }

    /** Text as ESR may send it: ISO-8859-1, no tilde or line break, trimmed (the reader trims). */
    private static final Arbitrary<String> TEXT = Arbitraries.strings()
            .withCharRange(' ', '}').withCharRange('\u00a1', '\u00ff').ofMaxLength(20)
            .map(String::trim);
    private static final Arbitrary<LocalDate> DATES = Dates.dates().between(LocalDate.of(1900, 1, 1),
            LocalDate.of(2100, 12, 31));
    private static final Arbitrary<LocalDateTime> TIMESTAMPS = DateTimes.dateTimes()
            .between(LocalDateTime.of(1990, 1, 1, 0, 0), LocalDateTime.of(2099, 12, 31, 23, 59, 59))
            .map(t -> t.withNano(0));
    private static final Arbitrary<LocalTime> TIMES = Times.times().map(t -> t.withSecond(0).withNano(0));
    private static final Arbitrary<BigDecimal> NUMBERS = Arbitraries.bigDecimals()
            .between(new BigDecimal("-100000"), new BigDecimal("100000")).ofScale(3);
    private static final Arbitrary<String> FLAGS = Arbitraries.of("Y", "N", "Yes", "No", "X", "");

    @Property(tries = 200)
    void typedValuesSurviveWriteAndRead(@ForAll("layouts") RecordLayout layout, @ForAll long seed) {
        Random random = new Random(seed);
        String[] values = new String[layout.aFieldCount()];
        Object[] expected = new Object[values.length];
        values[0] = layout.addRecordType();
        for (int i = 1; i < values.length; i++) {
            FieldDef f = layout.field(i);
            boolean empty = !f.mandatory() && random.nextInt(4) == 0;
            if (empty) {
                values[i] = "";
                continue;
            }
            switch (f.type()) {
                case D -> {
                    LocalDate d = DATES.sample();
                    values[i] = d.format(D);
                    expected[i] = d;
                }
                case T -> {
                    LocalDateTime t = TIMESTAMPS.sample();
                    values[i] = t.format(T);
                    expected[i] = t;
                }
                case D_T -> {
                    LocalDateTime t = TIMESTAMPS.sample();
                    values[i] = t.format(T);
                    expected[i] = t;
                }
                case HM -> {
                    LocalTime t = TIMES.sample();
                    values[i] = String.format("%02d:%02d", t.getHour(), t.getMinute());
                    expected[i] = t;
                }
                case N -> {
                    BigDecimal n = NUMBERS.sample();
                    values[i] = n.toPlainString();
                    expected[i] = n;
                }
                case F -> {
                    values[i] = FLAGS.sample();
                    expected[i] = values[i];
                }
                default -> {
                    String s = TEXT.sample();
                    values[i] = f.mandatory() && s.isEmpty() ? "K" + seed : s;
                    expected[i] = values[i];
                }
            }
        }
        String file = "HDR~" + NAME + "~20261102 051102~123~20261101 000000~20261102 000000~01\r\n"
                + String.join("~", values) + "\n  " + "TRL~3";

        try (OutboundReader reader = OutboundReader.open(
                new java.io.ByteArrayInputStream(file.getBytes(StandardCharsets.ISO_8859_1)), NAME,
                ReaderOptions.defaults())) {
            OutboundRecord r = reader.next();
            assertThat(r.layout()).isSameAs(layout);
            assertThat(r.fieldCount()).isEqualTo(values.length);
            List<String> raw = new ArrayList<>(List.of(r.rawFields()));
            assertThat(raw).containsExactly(values);
            for (int i = 1; i < values.length; i++) {
                FieldDef f = layout.field(i);
                Object want = expected[i];
                switch (f.type()) {
                    case D -> assertThat(r.getDate(f.name())).isEqualTo(
                            want != null && f.openEnd() && values[i].equals("47121231") ? null : want);
                    case T, D_T -> assertThat(r.getTimestamp(f.name())).isEqualTo(want);
                    case HM -> assertThat(r.getTime(f.name())).isEqualTo(want);
                    case N -> {
                        if (want == null) {
                            assertThat(r.getDecimal(f.name())).isNull();
                        } else {
                            assertThat(r.getDecimal(f.name())).isEqualByComparingTo((BigDecimal) want);
                        }
                    }
                    case F -> {
                        Boolean flag = r.getFlag(f.name());
                        String v = values[i];
                        assertThat(flag).isEqualTo(v.equals("Y") || v.equals("Yes") ? Boolean.TRUE
                                : v.equals("N") || v.equals("No") ? Boolean.FALSE : null);
                    }
                    default -> assertThat(r.getString(f.name())).isEqualTo(values[i].isEmpty() ? null : values[i]);
                }
            }
            assertThat(reader.next()).isNull();
            assertThat(reader.trailerCount()).isEqualTo(3L);
        }
    }
}
