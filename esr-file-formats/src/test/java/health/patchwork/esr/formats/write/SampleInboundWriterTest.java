package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SampleInboundWriterTest {

    @Test
    void writingTheSampleAttendanceRowsReproducesTheTaSampleByteForByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendanceFileWriter w = AttendanceFileWriter.open(out, SampleInboundRows.TA_NAME,
                SampleInboundRows.TA_CREATED, InboundWriterOptions.defaults())) {
            int i = 0;
            for (AttendanceRow row : SampleInboundRows.attendance()) {
                w.write(row, "item-" + i++);
            }
        }
        assertThat(out.toByteArray()).isEqualTo(Samples.bytes(Samples.TA));
    }

    @Test
    void writingTheSampleAbsenceRowsReproducesTheAbSampleByteForByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AbsenceFileWriter w = AbsenceFileWriter.open(out, SampleInboundRows.AB_NAME,
                SampleInboundRows.AB_CREATED, InboundWriterOptions.defaults())) {
            int i = 0;
            for (AbsenceRow row : SampleInboundRows.absences()) {
                w.write(row, "absence-" + i++);
            }
        }
        assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(Samples.text(Samples.AB));
    }
}
