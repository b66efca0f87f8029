package health.patchwork.esr.formats.validate;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;
import health.patchwork.esr.formats.name.EsrFileKind;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.formats.read.RowProblem;
import health.patchwork.esr.formats.text.ValueSyntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates a T&A ({@code TA_}) or absence ({@code AB_}) inbound file, e.g. one our services wrote, by the
 * rules of docs/spec/inbound-files.md: HDR of 8 fields matching the file name, data records of the right width and
 * values, {@code FTR,<count>,0}, CR separators and no terminator after FTR (both configurable).
 * Outcomes reuse {@link ValidationOutcome}; the "line" of an issue is the record number.
 */
public final class InboundFileValidator {

    private static final String[] HEADER_FIELD_NAMES = {"Record Type", "File Name", "Creation Timestamp",
            "Source System Code", "VPD", "Period Type", "Period Run", "Tax Period"};

    private final InboundValidationOptions options;

    public InboundFileValidator(InboundValidationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ValidationReport validate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ValidationReport validate(InputStream in, String fileName) {
        IssueCollector issues = new IssueCollector(options.maxIssues());
        Optional<InboundFileName> name = InboundFileName.parse(fileName);
        if (name.isEmpty()) {
            issues.error(ValidationOutcome.REJECTED_FILE_NAME, 0, null, null,
                    "<TA|AB>_<VPD>_<SYS>_<T><R><YY><PP>_<SEQ8>.DAT", null, "not a TA or AB file name");
        }
        InboundFileType type = name.map(InboundFileName::fileType)
                .orElse(fileName != null && fileName.startsWith("AB") ? InboundFileType.AB : InboundFileType.TA);
        InterfaceLayout layout = type == InboundFileType.TA ? options.taLayout() : options.absenceLayout();
        RecordLayout dataLayout = layout.byEntityCode(type.dataRecordType()).orElseThrow();
        int width = type == InboundFileType.TA ? options.attColumnCount() : dataLayout.aFieldCount();

        HeaderValues header = null;
        long records = 0;
        long dataRows = 0;
        InboundRecord last = null;
        long footerAt = 0;
        try (InboundReader reader = new InboundReader(in)) {
            InboundRecord r;
            while ((r = reader.next()) != null) {
                records++;
                String safeType = IssueCollector.safeRecordType(r.recordType());
                issues.count(safeType);
                if (last != null) {
                    checkSeparator(last, false, issues);
                }
                if (footerAt > 0) {
                    issues.error(ValidationOutcome.REJECTED_STRUCTURE, footerAt, "FTR", null, "FTR as the last record",
                            null, "FTR before the last record");
                    footerAt = 0;
                }
                last = r;
                if (r.syntaxError() != null) {
                    RecordLayout quotedLayout = records == 1 ? layout.byEntityCode("HDR").orElseThrow()
                            : r.recordType().equals("FTR") ? layout.byEntityCode("FTR").orElseThrow() : dataLayout;
                    issues.error(ValidationOutcome.REJECTED_VALUE, r.recordNumber(), safeType,
                            fieldName(quotedLayout, r.syntaxErrorField()), null, null,
                            "malformed quoting: " + r.syntaxError());
                }
                if (records == 1) {
                    header = checkHeader(r, fileName, name, layout, issues);
                    continue;
                }
                switch (r.recordType()) {
                    case "FTR" -> footerAt = r.recordNumber();
                    case "HDR" -> issues.error(ValidationOutcome.REJECTED_STRUCTURE, r.recordNumber(), "HDR", null,
                            "HDR as the first record", null, "HDR after the first record");
                    default -> {
                        if (!r.recordType().equals(type.dataRecordType())) {
                            issues.countUnknown(safeType);
                            issues.error(ValidationOutcome.REJECTED_STRUCTURE, r.recordNumber(), safeType, null,
                                    type.dataRecordType(), safeType, "unexpected record type in a " + type + " file");
                        } else {
                            dataRows++;
                            checkData(r, dataLayout, width, issues);
                        }
                    }
                }
            }
        } catch (EsrFormatException e) {
            issues.error(ValidationOutcome.REJECTED_STRUCTURE, e.lineNumber(), null, null, null, null,
                    "unreadable record: " + e.reason());
        }
        if (records < 2) {
            issues.error(ValidationOutcome.REJECTED_EMPTY, 0, null, null, "at least 2 records", Long.toString(records),
                    "the file has fewer than 2 records");
        }
        if (records >= 2 && dataRows == 0) {
            issues.warning(0, null, null, null, null, "no data records: an empty file is not sent (docs/spec/inbound-files.md §1.4)");
        }
        Long trailerCount = null;
        if (last != null) {
            checkSeparator(last, true, issues);
            trailerCount = checkFooter(last, footerAt > 0, dataRows, layout, issues);
        }
        EsrFileKind kind = type == InboundFileType.TA ? EsrFileKind.TA_INBOUND : EsrFileKind.AB_INBOUND;
        return issues.report(fileName, kind, header, trailerCount, records);
    }

    /** The layout's name for a field, or its position when the record has more fields than the layout. */
    private static String fieldName(RecordLayout layout, int index) {
        return index < layout.fields().size() ? layout.field(index).name() : "field " + (index + 1);
    }

    private void checkSeparator(InboundRecord r, boolean lastRecord, IssueCollector issues) {
        String expected = lastRecord ? (options.terminateLastRecord() ? options.recordSeparator() : "")
                : options.recordSeparator();
        if (!r.terminator().equals(expected)) {
            issues.error(ValidationOutcome.REJECTED_STRUCTURE, r.recordNumber(),
                    IssueCollector.safeRecordType(r.recordType()), null, describe(expected), describe(r.terminator()),
                    lastRecord ? "the last record's terminator is not as configured" : "records must end with "
                            + describe(expected));
        }
    }

    private static String describe(String separator) {
        return switch (separator) {
            case "\r" -> "CR";
            case "\n" -> "LF";
            case "\r\n" -> "CRLF";
            case "" -> "no terminator";
            default -> "other";
        };
    }

    private HeaderValues checkHeader(InboundRecord r, String fileName, Optional<InboundFileName> name,
                                     InterfaceLayout layout, IssueCollector issues) {
        RecordLayout hdr = layout.byEntityCode("HDR").orElseThrow();
        Optional<String> mark = ByteOrderMark.atStartOf(r.recordType());
        if (mark.isPresent()) {
            ByteOrderMark.report(issues, mark.get());
            return null;
        }
        if (!r.recordType().equals("HDR") || r.fieldCount() != hdr.aFieldCount()) {
            issues.error(ValidationOutcome.REJECTED_NO_HEADER, r.recordNumber(), IssueCollector.safeRecordType(
                    r.recordType()), null, "HDR with " + hdr.aFieldCount() + " fields", Integer.toString(
                    r.fieldCount()), "the first record is not an HDR with " + hdr.aFieldCount() + " fields");
            return null;
        }
        long n = r.recordNumber();
        if (!Objects.equals(r.get(1), fileName)) {
            issues.error(ValidationOutcome.REJECTED_HEADER_NAME, n, "HDR", HEADER_FIELD_NAMES[1], fileName,
                    OutboundFileValidator.structural(r.get(1)), "HDR file name does not match the actual file name");
        }
        String expectedVpd = options.expectedVpd() != null ? options.expectedVpd()
                : name.map(InboundFileName::vpd).orElse(null);
        if (expectedVpd != null && !expectedVpd.equals(r.get(4))) {
            issues.error(ValidationOutcome.REJECTED_WRONG_VPD, n, "HDR", HEADER_FIELD_NAMES[4], expectedVpd,
                    OutboundFileValidator.structural(r.get(4)), "HDR VPD is not the trust's VPD");
        }
        if (name.isPresent() && options.expectedVpd() != null && !name.get().vpd().equals(options.expectedVpd())) {
            issues.error(ValidationOutcome.REJECTED_WRONG_VPD, 0, null, null, options.expectedVpd(),
                    name.get().vpd(), "the VPD in the file name is not the trust's VPD");
        }
        for (int i = 1; i < hdr.aFieldCount(); i++) {
            String v = r.get(i);
            String expected = v == null ? "non-empty" : InboundRowRules.syntaxError(hdr.field(i).type(), v);
            if (expected == null && !hdr.field(i).allowedValues().isEmpty() && !hdr.field(i).allowedValues().contains(v)) {
                expected = "one of " + String.join(", ", hdr.field(i).allowedValues());
            }
            if (expected != null) {
                issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, n, "HDR", HEADER_FIELD_NAMES[i], expected, null,
                        "field '" + HEADER_FIELD_NAMES[i] + "' is not valid");
            }
        }
        name.ifPresent(nm -> {
            String sys = options.sourceSystemCode() != null ? options.sourceSystemCode() : nm.sourceSystem();
            matchName(n, 3, sys, r, issues);
            matchName(n, 5, String.valueOf(nm.periodType().code()), r, issues);
            matchName(n, 6, String.valueOf(nm.periodRun().code()), r, issues);
            matchName(n, 7, nm.taxPeriod().pp(), r, issues);
            if (!nm.sourceSystem().equals(sys)) {
                issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, 0, null, null, sys, nm.sourceSystem(),
                        "the source-system code in the file name is not the configured one");
            }
        });
        String ts = r.get(2);
        byte[] b = ts == null ? new byte[0] : ValueSyntax.latin1(ts);
        return new HeaderValues(ValueSyntax.parseCompactTimestamp(b, 0, b.length), null, null, null,
                OutboundFileValidator.structural(r.get(4)));
    }

    private static void matchName(long n, int field, String expected, InboundRecord r, IssueCollector issues) {
        if (!expected.equals(r.get(field))) {
            issues.error(ValidationOutcome.REJECTED_HEADER_VALUE, n, "HDR", HEADER_FIELD_NAMES[field], expected,
                    OutboundFileValidator.structural(r.get(field)), "HDR field '" + HEADER_FIELD_NAMES[field]
                            + "' does not match the file name or configuration");
        }
    }

    private static void checkData(InboundRecord r, RecordLayout layout, int width, IssueCollector issues) {
        long n = r.recordNumber();
        String type = layout.entityCode();
        if (r.fieldCount() != width) {
            issues.error(ValidationOutcome.REJECTED_FIELD_COUNT, n, type, null, Integer.toString(width),
                    Integer.toString(r.fieldCount()), "expected " + width + " fields, got " + r.fieldCount());
            return;
        }
        InboundRowRules.check(layout, r.values(), r.quoted(), (RowProblem p) -> issues.error(
                ValidationOutcome.REJECTED_VALUE, n, type, p.fieldName(), p.expected(), p.actual(), p.message()));
        if (InboundRowRules.allNumericInputValuesZero(layout, r.values())) {
            issues.warning(n, type, null, null, null, "every numeric input value is zero; such rows are not sent");
        }
    }

    private static Long checkFooter(InboundRecord last, boolean isFooter, long dataRows, InterfaceLayout layout,
                                    IssueCollector issues) {
        RecordLayout ftr = layout.byEntityCode("FTR").orElseThrow();
        if (!isFooter || last.fieldCount() != ftr.aFieldCount()) {
            issues.error(ValidationOutcome.REJECTED_NO_TRAILER, last.recordNumber(),
                    IssueCollector.safeRecordType(last.recordType()), null, "FTR with " + ftr.aFieldCount() + " fields",
                    null, "the last record is not an FTR with " + ftr.aFieldCount() + " fields");
            return null;
        }
        String count = last.get(1);
        if (count == null || !ValueSyntax.isWholeNumber(count)) {
            issues.error(ValidationOutcome.REJECTED_NO_TRAILER, last.recordNumber(), "FTR", "Record Count",
                    "a whole number", null, "FTR count is not a whole number");
            return null;
        }
        long c = Long.parseLong(count);
        if (c != dataRows) {
            issues.error(ValidationOutcome.REJECTED_RECORD_COUNT, last.recordNumber(), "FTR", "Record Count",
                    Long.toString(dataRows), Long.toString(c), "FTR count does not match the number of data records");
        }
        if (!"0".equals(last.get(2))) {
            issues.error(ValidationOutcome.REJECTED_RECORD_COUNT, last.recordNumber(), "FTR", "Reserved", "0",
                    OutboundFileValidator.structural(last.get(2)), "FTR third field must be 0");
        }
        return c;
    }
}
