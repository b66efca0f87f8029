package health.patchwork.esr.formats.text;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimitedLineSourceTest {

    /** Hands out at most {@code chunk} bytes per read, to land line ends on every buffer boundary. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    /** Straightforward reference: physical lines split on CR, LF or CRLF; blank ones dropped; fields trimmed. */
    private static List<String> reference(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                List<String> fields = new ArrayList<>();
                for (String f : lines[i].split("~", -1)) {
                    fields.add(f.strip());
                }
                out.add((i + 1) + ":" + String.join("|", fields));
            }
        }
        return out;
    }

    private static List<String> read(InputStream in) {
        List<String> out = new ArrayList<>();
        try (DelimitedLineSource src = new DelimitedLineSource(in, '~', 1 << 20)) {
            while (src.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < src.fieldCount(); i++) {
                    String v = src.field(i);
                    fields.add(v == null ? "" : v);
                }
                out.add(src.lineNumber() + ":" + String.join("|", fields));
            }
        }
        return out;
    }

    @Test
    void matchesAPlainSplitWhateverTheLineEndsAndReadSizes() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder();
        String[] ends = {"\n", "\r", "\r\n", "\r\n\r\n", "\n  \n"};
        while (sb.length() < 300_000) {
            int fields = 1 + random.nextInt(60);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    sb.append('~');
                }
                int len = random.nextInt(12);
                for (int c = 0; c < len; c++) {
                    sb.append(c == 0 && random.nextInt(5) == 0 ? ' ' : (char) ('A' + random.nextInt(26)));
                }
                if (random.nextInt(9) == 0) {
                    sb.append("\u00e2 ");
                }
            }
            sb.append(ends[random.nextInt(ends.length)]);
        }
        sb.append("LAST~LINE");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> expected = reference(sb.toString());

        for (int chunk : new int[]{1, 7, 4096, 65_536, 1 << 20}) {
            assertThat(read(trickle(bytes, chunk))).as("chunk " + chunk).isEqualTo(expected);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsAnError() {
        byte[] bytes = ("A~" + "x".repeat(5000) + "\nB").getBytes(StandardCharsets.ISO_8859_1);
        try (DelimitedLineSource src = new DelimitedLineSource(new ByteArrayInputStream(bytes), '~', 1000)) {
            assertThatThrownBy(src::next).isInstanceOfSatisfying(EsrFormatException.class,
                    e -> assertThat(e.reason()).isEqualTo(ErrorReason.LINE_TOO_LONG));
        }
    }
}
