package health.patchwork.esr.formats.name;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.Samples;
import health.patchwork.esr.formats.calendar.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileNameTest {

    @Test
    void parsesOutboundNames() {
        OutboundFileName full = OutboundFileName.parseOrThrow(Samples.FULL);
        assertThat(full).isEqualTo(new OutboundFileName("123", "RST", ExtractType.FULL, LocalDate.of(2026, 11, 1), 41));
        assertThat(full.format()).isEqualTo(Samples.FULL);
        OutboundFileName change = OutboundFileName.parseOrThrow(Samples.CHANGE);
        assertThat(change.extractType()).isEqualTo(ExtractType.CHANGE);
        assertThat(change.sequence()).isEqualTo(42);
        assertThat(EsrFileKind.of(Samples.CHANGE)).isEqualTo(EsrFileKind.OUTBOUND_CHANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GO_123_RST_GOX_20261101_00000041.DAT", "GO_12_RST_GOF_20261101_00000041.DAT",
            "GO_123_rst_GOF_20261101_00000041.DAT", "GO_123_RST_GOF_20261301_00000041.DAT",
            "GO_123_RST_GOF_20261101_0000041.DAT", "GO_123_RST_GOF_20261101_00000041.dat",
            "GO_123_RST_GOF_20261101_00000041.DAT.part", " GO_123_RST_GOF_20261101_00000041.DAT",
            "GO_123_RST_GDR_20261104_00000001.DAT", ""})
    void rejectsOutboundNamesOffTheGrammar(String name) {
        assertThat(OutboundFileName.parse(name)).isEmpty();
        assertThatThrownBy(() -> OutboundFileName.parseOrThrow(name)).isInstanceOf(EsrFormatException.class);
    }

    @Test
    void parsesFullRefreshRequestNames() {
        FullRefreshRequestName gdr = FullRefreshRequestName.parseOrThrow(Samples.GDR);
        assertThat(gdr.requestDate()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(gdr.format()).isEqualTo(Samples.GDR);
        assertThat(FullRefreshRequestName.parse("GO_123_RST_GDR_20261104_00000002.DAT")).isEmpty();
        assertThat(EsrFileKind.of(Samples.GDR)).isEqualTo(EsrFileKind.FULL_REFRESH_REQUEST);
    }

    @Test
    void parsesInboundNames() {
        InboundFileName ta = InboundFileName.parseOrThrow(Samples.TA);
        assertThat(ta).isEqualTo(new InboundFileName(InboundFileType.TA, "123", "PWH", PeriodType.MONTHLY,
                PeriodRun.NORMAL, 27, 8, 7));
        assertThat(ta.taxPeriod().pp()).isEqualTo("08");
        assertThat(ta.format()).isEqualTo(Samples.TA);
        InboundFileName ab = InboundFileName.parseOrThrow(Samples.AB);
        assertThat(ab.fileType()).isEqualTo(InboundFileType.AB);
        assertThat(ab.sequence()).isEqualTo(3);
        assertThat(InboundFileName.parseOrThrow("TA_123_PWH_WS2753_00000001.DAT").periodRun())
                .isEqualTo(PeriodRun.SUPPLEMENTARY);
        assertThat(EsrFileKind.of(Samples.AB)).isEqualTo(EsrFileKind.AB_INBOUND);
        assertThat(EsrFileKind.of("readme.txt")).isEqualTo(EsrFileKind.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TA_123_PWH_MN2713_00000007.DAT", "TA_123_PWH_MN2700_00000007.DAT",
            "TA_123_PWH_LN2714_00000007.DAT", "TA_123_PWH_WN2754_00000007.DAT", "TA_123_PWH_FN2728_00000007.DAT",
            "TA_123_PWH_XN2708_00000007.DAT", "TA_123_PWH_MX2708_00000007.DAT", "XX_123_PWH_MN2708_00000007.DAT",
            "TA_123_pwh_MN2708_00000007.DAT", "TA_123_PWH_MN2708_7.DAT"})
    void rejectsInboundNamesOffTheGrammar(String name) {
        assertThat(InboundFileName.parse(name)).isEmpty();
    }

    @Test
    void constructorsRejectImpossiblePieces() {
        assertThatThrownBy(() -> new OutboundFileName("12", "RST", ExtractType.FULL, LocalDate.now(), 1))
                .isInstanceOf(EsrFormatException.class);
        assertThatThrownBy(() -> new OutboundFileName("123", "RST", ExtractType.FULL, LocalDate.now(), 100_000_000))
                .isInstanceOf(EsrFormatException.class);
        assertThatThrownBy(() -> new InboundFileName(InboundFileType.TA, "123", "PWH", PeriodType.MONTHLY,
                PeriodRun.NORMAL, 27, 13, 1)).isInstanceOf(EsrFormatException.class);
    }
}
