package health.patchwork.esr.formats.read;

import health.patchwork.esr.formats.ErrorReason;
import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.text.DelimitedLineSource;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming reader of outbound ({@code ~}-delimited, ISO-8859-1) files: GOF and GOC. Memory use is constant
 * whatever the file size; rows are returned one at a time in file order. HDR is read on open
 * ({@link #header()}); TRL is consumed ({@link #trailerCount()}); every other non-blank line is returned,
 * including LOV and unknown record types (with a null layout).
 *
 * <p>With {@link ReaderOptions#validate()} the reader fails fast with {@link EsrFormatException} on the
 * first header, structure, trailer, field-count or value error. Use
 * {@link health.patchwork.esr.formats.validate.OutboundFileValidator} first to get a full report and the
 * file-level checks that need configuration (VPD, accepted versions).
 */
public final class OutboundReader implements Closeable, Iterable<OutboundRecord> {

    private final DelimitedLineSource source;
    private final String fileName;
    private final ReaderOptions options;
    private final OutboundRowChecker checker;
    private final InterfaceLayout layout;
    private final OutboundHeader header;
    private final Consumer<RowProblem> problemSink = this::onProblem;

    private boolean pendingFirstLine;
    private long trailerLine;
    private Long trailerCount;
    private boolean trailerWellFormed;
    private boolean finished;
    private long warningCount;
    private final String[] typeByCode = new String[26 * 26 * 26];
    private final RecordLayout[] layoutByCode = new RecordLayout[26 * 26 * 26];
    private String lastRecordType = "";
    private RecordLayout lastLayout;

    private OutboundReader(InputStream in, String fileName, ReaderOptions options) {
        this.fileName = fileName;
        this.options = options;
        this.checker = new OutboundRowChecker(options.fieldCountPolicies());
        this.source = new DelimitedLineSource(in, '~', options.maxLineLength());
        try {
            boolean any = nextLine();
            if (any && OutboundHeader.isHeaderLine(source)) {
                header = OutboundHeader.from(source);
                if (options.validate()) {
                    checkHeader();
                }
            } else {
                if (options.validate()) {
                    throw error(ErrorReason.STRUCTURE, any
                            ? "first line is not an HDR with " + OutboundHeader.FIELD_COUNT + " fields"
                            : "file has no lines", null, any ? "HDR" : null);
                }
                header = null;
                pendingFirstLine = any;
            }
            layout = chooseLayout();
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    public static OutboundReader open(InputStream in, String fileName, ReaderOptions options) {
        return new OutboundReader(in, fileName, options);
    }

    public static OutboundReader open(Path file, ReaderOptions options) {
        try {
            return new OutboundReader(Files.newInputStream(file), file.getFileName().toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InterfaceLayout chooseLayout() {
        if (options.layout() != null) {
            return options.layout();
        }
        String version = header == null ? null : header.interfaceVersion();
        if (version != null) {
            var bundled = InterfaceLayout.bundled(InterfaceLayout.OUTBOUND_ROSTERING, version);
            if (bundled.isPresent()) {
                return bundled.get();
            }
            if (options.validate()) {
                throw error(ErrorReason.INVALID_LAYOUT, "no layout for interface version " + version, null, "HDR");
            }
        }
        return InterfaceLayout.outboundRostering("01");
    }

    private void checkHeader() {
        byte[] b = source.buffer();
        if (fileName != null && !source.fieldEquals(1, fileName)) {
            throw error(ErrorReason.INVALID_VALUE, "HDR file name does not match the actual file name",
                    "File Name", "HDR");
        }
        for (int i : new int[]{2, 4, 5}) {
            boolean ok = ValueSyntax.isTimestamp(b, source.start(i), source.end(i))
                    || (i == 4 && ValueSyntax.isZeroTimestamp(b, source.start(i), source.end(i)));
            if (!ok) {
                String name = OutboundHeader.FIELD_NAMES.get(i);
                throw error(ErrorReason.INVALID_VALUE,
                        "field '" + name + "' is not a valid timestamp (expected YYYYMMDD HHMMSS)", name, "HDR");
            }
        }
    }

    public OutboundHeader header() {
        return header;
    }

    public InterfaceLayout layout() {
        return layout;
    }

    /** TRL count once the end has been reached; null before, or if the file has no trailer. */
    public Long trailerCount() {
        return trailerCount;
    }

    /** Non-blank lines read so far, HDR and TRL included. */
    public long lineCount() {
        return source.nonBlankLines();
    }

    /** Rows accepted with a warning (ignored types with another field count, tolerated counts). */
    public long warningCount() {
        return warningCount;
    }

    /** The next data row, or null at the end of the file. */
    public OutboundRecord next() {
        if (finished) {
            return null;
        }
        for (;;) {
            if (pendingFirstLine) {
                pendingFirstLine = false;
            } else if (!nextLine()) {
                finish();
                return null;
            }
            if (trailerLine > 0 && options.validate()) {
                throw new EsrFormatException(ErrorReason.STRUCTURE, "TRL is not the last line", fileName,
                        trailerLine, "TRL", null, null);
            }
            String type = recordType();
            if (type.equals("TRL")) {
                trailerLine = source.lineNumber();
                trailerWellFormed = source.fieldCount() == 2
                        && ValueSyntax.isWholeNumber(source.buffer(), source.start(1), source.end(1));
                trailerCount = trailerWellFormed ? Long.parseLong(source.field(1)) : null;
                continue;
            }
            if (type.equals("HDR")) {
                if (options.validate()) {
                    throw error(ErrorReason.STRUCTURE, "HDR after the first line", null, type);
                }
                continue;
            }
            RecordLayout recordLayout = lastLayout;
            Operation op = OutboundRecord.operationOf(type, recordLayout);
            if (recordLayout != null && options.validate()) {
                checker.check(source, recordLayout, op, problemSink);
            }
            return new OutboundRecord(fileName, source.lineNumber(), type, recordLayout, op, source.buffer(),
                    source.copyBounds());
        }
    }

    /**
     * Field 0 and its layout, without allocating for the usual three-letter types: those are cached by code.
     */
    private String recordType() {
        if (source.fieldEquals(0, lastRecordType)) {
            return lastRecordType;
        }
        int code = threeLetterCode();
        if (code >= 0 && typeByCode[code] != null) {
            lastRecordType = typeByCode[code];
            lastLayout = layoutByCode[code];
            return lastRecordType;
        }
        String type = source.field(0);
        lastRecordType = type == null ? "" : type;
        lastLayout = layout.lookupRecordType(lastRecordType);
        if (code >= 0) {
            typeByCode[code] = lastRecordType;
            layoutByCode[code] = lastLayout;
        }
        return lastRecordType;
    }

    /** Index of a field 0 of exactly three letters A–Z, else -1. */
    private int threeLetterCode() {
        int s = source.start(0);
        if (source.fieldCount() == 0 || source.end(0) - s != 3) {
            return -1;
        }
        byte[] b = source.buffer();
        int code = 0;
        for (int i = s; i < s + 3; i++) {
            int c = b[i] - 'A';
            if (c < 0 || c >= 26) {
                return -1;
            }
            code = code * 26 + c;
        }
        return code;
    }

    private void onProblem(RowProblem p) {
        if (p.warning()) {
            warningCount++;
            return;
        }
        ErrorReason reason = switch (p.kind()) {
            case FIELD_COUNT, TRAILING_EMPTY_FIELDS -> ErrorReason.FIELD_COUNT;
            case MISSING_VALUE -> ErrorReason.MISSING_VALUE;
            case INVALID_VALUE -> ErrorReason.INVALID_VALUE;
        };
        throw error(reason, p.message(), p.fieldName(), lastRecordType);
    }

    private void finish() {
        finished = true;
        if (!options.validate()) {
            return;
        }
        if (trailerLine == 0 || !trailerWellFormed) {
            throw new EsrFormatException(ErrorReason.STRUCTURE, "the last line is not a TRL with a whole-number count",
                    fileName, trailerLine, "TRL", null, null);
        }
        long expected = options.trailerCountMode().expectedCount(source.nonBlankLines());
        if (trailerCount != expected) {
            throw new EsrFormatException(ErrorReason.RECORD_COUNT, "TRL count " + trailerCount + " but the file has "
                    + expected + " " + (options.trailerCountMode() == TrailerCountMode.ALL_ROWS ? "lines" : "data rows"),
                    fileName, trailerLine, "TRL", "Record Count", null);
        }
    }

    /** Advances the line source, naming this file in its errors (an over-long line). */
    private boolean nextLine() {
        try {
            return source.next();
        } catch (EsrFormatException e) {
            throw e.fileName() == null ? e.at(fileName, 0, null) : e;
        }
    }

    private EsrFormatException error(ErrorReason reason, String message, String field, String recordType) {
        return new EsrFormatException(reason, message, fileName, source.lineNumber(), recordType, field, null);
    }

    @Override
    public Iterator<OutboundRecord> iterator() {
        return new Iterator<>() {
            private OutboundRecord nextRecord;

            @Override
            public boolean hasNext() {
                if (nextRecord == null) {
                    nextRecord = OutboundReader.this.next();
                }
                return nextRecord != null;
            }

            @Override
            public OutboundRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                OutboundRecord r = nextRecord;
                nextRecord = null;
                return r;
            }
        };
    }

    /** The remaining rows as a sequential stream; close the reader (or the stream) when done. */
    public Stream<OutboundRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    @Override
    public void close() {
        source.close();
    }
}
