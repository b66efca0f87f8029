package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.name.FullRefreshRequestName;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Content of a full-refresh request (docs/spec/README.md §7.5): one line {@code HDR~<file name>~<YYYYMMDD HHMMSS>}, no
 * trailer, no line terminator unless {@code gdr.terminateLine} is set.
 */
public final class FullRefreshRequestWriter {

    private static final DateTimeFormatter CUTOVER = DateTimeFormatter.ofPattern("uuuuMMdd HHmmss");

    private final boolean terminateLine;
    private final String lineTerminator;

    /** {@code gdr.terminateLine=false}. */
    public FullRefreshRequestWriter() {
        this(false, "\n");
    }

    public FullRefreshRequestWriter(boolean terminateLine, String lineTerminator) {
        this.terminateLine = terminateLine;
        this.lineTerminator = lineTerminator;
    }

    public String content(FullRefreshRequestName name, LocalDateTime cutover) {
        return "HDR~" + name.format() + "~" + cutover.withNano(0).format(CUTOVER) + (terminateLine ? lineTerminator : "");
    }

    /** Default cut-over: the request date at {@code fullRefresh.cutoverTime} (000000 by default). */
    public String content(FullRefreshRequestName name) {
        return content(name, name.requestDate().atStartOfDay());
    }

    public byte[] bytes(FullRefreshRequestName name, LocalDateTime cutover) {
        return content(name, cutover).getBytes(StandardCharsets.ISO_8859_1);
    }

    public void write(FullRefreshRequestName name, LocalDateTime cutover, OutputStream out) throws IOException {
        out.write(bytes(name, cutover));
    }
}
