package health.patchwork.esr.formats.write;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.read.RowProblem;
import health.patchwork.esr.formats.validate.InboundRowRules;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Streams one inbound file: HDR on open, data records one at a time, {@code FTR,<count>,0} on close.
 * A row that cannot be written as it is (a character outside the charset, a {@code "}, CR or LF, a comma in
 * an unquoted value, a missing required field...) is rejected with an {@link EsrFormatException} naming the
 * record, field and caller's source id, and nothing of it is written: the caller leaves the item out and
 * carries on. Values are never altered, except by a configured transliteration.
 */
public abstract sealed class InboundFileWriter implements Closeable permits AttendanceFileWriter, AbsenceFileWriter {

    private final OutputStream out;
    private final InboundFileName fileName;
    private final InboundWriterOptions options;
    private final RecordLayout dataLayout;
    private final CharsetEncoder encoder;
    private final boolean latin1;
    private final StringBuilder line = new StringBuilder(256);
    private long dataRows;
    private boolean closed;

    InboundFileWriter(OutputStream out, InboundFileName fileName, LocalDateTime createdAt,
                      InboundWriterOptions options, RecordLayout dataLayout) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.options = Objects.requireNonNull(options, "options");
        this.dataLayout = dataLayout;
        this.encoder = options.charset().newEncoder();
        this.latin1 = options.charset().equals(StandardCharsets.ISO_8859_1);
        String[] header = {"HDR", fileName.format(), InboundValueFormat.compactTimestamp(createdAt),
                fileName.sourceSystem(), fileName.vpd(), String.valueOf(fileName.periodType().code()),
                String.valueOf(fileName.periodRun().code()), fileName.taxPeriod().pp()};
        emit(header, new boolean[header.length]);
    }

    public String fileName() {
        return fileName.format();
    }

    /** Data records written so far. */
    public long rowCount() {
        return dataRows;
    }

    InboundWriterOptions options() {
        return options;
    }

    /** Checks and writes one data record; values null or empty are written as empty fields. */
    void writeData(String[] values, boolean[] quoted, String sourceId) {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        long recordNumber = dataRows + 2;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && values[i].isEmpty()) {
                values[i] = null;
            }
            if (values[i] != null) {
                values[i] = checkCharacters(transliterate(values[i]), quoted[i], recordNumber, i, sourceId);
            }
            if (values[i] == null) {
                quoted[i] = false;
            }
        }
        InboundRowRules.check(dataLayout, values, quoted, p -> {
            throw rejected(p.kind() == RowProblem.Kind.MISSING_VALUE ? ErrorReason.MISSING_VALUE
                    : ErrorReason.INVALID_VALUE, recordNumber, p.fieldName(), sourceId, p.message());
        });
        emit(values, quoted);
        dataRows++;
    }

    EsrFormatException rejected(ErrorReason reason, long recordNumber, String field, String sourceId, String why) {
        return new EsrFormatException(reason, dataLayout.entityCode() + " record " + recordNumber
                + (field == null ? "" : " field '" + field + "'") + " (source id " + sourceId + "): " + why,
                fileName.format(), recordNumber, dataLayout.entityCode(), field, null);
    }

    private String transliterate(String v) {
        if (options.transliteration().isEmpty()) {
            return v;
        }
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            String replacement = options.transliteration().get(v.charAt(i));
            if (replacement != null && sb == null) {
                sb = new StringBuilder(v.length()).append(v, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(v.charAt(i)));
            }
        }
        return sb == null ? v : sb.toString();
    }

    private String checkCharacters(String v, boolean quoted, long recordNumber, int index, String sourceId) {
        String field = dataLayout.field(index).name();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String why = null;
            if (c == '"') {
                why = "contains a double quote";
            } else if (c == '\r' || c == '\n') {
                why = "contains a line break";
            } else if (c == ',' && !quoted) {
                why = "contains a comma in an unquoted value";
            } else if (latin1 ? c > 0xFF : !encoder.canEncode(c)) {
                why = "contains a character outside " + options.charset().name();
            }
            if (why != null) {
                throw rejected(ErrorReason.INVALID_CHARACTER, recordNumber, field, sourceId, why);
            }
        }
        if (!v.equals(v.strip())) {
            throw rejected(ErrorReason.INVALID_VALUE, recordNumber, field, sourceId, "has leading or trailing spaces");
        }
        return v;
    }

    private void emit(String[] values, boolean[] quoted) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                if (quoted[i]) {
                    line.append('"').append(values[i]).append('"');
                } else {
                    line.append(values[i]);
                }
            }
        }
        line.append(options.recordSeparator());
        write(line.toString());
    }

    private void write(String s) {
        try {
            out.write(s.getBytes(options.charset()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code FTR,<count>,0} (terminated only if configured) and closes the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        write("FTR," + dataRows + ",0" + (options.terminateLastRecord() ? options.recordSeparator() : ""));
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
