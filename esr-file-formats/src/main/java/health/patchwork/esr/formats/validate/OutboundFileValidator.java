package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.name.EsrFileKind;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.formats.read.Operation;
import health.patchwork.esr.formats.read.OutboundHeader;
import health.patchwork.esr.formats.read.OutboundRowChecker;
import health.patchwork.esr.formats.read.RowProblem;
import health.patchwork.esr.formats.read.TrailerCountMode;
import health.patchwork.esr.formats.text.DelimitedLineSource;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Validates a received outbound file (GOF/GOC) by docs/spec/README.md §6.1 checks 3–13 and the check-16 warning, in one
 * streaming pass and constant memory. Every finding is collected; the outcome is the earliest failing check.
 * Checks 2 (ledger), 14 (sequence, see {@link SequencePolicy}) and 15 (threshold) need service state and are
 * not done here; check 1 is {@link #checkName(String)}.
 *
 * <p>The validator reports rather than throws: only I/O failures escape, as {@link UncheckedIOException}.
 */
public final class OutboundFileValidator {

    private static final String[] HEADER_FIELD_NAMES = OutboundHeader.FIELD_NAMES.toArray(new String[0]);

    private final OutboundValidationOptions options;

    public OutboundFileValidator(OutboundValidationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Check 1: VALID when the name is a GO full or change file of the expected VPD and sub-file type, else
     * IGNORED_NOT_OURS (leave the file alone and report the name once).
     */
    public ValidationOutcome checkName(String fileName) {
        Optional<OutboundFileName> name = OutboundFileName.parse(fileName);
        boolean ours = name.isPresent()
                && (options.expectedVpd() == null || name.get().vpd().equals(options.expectedVpd()))
                && name.get().subFileType().equals(options.subFileType());
        return ours ? ValidationOutcome.VALID : ValidationOutcome.IGNORED_NOT_OURS;
    }

    public ValidationReport validate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the stream (closing it) as the file called {@code fileName}. */
    public ValidationReport validate(InputStream in, String fileName) {
        return new Pass(fileName).run(in);
    }

    /** State of one validation pass. */
    private final class Pass implements Consumer<RowProblem> {

        private final String fileName;
        private final Optional<OutboundFileName> name;
        private final IssueCollector issues;
        private final OutboundRowChecker checker;
        private HeaderValues header;
        private InterfaceLayout layout;
        private long trailerLine;
        private boolean trailerWellFormed;
        private Long trailerCount;
        private long lastLine;
        private long lineCount;
        private String lastRawType = "";
        private String lastSafeType = IssueCollector.MALFORMED_TYPE;
        private long currentLine;

        Pass(String fileName) {
            this.fileName = fileName;
            this.name = OutboundFileName.parse(fileName);
            this.issues = new IssueCollector(options.maxIssues());
            this.checker = new OutboundRowChecker(options.fieldCountPolicies());
        }

        ValidationReport run(InputStream in) {
            try (DelimitedLineSource src = new DelimitedLineSource(in, '~', options.maxLineLength())) {
                try {
                    while (src.next()) {
                        line(src);
                    }
                } catch (EsrFormatException e) {
                    issues.error(ValidationOutcome.REJECTED_STRUCTURE, e.lineNumber(), null, null, null, null,
                            "unreadable line: " + e.reason());
                }
                lineCount = src.nonBlankLines();
            }
            finish();
            EsrFileKind kind = name.map(n -> n.isFull() ? EsrFileKind.OUTBOUND_FULL : EsrFileKind.OUTBOUND_CHANGE)
                    .orElse(EsrFileKind.UNKNOWN);
            return issues.report(fileName, kind, header, trailerCount, lineCount);
        }

        private void line(DelimitedLineSource src) {
            currentLine = src.lineNumber();
            lastLine = currentLine;
            String type = recordType(src);
            issues.count(lastSafeType);
            if (src.nonBlankLines() == 1) {
                checkHeader(src);
                return;
            }
            if (trailerLine > 0) {
                issues.error(ValidationOutcome.REJECTED_STRUCTURE, trailerLine, "TRL", null, "TRL as the last line",
                        null, "TRL before the last line");
                trailerLine = 0;
            }
            if (type.equals("TRL")) {
                trailerLine = currentLine;
                trailerWellFormed = src.fieldCount() == 2
                        && ValueSyntax.isWholeNumber(src.buffer(), src.start(1), src.end(1));
                trailerCount = trailerWellFormed ? Long.valueOf(src.field(1)) : null;
                return;
            }
            if (type.equals("HDR")) {
                issues.error(ValidationOutcome.REJECTED_STRUCTURE, currentLine, "HDR", null, "HDR as the first line",
                        null, "HDR after the first line");
                return;
            }
            RecordLayout recordLayout = layout.lookupRecordType(type);
            if (recordLayout == null) {
                if (issues.countUnknown(lastSafeType) == 1) {
                    issues.warning(currentLine, lastSafeType, null, null, null,
                            "unknown record type (counted, not applied); first seen here");
                }
                return;
            }
            Operation op = !recordLayout.suffixed() ? Operation.NONE
                    : type.endsWith("D") ? Operation.DELETE : Operation.ADD_OR_UPDATE;
            checker.check(src, recordLayout, op, this);
        }

        /** Field 0, reusing the previous String when the type repeats. */
        private String recordType(DelimitedLineSource src) {
            if (!src.fieldEquals(0, lastRawType)) {
                String t = src.field(0);
                lastRawType = t == null ? "" : t;
                lastSafeType = IssueCollector.safeRecordType(lastRawType);
            }
            return lastRawType;
        }

        /** A problem found by the row checker in the current line. */
        @Override
        public void accept(RowProblem p) {
            if (p.kind() == RowProblem.Kind.TRAILING_EMPTY_FIELDS) {
                issues.trailingEmptyFields(currentLine, lastSafeType, p.expected(), p.actual(), p.message());
                return;
            }
            if (p.warning()) {
                issues.warning(currentLine, lastSafeType, p.fieldName(), p.expected(), p.actual(), p.message());
                return;
            }
            ValidationOutcome outcome = p.kind() == RowProblem.Kind.FIELD_COUNT
                    ? ValidationOutcome.REJECTED_FIELD_COUNT : ValidationOutcome.REJECTED_VALUE;
            issues.error(outcome, currentLine, lastSafeType, p.fieldName(), p.expected(), p.actual(), p.message());
        }

        private void checkHeader(DelimitedLineSource src) {
            Optional<String> mark = ByteOrderMark.atStartOf(src.field(0));
            if (mark.isPresent()) {
                ByteOrderMark.report(issues, mark.get());
                layout = fallbackLayout();
                return;
            }
            if (!OutboundHeader.isHeaderLine(src)) {
                issues.error(ValidationOutcome.REJECTED_NO_HEADER, currentLine, lastSafeType, null,
                        "HDR with " + OutboundHeader.FIELD_COUNT + " fields",
                        lastSafeType + " with " + src.fieldCount() + " fields",
                        "the first line is not an HDR with " + OutboundHeader.FIELD_COUNT + " fields");
                layout = fallbackLayout();
                return;
            }
            OutboundHeader h = OutboundHeader.from(src);
            header = new HeaderValues(h.creationTimestamp(), h.previousRunDate(), h.runDate(),
                    h.interfaceVersion(), h.vpd());
            if (!src.fieldEquals(1, fileName)) {
                issues.error(ValidationOutcome.REJECTED_HEADER_NAME, currentLine, "HDR", HEADER_FIELD_NAMES[1],
                        fileName, structural(h.fileName()), "HDR file name does not match the actual file name");
            }
            checkVpd(src, h);
            checkTimestamps(src);
            String version = h.interfaceVersion();
            // List.of(...).contains(null) throws: an empty version field is simply not an accepted one
            if (version == null || !options.acceptedVersions().contains(version)) {
                issues.error(ValidationOutcome.REJECTED_VERSION, currentLine, "HDR", HEADER_FIELD_NAMES[6],
                        String.join(" or ", options.acceptedVersions()), structural(version),
                        "interface version is not accepted");
                layout = fallbackLayout();
            } else if (options.layout() != null) {
                layout = options.layout();
            } else {
                layout = InterfaceLayout.bundled(InterfaceLayout.OUTBOUND_ROSTERING, version).orElse(null);
                if (layout == null) {
                    issues.error(ValidationOutcome.REJECTED_VERSION, currentLine, "HDR", HEADER_FIELD_NAMES[6],
                            "a version with a layout", structural(version), "no layout for this interface version");
                    layout = fallbackLayout();
                }
            }
        }

        private void checkVpd(DelimitedLineSource src, OutboundHeader h) {
            String expected = options.expectedVpd() != null ? options.expectedVpd()
                    : name.map(OutboundFileName::vpd).orElse(null);
            if (expected != null && !src.fieldEquals(3, expected)) {
                issues.error(ValidationOutcome.REJECTED_WRONG_VPD, currentLine, "HDR", HEADER_FIELD_NAMES[3],
                        expected, structural(h.vpd()), "HDR VPD is not the trust's VPD");
            }
            if (name.isPresent() && expected != null && !name.get().vpd().equals(expected)) {
                issues.error(ValidationOutcome.REJECTED_WRONG_VPD, 0, null, null, expected, name.get().vpd(),
                        "the VPD in the file name is not the trust's VPD");
            }
        }

        private void checkTimestamps(DelimitedLineSource src) {
            byte[] b = src.buffer();
            for (int i : new int[]{2, 4, 5}) {
                boolean ok = ValueSyntax.isTimestamp(b, src.start(i), src.end(i))
                        || (i == 4 && ValueSyntax.isZeroTimestamp(b, src.start(i), src.end(i)));
                if (!ok) {
                    issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, currentLine, "HDR", HEADER_FIELD_NAMES[i],
                            i == 4 ? "YYYYMMDD HHMMSS or 00000000 000000" : "YYYYMMDD HHMMSS", null,
                            "field '" + HEADER_FIELD_NAMES[i] + "' is not a valid timestamp");
                }
            }
            LocalDateTime previous = header.previousRunDate();
            LocalDateTime run = header.runDate();
            if (previous != null && run != null && run.isBefore(previous)) {
                issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, currentLine, "HDR", HEADER_FIELD_NAMES[5],
                        "not before the previous run date", null, "run date is before the previous run date");
            }
        }

        private InterfaceLayout fallbackLayout() {
            if (options.layout() != null) {
                return options.layout();
            }
            for (String v : options.acceptedVersions()) {
                Optional<InterfaceLayout> l = InterfaceLayout.bundled(InterfaceLayout.OUTBOUND_ROSTERING, v);
                if (l.isPresent()) {
                    return l.get();
                }
            }
            return InterfaceLayout.outboundRostering("01");
        }

        private void finish() {
            if (lineCount < 2) {
                issues.error(ValidationOutcome.REJECTED_EMPTY, 0, null, null, "at least 2 lines",
                        Long.toString(lineCount), "the file has fewer than 2 non-blank lines");
            }
            if (trailerLine == 0) {
                issues.error(ValidationOutcome.REJECTED_NO_TRAILER, lastLine, null, null, "TRL", null,
                        "the last line is not a TRL");
            } else if (!trailerWellFormed) {
                issues.error(ValidationOutcome.REJECTED_NO_TRAILER, trailerLine, "TRL", "Record Count",
                        "2 fields with a whole-number count", null, "TRL must have 2 fields and a whole-number count");
            } else {
                TrailerCountMode mode = options.trailerCountMode();
                long expected = mode.expectedCount(lineCount);
                if (trailerCount != expected) {
                    issues.error(ValidationOutcome.REJECTED_RECORD_COUNT, trailerLine, "TRL", "Record Count",
                            Long.toString(expected), Long.toString(trailerCount),
                            "TRL count does not match the number of " + (mode == TrailerCountMode.ALL_ROWS
                                    ? "non-blank lines" : "data rows"));
                }
            }
            checkContiguousWindow();
        }

        /** Check 16 (warning): a change window starts where the last applied one ended. */
        private void checkContiguousWindow() {
            LocalDateTime last = options.lastAppliedRunDate();
            boolean change = name.map(n -> n.extractType() == ExtractType.CHANGE).orElse(false);
            if (last == null || !change || header == null) {
                return;
            }
            if (!last.equals(header.previousRunDate())) {
                issues.warning(1, "HDR", HEADER_FIELD_NAMES[4], last.toString(),
                        header.previousRunDate() == null ? null : header.previousRunDate().toString(),
                        "change window does not start at the run date of the last applied file");
            }
        }
    }

    /** A header value quoted in a report only when it looks like a name, code or version (never free text). */
    static String structural(String value) {
        if (value == null || value.length() > 64) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            if (!ok) {
                return null;
            }
        }
        return value;
    }
}
