package health.patchwork.esr.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import health.patchwork.esr.formats.validate.ValidationReport;
import health.patchwork.esr.sandbox.demo.DemoDriver;

import org.junit.jupiter.api.Test;

/**
 * The suite's proof that the three services work together: the sandbox comes up against the simulated ESR, the full
 * file is imported, a week of timesheets and absences goes in through the REST APIs, the T&amp;A export and the
 * absence finalisation put files on the mailbox that ESR's side validates, the echoed absences come back through
 * the outbound feed and are confirmed, and everything shuts down.
 */
class EndToEndTest {

    /** Under target/, so that the services' logs stay for the personal-data check of the reliability module. */
    private final Path home = Path.of("target", "e2e-sandbox").toAbsolutePath();

    @Test
    void filesFlowBothWaysAndEchoedAbsencesAreConfirmed() throws Exception {
        deleteRecursively(home);
        List<String> events = new ArrayList<>();
        SandboxRuntime.Options options = new SandboxRuntime.Options(Path.of("..").toAbsolutePath().normalize(), home,
                "123", 200, Duration.ofHours(1), freePortBlock(), LocalDate.now(ZoneId.of("Europe/London")),
                events::add, line -> events.add("webhook " + line));

        DemoDriver.Outcome outcome;
        List<ServiceProcess> processes = new ArrayList<>();
        try (SandboxRuntime sandbox = SandboxRuntime.start(options)) {
            for (SandboxService service : SandboxService.values()) {
                processes.add(sandbox.process(service));
            }
            outcome = new DemoDriver(sandbox, events::add).run();
        }

        assertThat(outcome.linesAccepted()).as(String.join("\n", events)).isPositive();
        assertThat(outcome.linesRejected()).isZero();
        assertThat(outcome.taFiles()).isNotEmpty().allMatch(name -> name.startsWith("TA_123_PWH_"));
        assertThat(outcome.taFiles()).as("the weekly bank payroll and the monthly one each have their own files")
                .anyMatch(name -> name.startsWith("TA_123_PWH_W")).anyMatch(name -> name.startsWith("TA_123_PWH_M"));
        assertThat(outcome.abFiles()).isNotEmpty().allMatch(name -> name.startsWith("AB_123_PWH_"));
        assertThat(outcome.abFiles()).as("absences go to their assignment's payroll, each with its own files")
                .anyMatch(name -> name.startsWith("AB_123_PWH_W")).anyMatch(name -> name.startsWith("AB_123_PWH_M"));
        assertThat(outcome.esrReports()).extracting(ValidationReport::fileName)
                .containsAll(outcome.taFiles()).containsAll(outcome.abFiles());
        assertThat(outcome.esrReports()).allSatisfy(report ->
                assertThat(report.isValid()).as(report.fileName() + " " + report.issues()).isTrue());
        assertThat(outcome.absenceStatus()).hasSize(outcome.absenceIds().size())
                .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("CONFIRMED"));
        assertThat(processes).noneMatch(ServiceProcess::isAlive);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (java.nio.file.Files.exists(path)) {
            try (var files = java.nio.file.Files.walk(path)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
    }

    /** Three consecutive free ports, so the test never collides with a sandbox someone runs on 8081-8083. */
    private static int freePortBlock() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0)) {
                first = probe.getLocalPort();
            }
            if (first < 65000 && free(first) && free(first + 1) && free(first + 2)) {
                return first;
            }
        }
        throw new IOException("no block of three free ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
