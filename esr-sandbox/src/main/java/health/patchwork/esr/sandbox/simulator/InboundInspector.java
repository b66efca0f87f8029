package health.patchwork.esr.sandbox.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.read.InboundReader;
import health.patchwork.esr.formats.read.InboundRecord;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationIssue;
import health.patchwork.esr.formats.validate.ValidationReport;

/**
 * ESR's side of the inbound folder: every TA and AB file that appears (under its final name, never a {@code .part})
 * is validated with the suite's own library and gets a readable report next to it, {@code <name>.report.txt};
 * absences of valid AB files are handed to {@link AbsenceEchoes}.
 */
final class InboundInspector {

    static final String REPORT_SUFFIX = ".report.txt";

    private final Path inboundFolder;
    private final InboundFileValidator validator;
    private final AbsenceEchoes echoes;

    InboundInspector(Path inboundFolder, String vpd, AbsenceEchoes echoes) {
        this.inboundFolder = inboundFolder;
        this.validator = new InboundFileValidator(InboundValidationOptions.forVpd(vpd));
        this.echoes = echoes;
    }

    /** Inspects the files not inspected before; returns their reports. */
    List<ValidationReport> inspectNewFiles(LocalDateTime now) {
        List<ValidationReport> reports = new ArrayList<>();
        for (Path file : newFiles()) {
            ValidationReport report = validator.validate(file);
            if (report.isValid() && file.getFileName().toString().startsWith(InboundFileType.AB.name() + "_")) {
                echoAbsences(file, now);
            }
            writeReport(file, report);
            reports.add(report);
        }
        return reports;
    }

    private List<Path> newFiles() {
        try (Stream<Path> files = Files.list(inboundFolder)) {
            return files.filter(f -> InboundFileName.parse(f.getFileName().toString()).isPresent())
                    .filter(f -> !Files.exists(f.resolveSibling(f.getFileName() + REPORT_SUFFIX)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void echoAbsences(Path file, LocalDateTime now) {
        try (InputStream in = Files.newInputStream(file); InboundReader reader = new InboundReader(in)) {
            for (InboundRecord row = reader.next(); row != null; row = reader.next()) {
                if ("ABS".equals(row.recordType())) {
                    echoes.accept(row, now);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeReport(Path file, ValidationReport report) {
        StringBuilder text = new StringBuilder();
        text.append("ESR sandbox validation report\n");
        text.append("file:    ").append(report.fileName()).append('\n');
        text.append("outcome: ").append(report.outcome()).append(report.isValid() ? " (accepted)" : " (rejected)")
                .append('\n');
        text.append("records: ").append(report.lineCount()).append('\n');
        for (Map.Entry<String, Long> count : report.countsByRecordType().entrySet()) {
            text.append("  ").append(count.getKey()).append(' ').append(count.getValue()).append('\n');
        }
        for (ValidationIssue issue : report.issues()) {
            text.append("error:   ").append(issue.describe()).append('\n');
        }
        for (ValidationIssue warning : report.warnings()) {
            text.append("warning: ").append(warning.describe()).append('\n');
        }
        try {
            Files.writeString(file.resolveSibling(file.getFileName() + REPORT_SUFFIX), text,
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
