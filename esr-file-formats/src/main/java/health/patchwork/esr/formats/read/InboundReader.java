package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming reader of inbound files (TA, AB): comma-delimited, ISO-8859-1, names in {@code "…"} that may
 * contain commas. Records end at CR, LF or CRLF (each reported, so that validation can insist on CR);
 * empty records are skipped. Malformed quoting is reported on the record, not thrown.
 */
public final class InboundReader implements Closeable {

    private final InputStream in;
    private final int maxRecordLength;
    private final StringBuilder field = new StringBuilder();
    private long recordNumber;
    private int pushedBack = -2;

    public InboundReader(InputStream in, int maxRecordLength) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.maxRecordLength = maxRecordLength;
    }

    public InboundReader(InputStream in) {
        this(in, 1 << 20);
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next non-empty record, or null at the end. */
    public InboundRecord next() {
        for (;;) {
            List<String> values = new ArrayList<>(48);
            List<Boolean> quotedFlags = new ArrayList<>(48);
            String error = null;
            int errorField = -1;
            boolean inQuotes = false;
            boolean quoted = false;
            boolean afterClosingQuote = false;
            int length = 0;
            field.setLength(0);
            String terminator;
            int c;
            for (;;) {
                c = read();
                if (c < 0) {
                    terminator = "";
                    break;
                }
                if (c == '\r') {
                    int next = read();
                    if (next == '\n') {
                        terminator = "\r\n";
                    } else {
                        pushedBack = next;
                        terminator = "\r";
                    }
                    break;
                }
                if (c == '\n') {
                    terminator = "\n";
                    break;
                }
                if (++length > maxRecordLength) {
                    throw new EsrFormatException(ErrorReason.LINE_TOO_LONG, "record longer than " + maxRecordLength
                            + " bytes", null, recordNumber + 1, null, null, null);
                }
                if (inQuotes) {
                    if (c == '"') {
                        inQuotes = false;
                        afterClosingQuote = true;
                    } else {
                        field.append((char) c);
                    }
                } else if (c == ',') {
                    add(values, quotedFlags, quoted);
                    quoted = false;
                    afterClosingQuote = false;
                } else if (c == '"' && field.length() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    if (afterClosingQuote && error == null) {
                        error = "characters after a closing quote";
                        errorField = values.size();
                    } else if (c == '"' && error == null) {
                        error = "a quote inside an unquoted value";
                        errorField = values.size();
                    }
                    field.append((char) c);
                }
            }
            if (inQuotes && error == null) {
                error = "a quote is not closed";
                errorField = values.size();
            }
            boolean empty = values.isEmpty() && field.length() == 0 && !quoted;
            if (empty) {
                if (c < 0) {
                    return null;
                }
                continue;
            }
            add(values, quotedFlags, quoted);
            boolean[] q = new boolean[quotedFlags.size()];
            for (int i = 0; i < q.length; i++) {
                q[i] = quotedFlags.get(i);
            }
            return new InboundRecord(++recordNumber, values.toArray(new String[0]), q, terminator, error, errorField);
        }
    }

    private void add(List<String> values, List<Boolean> quotedFlags, boolean quoted) {
        values.add(field.length() == 0 ? null : field.toString());
        quotedFlags.add(quoted);
        field.setLength(0);
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
