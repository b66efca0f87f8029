package health.patchwork.esr.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import health.patchwork.esr.sandbox.demo.DemoDriver;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * The README's run command: the whole suite on one machine with only a JDK, against a simulated ESR. Options are
 * system properties: {@code esr.sandbox.vpd} (123), {@code esr.sandbox.staff} (2000), {@code esr.sandbox.day-length}
 * (PT1M: one ESR change file a minute), {@code esr.sandbox.port} (8081), {@code esr.sandbox.verbose} (false: the
 * libraries' own log lines go to {@code .sandbox/logs/sandbox.log}, not the console); argument {@code --demo} posts a week of
 * timesheets and absences once everything is up. Ctrl-C stops everything.
 */
public final class Sandbox {

    private Sandbox() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("esr.sandbox.repository", ".")).toAbsolutePath().normalize();
        Path libraryLog = repository.resolve(".sandbox").resolve("logs").resolve("sandbox.log");
        if (!Boolean.getBoolean("esr.sandbox.verbose")) {
            SandboxLogging.toFile(libraryLog);
            System.out.println("[esr] library output (embedded PostgreSQL, SFTP sessions): " + libraryLog);
        }
        SandboxRuntime.Options options = new SandboxRuntime.Options(repository, repository.resolve(".sandbox"),
                System.getProperty("esr.sandbox.vpd", "123"), Integer.getInteger("esr.sandbox.staff", 2000),
                Duration.parse(System.getProperty("esr.sandbox.day-length", "PT1M")),
                Integer.getInteger("esr.sandbox.port", 8081), LocalDate.now(ZoneId.of("Europe/London")),
                event -> System.out.println("[esr] " + event), line -> System.out.println("[webhook] " + line));
        SandboxRuntime runtime = SandboxRuntime.start(options);
        Optional<SandboxConsole> console = SandboxConsole.start(runtime);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.ifPresent(SandboxConsole::close);
            runtime.close();
        }, "sandbox-stop"));
        System.out.println(welcome(runtime, console));
        if (List.of(args).contains("--demo")) {
            new DemoDriver(runtime, line -> System.out.println("[demo] " + line)).run();
        }
        new CountDownLatch(1).await();
    }

    static String welcome(SandboxRuntime runtime, Optional<SandboxConsole> console) {
        SandboxRuntime.Options options = runtime.options();
        StringBuilder out = new StringBuilder();
        out.append("\nESR sandbox is up for Trust VPD ").append(options.vpd()).append(": ").append(options.staff())
                .append(" synthetic staff, one ESR day every ").append(options.dayLength()).append('\n');
        for (SandboxService service : SandboxService.values()) {
            String base = runtime.baseUrl(service);
            out.append(String.format("  %-27s %s/swagger-ui.html   %s/actuator/health%n", service.module(), base,
                    base));
            out.append(String.format("  %-27s log: %s%n", "", runtime.process(service).log()));
        }
        if (console.isPresent()) {
            out.append(String.format("  %-27s %s   sign in as %s, password %s%n", "ESR console", console.get().url(),
                    SandboxConsole.USERNAME, console.get().password()));
            out.append(String.format("  %-27s log: %s%n", "", console.get().log()));
        } else {
            out.append(String.format("  %-27s not built (./mvnw -B package -DskipTests builds it)%n", "ESR console"));
        }
        var mailbox = runtime.mailbox();
        out.append("  ESR mailbox (SFTP)          sftp -P ").append(mailbox.port()).append(" -i ")
                .append(mailbox.clientPrivateKey()).append(" -o UserKnownHostsFile=").append(mailbox.knownHosts())
                .append(' ').append(mailbox.username()).append('@').append(mailbox.host()).append('\n');
        out.append("  mailbox folders on disk     ").append(mailbox.root()).append("/{out,in}\n");
        out.append("  PostgreSQL                  ").append(runtime.database().jdbcUrl()).append('\n');
        out.append("  webhook receiver            ").append(runtime.webhooks().url())
                .append("  (checks each signature; prints what arrives as [webhook])\n");
        out.append("Tokens (valid one hour; send as 'Authorization: Bearer <token>'):\n");
        out.append("  platform (may call /api)                ").append(TestTokens.platform()).append('\n');
        out.append("  operator (operations, actuator, /api)   ").append(TestTokens.operator()).append('\n');
        out.append("  metrics (/actuator/prometheus only)     ").append(TestTokens.metrics()).append('\n');
        out.append("Press Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
