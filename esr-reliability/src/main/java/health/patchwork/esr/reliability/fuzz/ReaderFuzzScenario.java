package health.patchwork.esr.reliability.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.name.ExtractType;
import health.patchwork.esr.formats.name.OutboundFileName;
import health.patchwork.esr.formats.validate.OutboundFileValidator;
import health.patchwork.esr.formats.validate.OutboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationIssue;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.reliability.ScenarioResult;
import health.patchwork.esr.sandbox.simulator.GoFileWriter;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;

/**
 * Feeds the outbound validator files whose lines were broken at random (see {@link LineMutator}) and checks that it
 * answers every one with its own report: no exception of any other kind, every row-level rejection naming its line
 * and record type (and field, for a bad value), a line that lost or gained fields always caught, and no personal
 * value of the file ever quoted in a message.
 */
public final class ReaderFuzzScenario {

    private static final String VPD = "123";
    private static final int LINES_PER_FILE = 200;
    private static final Set<ValidationOutcome> ROW_LEVEL = Set.of(ValidationOutcome.REJECTED_FIELD_COUNT,
            ValidationOutcome.REJECTED_VALUE, ValidationOutcome.REJECTED_RECORD_COUNT);

    private final long seed;

    public ReaderFuzzScenario(long seed) {
        this.seed = seed;
    }

    public ScenarioResult run(long mutatedLines) {
        Random random = new Random(seed);
        Source source = Source.generate(seed);
        LineMutator mutator = new LineMutator(random, '~');
        OutboundFileValidator validator = new OutboundFileValidator(OutboundValidationOptions.forVpd(VPD));
        OutboundFileName name = new OutboundFileName(VPD, "RST", ExtractType.CHANGE, LocalDate.of(2026, 11, 2), 2);

        long trials = 0;
        long passed = 0;
        long missed = 0;
        String firstFailure = null;
        while (trials < mutatedLines) {
            TrialFile file = TrialFile.build(source, mutator, random, name.format());
            trials += file.mutated;
            String failure;
            try {
                failure = check(validator.validate(new ByteArrayInputStream(file.bytes), name.format()), file,
                        source);
            } catch (EsrFormatException e) {
                failure = null;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failure = "foreign exception " + e.getClass().getName();
            }
            if (failure == null) {
                passed += file.mutated;
                missed += file.missedRejects;
            } else if (firstFailure == null) {
                firstFailure = failure;
            }
        }
        return new ScenarioResult("fuzzed outbound lines (" + ReaderFuzzScenario.class.getSimpleName() + ")",
                trials, passed, missed, 0, firstFailure);
    }

    private static String check(ValidationReport report, TrialFile file, Source source) {
        Set<Long> reported = new HashSet<>();
        for (ValidationIssue issue : report.issues()) {
            String problem = checkIssue(issue, source);
            if (problem != null) {
                return problem;
            }
            reported.add(issue.line());
        }
        if (report.totalIssueCount() <= report.issues().size()) {
            // a structural failure (e.g. a line too long to read in bounded memory) ends the scan: rows after it are
            // not examined, and the file is rejected anyway
            long stop = report.issues().stream().filter(i -> !ROW_LEVEL.contains(i.outcome()))
                    .mapToLong(ValidationIssue::line).filter(line -> line > 0).min().orElse(Long.MAX_VALUE);
            file.missedRejects = file.mustReject.stream().filter(line -> line < stop && !reported.contains(line))
                    .count();
        }
        return null;
    }

    private static String checkIssue(ValidationIssue issue, Source source) {
        ValidationOutcome outcome = issue.outcome();
        String text = issue.describe();
        for (String value : source.personalValues) {
            if (text.contains(value)) {
                return "message quotes a personal value: outcome " + outcome;
            }
        }
        if (outcome == ValidationOutcome.REJECTED_FIELD_COUNT || outcome == ValidationOutcome.REJECTED_VALUE) {
            if (issue.line() <= 0 || issue.recordType() == null) {
                return outcome + " without line or record type";
            }
            if (outcome == ValidationOutcome.REJECTED_VALUE && issue.fieldName() == null) {
                return "REJECTED_VALUE without field name at line " + issue.line();
            }
            if (outcome == ValidationOutcome.REJECTED_FIELD_COUNT
                    && (issue.expected() == null || issue.actual() == null)) {
                return "REJECTED_FIELD_COUNT without expected and actual counts at line " + issue.line();
            }
        }
        return null;
    }

