package health.patchwork.esr.formats.text;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
            int i = indexOfLineEnd(b, scan, lim);
            if (i < lim) {
                byte c = b[i];
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

    /**
     * Reads more bytes. Bytes already returned are never moved or overwritten: when the buffer is full the
     * unfinished line is carried into a fresh buffer, so callers may keep referencing {@link #buffer()} of
     * earlier lines (OutboundRecord does, instead of copying each line).
     */
    private void fill() {
        if (limit == buf.length) {
            int carried = limit - pos;
            int size = carried * 2 > buf.length ? Math.min(buf.length * 2, maxLineLength + 2) : buf.length;
            byte[] fresh = new byte[Math.max(size, INITIAL_BUFFER)];
            System.arraycopy(buf, pos, fresh, 0, carried);
            buf = fresh;
            pos = 0;
            limit = carried;
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
        int[] bd = bounds;
        int n = 0;
        int start = lineStart;
        for (;;) {
            int end = indexOf(b, delimiter, start, lineEnd);
            int s = start;
            int e = end;
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
            if (end == lineEnd) {
                break;
            }
            start = end + 1;
        }
        fieldCount = n;
    }

    // Eight bytes at a time ("SWAR"): a byte equal to the target becomes zero after XOR, and
    // (x - 0x01..) & ~x & 0x80.. flags the lowest zero byte exactly. Lines are scanned twice (ends, then
    // delimiters), so this is most of the reader's per-byte cost.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * '\r';
    private static final long LFS = ONES * '\n';

    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Index of the first CR or LF in [from, to), or {@code to}. */
    private static int indexOfLineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(b, i);
            long hit = zeroBytes(w ^ CRS) | zeroBytes(w ^ LFS);
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    /** Index of the first {@code target} in [from, to), or {@code to}. */
    private static int indexOf(byte[] b, byte target, int from, int to) {
        long pattern = ONES * (target & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long hit = zeroBytes((long) LONGS.get(b, i) ^ pattern);
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return to;
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

    /** The buffer holding the current line; its bytes up to the line end never change afterwards. */
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

    /** Field bounds of the current line as absolute start,end pairs into {@link #buffer()}. */
    public int[] copyBounds() {
        return Arrays.copyOf(bounds, 2 * fieldCount);
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
