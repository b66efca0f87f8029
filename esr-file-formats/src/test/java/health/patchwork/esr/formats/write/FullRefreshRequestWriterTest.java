package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.Samples;
import health.patchwork.esr.formats.name.FullRefreshRequestName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class FullRefreshRequestWriterTest {

    @Test
    void reproducesTheGdrSampleByteForByte() {
        FullRefreshRequestName name = new FullRefreshRequestName("123", "RST", LocalDate.of(2026, 11, 4));

        assertThat(name.format()).isEqualTo(Samples.GDR);
        assertThat(new FullRefreshRequestWriter().bytes(name, LocalDateTime.of(2026, 11, 4, 0, 0)))
                .isEqualTo(Samples.bytes(Samples.GDR));
        assertThat(new FullRefreshRequestWriter().content(name)).isEqualTo(Samples.text(Samples.GDR));
    }

    @Test
    void lineTerminatorIsConfigurable() {
        FullRefreshRequestName name = new FullRefreshRequestName("123", "RST", LocalDate.of(2026, 11, 4));
        assertThat(new FullRefreshRequestWriter(true, "\r\n").content(name, LocalDateTime.of(2026, 11, 3, 23, 59, 59)))
                .isEqualTo("HDR~GO_123_RST_GDR_20261104_00000001.DAT~20261103 235959\r\n");
    }

    @Test
    void aCutOverAtAnyTimeOfDayIsWrittenAndValidated() {
        FullRefreshRequestName name = new FullRefreshRequestName("123", "RST", LocalDate.of(2026, 11, 4));
        byte[] request = new FullRefreshRequestWriter().bytes(name, LocalDateTime.of(2026, 11, 4, 18, 30, 15));

        assertThat(new String(request, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("HDR~GO_123_RST_GDR_20261104_00000001.DAT~20261104 183015");
        var report = new health.patchwork.esr.formats.validate.FullRefreshRequestValidator("123")
                .validate(new java.io.ByteArrayInputStream(request), name.format());
        assertThat(report.outcome()).isEqualTo(health.patchwork.esr.formats.validate.ValidationOutcome.VALID);
        assertThat(report.header().runDate()).isEqualTo(LocalDateTime.of(2026, 11, 4, 18, 30, 15));
    }
}
