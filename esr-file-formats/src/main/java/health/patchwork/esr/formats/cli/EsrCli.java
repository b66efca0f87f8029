package health.patchwork.esr.formats.cli;

import health.patchwork.esr.formats.validate.ValidationIssue;
import health.patchwork.esr.formats.validate.ValidationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Operator command line: {@code validate [--vpd 123] [--sub RST] [--json] FILE...} and {@code describe FILE}.
 * The file kind (GO full/change, GDR, TA, AB) comes from the file name. Output never contains field values.
 */
@Command(name = "esr", mixinStandardHelpOptions = true, versionProvider = EsrCli.Version.class,
        description = "Validate and describe NHS ESR interface files.",
        subcommands = {EsrCli.Validate.class, EsrCli.Describe.class})
public final class EsrCli implements Runnable {

    /** Exit code when a file is not valid (or not ours, or unreadable). */
    public static final int INVALID = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new EsrCli());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", description = "Validate files; exit 1 if any is not VALID.")
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--vpd", description = "Trust VPD (3 digits); default: the VPD in each file name.")
        private String vpd;

        @Option(names = "--sub", defaultValue = "RST", description = "Outbound sub-file type (default ${DEFAULT-VALUE}).")
        private String subFileType;

        @Option(names = "--json", description = "Print a JSON array of reports.")
        private boolean json;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        private List<Path> files;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FileValidation validation = new FileValidation(vpd, subFileType);
            List<ValidationReport> reports = new ArrayList<>();
            boolean allValid = true;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    spec.commandLine().getErr().println(file + ": no such file");
                    allValid = false;
                    continue;
                }
                ValidationReport r = validation.validate(file);
                reports.add(r);
                allValid &= r.isValid();
                if (!json) {
                    print(out, r);
                }
            }
            if (json) {
                out.println(ReportJson.toJson(reports));
            }
            out.flush();
            return allValid ? 0 : INVALID;
        }

        private static void print(PrintWriter out, ValidationReport r) {
            out.println(r.fileName() + ": " + r.outcome() + " (" + r.fileKind() + ")");
            if (r.header() != null) {
                out.println("  header:"
                        + (r.header().creationTimestamp() != null ? " created " + r.header().creationTimestamp() : "")
                        + (r.header().runDate() != null ? ", run date " + r.header().runDate() : "")
                        + (r.header().previousRunDate() != null ? ", previous run " + r.header().previousRunDate() : "")
                        + (r.header().version() != null ? ", version " + r.header().version() : ""));
            }
            out.println("  lines: " + r.lineCount() + (r.trailerCount() != null ? ", trailer count " + r.trailerCount() : ""));
            printCounts(out, "  records: ", r.countsByRecordType());
            if (!r.unknownRecordTypes().isEmpty()) {
                printCounts(out, "  unknown record types: ", r.unknownRecordTypes());
            }
            for (ValidationIssue i : r.issues()) {
                out.println("  ERROR " + i.describe());
            }
            if (r.totalIssueCount() > r.issues().size()) {
                out.println("  ... " + (r.totalIssueCount() - r.issues().size()) + " more errors");
            }
            for (ValidationIssue w : r.warnings()) {
                out.println("  WARNING " + w.describe());
            }
        }
    }

    @Command(name = "describe", description = "Print the counts per record type of a file.")
    static final class Describe implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "FILE")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println(file + ": no such file");
                return INVALID;
            }
            ValidationReport r = new FileValidation(null, null).validate(file);
            out.println(r.fileName() + " (" + r.fileKind() + "): " + r.lineCount() + " lines");
            r.countsByRecordType().forEach((type, n) -> out.println("  " + type + " " + n));
            r.unknownRecordTypes().forEach((type, n) -> out.println("  " + type + " " + n + " (unknown type)"));
            out.flush();
            return 0;
        }
    }

    /** The jar's Implementation-Version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EsrCli.class.getPackage().getImplementationVersion();
            return new String[]{"esr-file-formats " + (v == null ? "(development)" : v)};
        }
    }

    private static void printCounts(PrintWriter out, String label, Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder(label);
        counts.forEach((type, n) -> sb.append(type).append(' ').append(n).append(", "));
        out.println(sb.substring(0, sb.length() - 2));
    }
}
