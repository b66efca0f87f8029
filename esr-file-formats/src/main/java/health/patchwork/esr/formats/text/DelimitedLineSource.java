package health.patchwork.esr.formats.text;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams the non-blank lines of a single-byte-charset, delimiter-separated file (the outbound {@code ~}
 * format) and splits each into trimmed fields, in constant memory: one reusable buffer, no per-line or
 * per-field objects until a caller asks for a value. Accepts CR, LF and CRLF line ends and a final line
 * without a terminator; skips blank and whitespace-only lines.
 *
 * <p>Works on bytes because ISO-8859-1 maps each byte to one char: a field becomes a String only on demand.
 */
public final class DelimitedLineSource implements Closeable {

    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    private static final int INITIAL_BUFFER = 1 << 16;

    private final InputStream in;
    private final byte delimiter;
    private final int maxLineLength;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean skipLfAtNextLine;

    private long nextPhysicalLine = 1;
    private long lineNumber;
    private long nonBlankLines;
    private int lineStart;
    private int lineEnd;

    private int[] bounds = new int[128];
    private int fieldCount;

    public DelimitedLineSource(InputStream in, char delimiter, int maxLineLength) {
        if (delimiter > 0x7F) {
            throw new IllegalArgumentException("delimiter must be ASCII");
        }
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.maxLineLength = maxLineLength;
        this.buf = new byte[Math.min(INITIAL_BUFFER, Math.max(1024, maxLineLength + 2))];
    }

    /** Advances to the next non-blank line. Returns false at the end of the input. */
    public boolean next() {
        while (readLine()) {
            if (!isBlank()) {
                nonBlankLines++;
                split();
                return true;
            }
        }
        fieldCount = 0;
        return false;
    }

    private boolean readLine() {
        if (skipLfAtNextLine) {
            if (pos >= limit) {
                fill();
            }
            if (pos < limit && buf[pos] == '\n') {
                pos++;
            }
            skipLfAtNextLine = false;
        }
        int scan = pos;
        for (;;) {
            final byte[] b = buf;
            final int lim = limit;
            for (int i = scan; i < lim; i++) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    checkLength(i - pos);
                    lineStart = pos;
                    lineEnd = i;
                    lineNumber = nextPhysicalLine++;
                    if (c == '\r') {
                        if (i + 1 < lim) {
                            pos = b[i + 1] == '\n' ? i + 2 : i + 1;
                        } else {
                            pos = i + 1;
                            skipLfAtNextLine = true;
                        }
                    } else {
                        pos = i + 1;
                    }
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    lineStart = pos;
                    lineEnd = limit;
                    pos = limit;
                    lineNumber = nextPhysicalLine++;
                    return true;
                }
                return false;
            }
            int scanned = limit - pos;
            checkLength(scanned);
            fill();
            scan = pos + scanned;
        }
    }

    private void checkLength(int length) {
        if (length > maxLineLength) {
            throw new EsrFormatException(ErrorReason.LINE_TOO_LONG,
                    "line longer than " + maxLineLength + " bytes", null, nextPhysicalLine, null, null, null);
        }
    }

    /** Moves the unread bytes to the front of the buffer (growing it if full) and reads more. */
    private void fill() {
        int carried = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, carried);
            pos = 0;
            limit = carried;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, maxLineLength + 2));
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if ((buf[i] & 0xFF) > 0x20) {
                return false;
            }
        }
        return true;
    }

    private void split() {
        final byte[] b = buf;
        final byte d = delimiter;
        int n = 0;
        int start = lineStart;
        int[] bd = bounds;
        for (int i = lineStart; ; i++) {
            if (i == lineEnd || b[i] == d) {
                int s = start;
                int e = i;
                while (s < e && (b[s] & 0xFF) <= 0x20) {
                    s++;
                }
                while (e > s && (b[e - 1] & 0xFF) <= 0x20) {
                    e--;
                }
                if (2 * n + 2 > bd.length) {
                    bd = bounds = Arrays.copyOf(bd, bd.length * 2);
                }
                bd[2 * n] = s;
                bd[2 * n + 1] = e;
                n++;
                if (i == lineEnd) {
                    break;
                }
                start = i + 1;
            }
        }
        fieldCount = n;
    }

    /** Physical line number (1-based) of the current line; CRLF counts as one line end. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Non-blank lines returned so far, the current one included. */
    public long nonBlankLines() {
        return nonBlankLines;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The shared buffer; valid until the next call of {@link #next()}. */
    public byte[] buffer() {
        return buf;
    }

    public int start(int field) {
        return bounds[2 * field];
    }

    public int end(int field) {
        return bounds[2 * field + 1];
    }

    public boolean isEmpty(int field) {
        return field >= fieldCount || bounds[2 * field] == bounds[2 * field + 1];
    }

    /** Trimmed value of a field; null when empty or absent. */
    public String field(int field) {
        if (isEmpty(field)) {
            return null;
        }
        int s = bounds[2 * field];
        return new String(buf, s, bounds[2 * field + 1] - s, StandardCharsets.ISO_8859_1);
    }

    /** True when the trimmed field equals the ASCII text, without creating a String. */
    public boolean fieldEquals(int field, String ascii) {
        if (field >= fieldCount) {
            return false;
        }
        int s = bounds[2 * field];
        int len = bounds[2 * field + 1] - s;
        if (len != ascii.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[s + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when the raw line (before trimming) starts with the ASCII text. */
    public boolean lineStartsWith(String ascii) {
        if (lineEnd - lineStart < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (buf[lineStart + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Copy of the current line's bytes (untrimmed, without the terminator). */
    public byte[] copyLine() {
        return Arrays.copyOfRange(buf, lineStart, lineEnd);
    }

    /** Field bounds of the current line relative to {@link #copyLine()}, as start,end pairs. */
    public int[] copyBoundsRelativeToLine() {
        int[] out = Arrays.copyOf(bounds, 2 * fieldCount);
        for (int i = 0; i < out.length; i++) {
            out[i] -= lineStart;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
