package health.patchwork.esr.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import health.patchwork.esr.sandbox.simulator.EsrSimulator;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The whole suite on one machine with only a JDK: a real PostgreSQL (embedded binaries), a real SFTP server as the
 * Trust's ESR mailbox, and the three services as child processes on ports 8081-8083, configured exactly as a
 * deployment configures them (environment variables). Stops everything on Ctrl-C.
 */
public final class Sandbox {

    static final String VPD = System.getProperty("esr.sandbox.vpd", "123");
    static final int STAFF = Integer.getInteger("esr.sandbox.staff", 2000);
    /** One simulated ESR day (one change file) per this much real time. */
    static final Duration DAY_LENGTH = Duration.parse(System.getProperty("esr.sandbox.day-length", "PT1M"));

    private Sandbox() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(System.getProperty("esr.sandbox.repository", ".")).toAbsolutePath().normalize();
        Path home = Files.createDirectories(repository.resolve(".sandbox"));
        Path logs = Files.createDirectories(home.resolve("logs"));

        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        EmbeddedSftpServer mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
        Map<String, String> environment = environment(database, mailbox);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        SyntheticTrust trust = new SyntheticTrust(VPD, STAFF, 20261101L, today);
        EsrSimulator esr = new EsrSimulator(mailbox.root(), VPD, "RST", trust, today,
                event -> System.out.println("[esr] " + event));
        esr.start(DAY_LENGTH);

        List<ServiceProcess> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            esr.close();
            services.forEach(ServiceProcess::close);
            mailbox.close();
        }, "sandbox-stop"));

        services.add(ServiceProcess.start(repository, "outbound-rostering-service", 8081, environment, logs));
        services.add(ServiceProcess.start(repository, "attendance-inbound-service", 8082, environment, logs));
        services.add(ServiceProcess.start(repository, "absence-inbound-service", 8083, environment, logs));

        for (ServiceProcess service : services) {
            awaitHealthy(service, Duration.ofMinutes(3));
        }
        printWelcome(services, mailbox, database);
        new CountDownLatch(1).await();
    }

    static Map<String, String> environment(SharedPostgres.Endpoint database, EmbeddedSftpServer mailbox) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.put("ESR_TRUST_VPD", VPD);
        env.put("ESR_TRUST_NAME", "Sandbox NHS Trust");
        // the spec sample's placeholder pay codes for attendance-inbound-service (a real Trust maps its own)
        env.put("SPRING_PROFILES_ACTIVE", "example-pay-codes");
        env.put("ESR_MAILBOX_HOST", mailbox.host());
        env.put("ESR_MAILBOX_PORT", String.valueOf(mailbox.port()));
        env.put("ESR_MAILBOX_USERNAME", mailbox.username());
        env.put("ESR_MAILBOX_PRIVATEKEY", mailbox.clientPrivateKey().toString());
        env.put("ESR_MAILBOX_KNOWNHOSTS", mailbox.knownHosts().toString());
        return env;
    }

    private static void awaitHealthy(ServiceProcess service, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " stopped during start-up; see " + service.log());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(service.name() + " not healthy after " + timeout + "; see " + service.log());
    }

    private static void printWelcome(List<ServiceProcess> services, EmbeddedSftpServer mailbox,
            SharedPostgres.Endpoint database) {
        StringBuilder out = new StringBuilder();
        out.append("\nESR sandbox is up for Trust VPD ").append(VPD).append(": ").append(STAFF)
                .append(" synthetic staff, one ESR day every ").append(DAY_LENGTH).append('\n');
        for (ServiceProcess service : services) {
            String base = "http://127.0.0.1:" + service.port();
            out.append(String.format("  %-28s %s/actuator/health   (log: %s)%n", service.name(), base,
                    service.log()));
        }
        out.append("  ESR mailbox (SFTP)           sftp -P ").append(mailbox.port()).append(" -i ")
                .append(mailbox.clientPrivateKey()).append(" -o UserKnownHostsFile=").append(mailbox.knownHosts())
                .append(' ').append(mailbox.username()).append('@').append(mailbox.host()).append('\n');
        out.append("  mailbox folders on disk      ").append(mailbox.root()).append("/{out,in}\n");
        out.append("  PostgreSQL                   ").append(database.jdbcUrl()).append('\n');
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }
}
