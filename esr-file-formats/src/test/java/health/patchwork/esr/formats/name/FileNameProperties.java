package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.calendar.PeriodType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.Dates;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FileNameProperties {

    @Provide
    Arbitrary<String> vpd() {
        return Arbitraries.strings().numeric().ofLength(3);
    }

    @Provide
    Arbitrary<String> code() {
        return Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(3);
    }

    @Provide
    Arbitrary<LocalDate> date() {
        return Dates.dates().between(LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31));
    }

    @Property(tries = 300)
    void outboundNamesRoundTrip(@ForAll("vpd") String vpd, @ForAll("code") String sub, @ForAll ExtractType type,
                                @ForAll("date") LocalDate date, @ForAll @LongRange(max = 99_999_999) long seq) {
        OutboundFileName name = new OutboundFileName(vpd, sub, type, date, seq);
        assertThat(OutboundFileName.parse(name.format())).contains(name);
        assertThat(EsrFileKind.of(name.format())).isIn(EsrFileKind.OUTBOUND_FULL, EsrFileKind.OUTBOUND_CHANGE);
    }

    @Property(tries = 300)
    void inboundNamesRoundTrip(@ForAll InboundFileType fileType, @ForAll("vpd") String vpd, @ForAll("code") String sys,
                               @ForAll PeriodType periodType, @ForAll PeriodRun run,
                               @ForAll @LongRange(max = 99_999_999) long seq) {
        Arbitrary<InboundFileName> names = Combinators.combine(Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(1, periodType.maxPeriod()))
                .as((yy, pp) -> new InboundFileName(fileType, vpd, sys, periodType, run, yy, pp, seq));
        InboundFileName name = names.sample();
        assertThat(InboundFileName.parse(name.format())).contains(name);
    }
}
