package health.patchwork.esr.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import health.patchwork.esr.sandbox.simulator.EsrSimulator;
import health.patchwork.esr.sandbox.simulator.SyntheticTrust;
import health.patchwork.esr.sandbox.webhook.WebhookReceiver;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.security.TestTokenEnvironment;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * Everything the sandbox runs, started in order and stopped in reverse: a real PostgreSQL, a real SFTP mailbox, the
 * ESR simulator behind it, and the three services as child processes configured through their environment as a
 * deployment configures them. Used by the {@code java -jar} entry point and by the end-to-end test.
 */
public final class SandboxRuntime implements AutoCloseable {

    /**
     * @param repository the checkout whose built service jars are run
     * @param home the sandbox's own folder (logs, mailbox, service data)
     * @param firstPort the outbound service's port; attendance and absence take the next two
     * @param events what the simulated ESR does, one line each
     * @param webhooks what the webhook receiver takes or refuses, one line each
     */
    public record Options(Path repository, Path home, String vpd, int staff, Duration dayLength, int firstPort,
            LocalDate today, Consumer<String> events, Consumer<String> webhooks) {
    }

    private final Options options;
    private final SharedPostgres.Endpoint database;
    private final EmbeddedSftpServer mailbox;
    private final SyntheticTrust trust;
    private final EsrSimulator esr;
    private final WebhookReceiver webhooks;
    private final Map<SandboxService, ServiceProcess> services = new EnumMap<>(SandboxService.class);

    private SandboxRuntime(Options options) throws IOException {
        this.options = options;
        Path home = Files.createDirectories(options.home());
        this.database = SharedPostgres.endpoint();
        this.mailbox = EmbeddedSftpServer.start(Files.createTempDirectory(home, "mailbox-"));
        this.trust = new SyntheticTrust(options.vpd(), options.staff(), 20261101L, options.today());
        this.esr = new EsrSimulator(mailbox.root(), options.vpd(), "RST", trust, options.today(), options.events());
        // a new secret each start: nothing signed for an earlier sandbox is taken by this one
        this.webhooks = WebhookReceiver.start(WebhookReceiver.newSecret(), Clock.systemUTC(), options.webhooks());
    }

    public static SandboxRuntime start(Options options) throws IOException, InterruptedException {
        SandboxRuntime runtime = new SandboxRuntime(options);
        try {
            runtime.startAll();
        } catch (IOException | InterruptedException | RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    private void startAll() throws IOException, InterruptedException {
        esr.start(options.dayLength());
        Map<String, String> environment = environment();
        Path logs = Files.createDirectories(options.home().resolve("logs"));
        int port = options.firstPort();
        for (SandboxService service : SandboxService.values()) {
            Map<String, String> own = new LinkedHashMap<>(environment);
            String key = service.name();
            own.put("ESR_" + key + "_WORKDIR", options.home().resolve("data").resolve(service.module()).toString());
            services.put(service, ServiceProcess.start(options.repository(), service.module(), port++, own, logs));
        }
        for (ServiceProcess service : services.values()) {
            awaitHealthy(service, Duration.ofMinutes(4));
        }
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> environment = serviceEnvironment(database, mailbox, options.vpd(), options.home());
        environment.putAll(webhookEnvironment(webhooks.url(), webhooks.secret()));
        return environment;
    }

    /**
     * Every event of a service to one receiver, signed with its secret, and looked for every half second (the
     * default second is for production; here it is what the person watching the console waits for).
     */
    public static Map<String, String> webhookEnvironment(URI url, String secret) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ESR_NOTIFICATIONS_ENDPOINTS_0_NAME", "sandbox");
        env.put("ESR_NOTIFICATIONS_ENDPOINTS_0_URL", url.toString());
        env.put("ESR_NOTIFICATIONS_ENDPOINTS_0_SECRET", secret);
        env.put("ESR_NOTIFICATIONS_DISPATCHINTERVAL", "500ms");
        return env;
    }

    /**
     * How the sandbox configures a service, through its environment as a deployment does: the database, the mailbox
     * with its pinned host key, the Trust, the sandbox's settings file and its token key (both written to home).
     */
    public static Map<String, String> serviceEnvironment(SharedPostgres.Endpoint database,
            EmbeddedSftpServer mailbox, String vpd, Path home) throws IOException {
        Path tokenKey = Files.writeString(home.resolve("token-public-key.pem"), TestTokens.publicKeyPem());
        Path settings = home.resolve("sandbox-services.yml");
        try (InputStream in = SandboxRuntime.class.getResourceAsStream("/sandbox-services.yml")) {
            Files.copy(in, settings, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", database.username());
        env.put("SPRING_DATASOURCE_PASSWORD", database.password());
        env.put("SPRING_CONFIG_ADDITIONALLOCATION", "optional:file:" + settings);
        env.put("ESR_TRUST_VPD", vpd);
        env.put("ESR_TRUST_NAME", "Sandbox NHS Trust");
        env.put("ESR_MAILBOX_HOST", mailbox.host());
        env.put("ESR_MAILBOX_PORT", String.valueOf(mailbox.port()));
        env.put("ESR_MAILBOX_USERNAME", mailbox.username());
        env.put("ESR_MAILBOX_PRIVATEKEY", mailbox.clientPrivateKey().toString());
        env.put("ESR_MAILBOX_KNOWNHOSTS", mailbox.knownHosts().toString());
        // the sandbox is its own token issuer: services verify its tokens with this public key, its issuer and audience
        env.putAll(TestTokenEnvironment.environment(tokenKey));
        // a short leader lease: a service restarted after kill -9 (reliability harness) would otherwise wait out
        // its dead predecessor's 30 s lease before polling
        env.put("ESR_LEADER_TTL", "5s");
        return env;
    }

    public static void awaitHealthy(ServiceProcess service, Duration timeout) throws InterruptedException {
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

    public String baseUrl(SandboxService service) {
        return "http://127.0.0.1:" + services.get(service).port();
    }

    public ServiceProcess process(SandboxService service) {
        return services.get(service);
    }

    public WebhookReceiver webhooks() {
        return webhooks;
    }

    public EsrSimulator esr() {
        return esr;
    }

    public SyntheticTrust trust() {
        return trust;
    }

    public EmbeddedSftpServer mailbox() {
        return mailbox;
    }

    public SharedPostgres.Endpoint database() {
        return database;
    }

    public Options options() {
        return options;
    }

    /** Stops the simulator, the services (gracefully, then forcibly), the webhook receiver and the mailbox. */
    @Override
    public void close() {
        esr.close();
        services.values().forEach(ServiceProcess::close);
        webhooks.close();
        mailbox.close();
    }
}