    /** Lines of a realistic full file, and the personal values in it that no message may quote. */
    record Source(byte[] header, List<byte[]> rows, Set<String> storedTypes, Set<String> personalValues) {

        static Source generate(long seed) {
            try {
                Path dir = Files.createTempDirectory("esr-fuzz-");
                SyntheticTrust trust = new SyntheticTrust(VPD, 300, seed, LocalDate.of(2026, 11, 1));
                OutboundFileName name = new OutboundFileName(VPD, "RST", ExtractType.FULL,
                        LocalDate.of(2026, 11, 1), 1);
                List<String[]> rows = new ArrayList<>(trust.snapshot());
                rows.addAll(trust.advance(LocalDate.of(2026, 11, 1)));
                Path file = GoFileWriter.write(dir, name, LocalDateTime.of(2026, 11, 2, 5, 0),
                        LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.of(2026, 11, 2, 0, 0), rows);
                Set<String> personal = new HashSet<>();
                for (String[] row : rows) {
                    if ("PRA".equals(row[0])) {
                        personal.add(row[13]); // date of birth
                        personal.add(row[14]); // NI number
                    }
                }
                personal.removeIf(v -> v == null || v.length() < 6);
                List<byte[]> lines = new ArrayList<>();
                for (String line : Files.readString(file, StandardCharsets.ISO_8859_1).split("\n")) {
                    lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
                }
                Files.delete(file);
                Files.delete(dir);
                Set<String> stored = new HashSet<>();
                InterfaceLayout.outboundRostering("01").records().stream().filter(r -> r.isStored())
                        .forEach(r -> stored.add(r.addRecordType()));
                return new Source(lines.get(0), lines.subList(1, lines.size() - 1), stored, personal);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One file of the run: a valid header, sampled rows of which about half are broken, a trailer. */
    static final class TrialFile {
        byte[] bytes;
        long mutated;
        final List<Long> mustReject = new ArrayList<>();
        long missedRejects;

        static TrialFile build(Source source, LineMutator mutator, Random random, String fileName) {
            TrialFile trial = new TrialFile();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String header = new String(source.header(), StandardCharsets.ISO_8859_1);
            writeLine(out, header.replaceFirst("^HDR~[^~]*~", "HDR~" + fileName + "~")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long lineNumber = 1;
            for (int i = 0; i < LINES_PER_FILE; i++) {
                byte[] row = source.rows().get(random.nextInt(source.rows().size()));
                lineNumber++;
                if (random.nextBoolean()) {
                    LineMutator.Kind kind = mutator.pick();
                    trial.mutated++;
                    if (kind == LineMutator.Kind.SPLIT_LINE) {
                        // one physical line more from here on; which half is reported depends on where it broke
                        writeLine(out, mutator.mutate(row, kind));
                        lineNumber++;
                        continue;
                    }
                    String recordType = new String(row, 0, Math.min(3, row.length), StandardCharsets.ISO_8859_1);
                    if ((kind == LineMutator.Kind.DROP_FIELD || kind == LineMutator.Kind.ADD_FIELD)
                            && source.storedTypes().contains(recordType)) {
                        trial.mustReject.add(lineNumber);
                    }
                    row = mutator.mutate(row, kind);
                }
                writeLine(out, row);
            }
            writeLine(out, ("TRL~" + (LINES_PER_FILE + 2)).getBytes(StandardCharsets.ISO_8859_1));
            trial.bytes = out.toByteArray();
            return trial;
        }

        private static void writeLine(ByteArrayOutputStream out, byte[] line) {
            out.writeBytes(line);
            out.write('\n');
        }
    }
}
