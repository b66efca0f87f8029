package health.patchwork.esr.reliability.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import health.patchwork.esr.formats.EsrFormatException;
import health.patchwork.esr.formats.validate.InboundFileValidator;
import health.patchwork.esr.formats.validate.InboundValidationOptions;
import health.patchwork.esr.formats.validate.ValidationIssue;
import health.patchwork.esr.formats.validate.ValidationOutcome;
import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.reliability.ScenarioResult;

/**
 * Feeds the inbound validator (what checks our TA and AB files, ESR-side in the sandbox and in the operator CLI)
 * files whose records were broken at random by {@link LineMutator}, half T&amp;A and half absence. A trial (one
 * broken record) passes when the validator answers with its own report and no exception of another kind, every
 * rejection of a record names its record number and type (and the field, for a bad value; expected and actual
 * counts, for a field count), no message quotes an assignment number, and a record that lost or gained fields or
 * took a wrong record type is always rejected at its own record number.
 */
public final class InboundReaderFuzzScenario {

    private static final int RECORDS_PER_FILE = 200;
    private static final Set<ValidationOutcome> RECORD_LEVEL = Set.of(ValidationOutcome.REJECTED_FIELD_COUNT,
            ValidationOutcome.REJECTED_VALUE);

    private final long seed;

    public InboundReaderFuzzScenario(long seed) {
        this.seed = seed;
    }

    public ScenarioResult run(long mutatedRecords) {
        Random random = new Random(seed);
        List<InboundSource> sources = List.of(InboundSource.attendance(seed), InboundSource.absence(seed));
        LineMutator mutator = new LineMutator(random, ',');
        InboundFileValidator validator = new InboundFileValidator(InboundValidationOptions.forVpd("123"));
        long trials = 0;
        long passed = 0;
        long missed = 0;
        String firstFailure = null;
        for (int file = 0; trials < mutatedRecords; file++) {
            InboundSource source = sources.get(file % 2);
            TrialFile trial = TrialFile.build(source, mutator, random);
            trials += trial.mutated;
            String failure;
            try {
                failure = check(validator.validate(new ByteArrayInputStream(trial.bytes), source.name().format()),
                        trial, source);
            } catch (EsrFormatException e) {
                failure = null;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                failure = "foreign exception " + e.getClass().getName();
            }
            if (failure == null) {
                passed += trial.mutated;
                missed += trial.missedRejects;
            } else if (firstFailure == null) {
                firstFailure = source.name().fileType() + " file " + file + ": " + failure;
            }
        }
        return new ScenarioResult("fuzzed inbound TA and AB records (" + getClass().getSimpleName() + ")", trials,
                passed, missed, 0, firstFailure);
    }

    private static String check(ValidationReport report, TrialFile trial, InboundSource source) {
        Set<Long> rejected = new HashSet<>();
        for (ValidationIssue issue : report.issues()) {
            String problem = checkIssue(issue, source);
            if (problem != null) {
                return problem;
            }
            rejected.add(issue.line());
        }
        if (report.totalIssueCount() <= report.issues().size()) {
            // an unreadable record (longer than the reader's bound) ends the scan: nothing after it is examined
            long stop = report.issues().stream().filter(i -> i.outcome() == ValidationOutcome.REJECTED_STRUCTURE
                            && i.message().startsWith("unreadable record"))
                    .mapToLong(ValidationIssue::line).min().orElse(Long.MAX_VALUE);
            trial.missedRejects = trial.mustReject.stream().filter(n -> n < stop && !rejected.contains(n)).count();
        }
        return null;
    }

    private static String checkIssue(ValidationIssue issue, InboundSource source) {
        String text = issue.describe() + " " + issue.expected() + " " + issue.actual();
        for (String assignment : source.assignments()) {
            if (text.contains(assignment)) {
                return "a message quotes an assignment number: " + issue.outcome();
            }
        }
        ValidationOutcome outcome = issue.outcome();
        if (RECORD_LEVEL.contains(outcome)) {
            if (issue.line() <= 0 || issue.recordType() == null) {
                return outcome + " without record number or type: " + issue.describe();
            }
            if (outcome == ValidationOutcome.REJECTED_VALUE && issue.fieldName() == null) {
                return "REJECTED_VALUE without a field name: " + issue.describe();
            }
            if (outcome == ValidationOutcome.REJECTED_FIELD_COUNT
                    && (issue.expected() == null || issue.actual() == null)) {
                return "REJECTED_FIELD_COUNT without expected and actual counts: " + issue.describe();
            }
        }
        if (outcome == ValidationOutcome.REJECTED_STRUCTURE && issue.line() <= 0) {
            return "REJECTED_STRUCTURE without a record number: " + issue.describe();
        }
        return null;
    }

    /** A valid HDR, sampled records of which about half are broken, and an FTR counting the records sampled. */
    static final class TrialFile {
        byte[] bytes;
        long mutated;
        long missedRejects;
        final List<Long> mustReject = new ArrayList<>();

        static TrialFile build(InboundSource source, LineMutator mutator, Random random) {
            TrialFile trial = new TrialFile();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(source.header());
            long records = 1;
            for (int i = 0; i < RECORDS_PER_FILE; i++) {
                byte[] row = source.rows().get(random.nextInt(source.rows().size()));
                if (random.nextBoolean()) {
                    LineMutator.Kind kind = mutator.pick();
                    row = mutator.mutate(row, kind);
                    trial.mutated++;
                    if (kind == LineMutator.Kind.DROP_FIELD || kind == LineMutator.Kind.ADD_FIELD
                            || kind == LineMutator.Kind.RECORD_TYPE) {
                        // these never add a record separator, so the record keeps one number
                        trial.mustReject.add(records + 1);
                    }
                }
                out.write('\r');
                out.writeBytes(row);
                records += recordsIn(row);
            }
            out.writeBytes(("\rFTR," + RECORDS_PER_FILE + ",0").getBytes(StandardCharsets.ISO_8859_1));
            trial.bytes = out.toByteArray();
            return trial;
        }

        /** Records a reader finds in these bytes: non-empty runs between CR, LF or CRLF (empty ones are skipped). */
        private static int recordsIn(byte[] row) {
            int count = 0;
            boolean inRecord = false;
            for (byte b : row) {
                if (b == '\r' || b == '\n') {
                    inRecord = false;
                } else if (!inRecord) {
                    inRecord = true;
                    count++;
                }
            }
            return count;
        }
    }
}
