package health.patchwork.esr.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.SandboxService;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The console's pages over real HTTP against the three real services, started by the sandbox's runtime as the
 * end-to-end test starts them (a real PostgreSQL, a real SFTP mailbox, the simulated ESR's full file imported): the
 * console reads them with an operator token from a file, and a person signs in with the local account. The last
 * test stops a service and sees the page say so rather than fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home = Path.of("target", "console-sandbox").toAbsolutePath();
    private final String password = password();
    private final List<String> events = new ArrayList<>();
    private SandboxRuntime sandbox;
    private ConfigurableApplicationContext console;
    private String base;
    private String fullFile;

    @BeforeAll
    void start() throws Exception {
        deleteRecursively(home);
        Files.createDirectories(home);
        sandbox = SandboxRuntime.start(new SandboxRuntime.Options(Path.of("..").toAbsolutePath().normalize(), home,
                "123", 50, Duration.ofHours(1), freePortBlock(), LocalDate.now(ZoneId.of("Europe/London")),
                events::add, events::add));
        fullFile = awaitFullFileApplied();
        Path token = Files.writeString(home.resolve("console-operator-token"), TestTokens.operator());
        console = new SpringApplicationBuilder(ConsoleApplication.class).run(ConsoleSettingsTest.arguments(Map.of(
                "server.port", "0",
                "esr.console.services.outbound", sandbox.baseUrl(SandboxService.OUTBOUND),
                "esr.console.services.attendance", sandbox.baseUrl(SandboxService.ATTENDANCE),
                "esr.console.services.absence", sandbox.baseUrl(SandboxService.ABSENCE),
                "esr.console.services.credentials.mode", "token-file",
                "esr.console.services.credentials.token-file", token.toString(),
                "esr.console.sign-in.mode", "local",
                "esr.console.sign-in.local.username", "duty.ops",
                "esr.console.sign-in.local.password", password)));
        base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void anonymousIsSentToSignIn() throws Exception {
        Browser anonymous = new Browser(base);
        HttpResponse<String> overview = anonymous.get("/");
        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(Browser.location(overview)).endsWith("/login");
        HttpResponse<String> login = anonymous.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<form", "name=\"username\"", "name=\"password\"");
        Browser.csrfToken(login.body());
        assertThat(anonymous.get("/css/console.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).as("the console's own health, no details")
                .contains("\"status\":\"UP\"").doesNotContain("components");
    }

    @Test
    @Order(2)
    void signInNeedsTheFormsCsrfTokenAndTheRightPassword() throws Exception {
        Browser browser = new Browser(base);
        String token = Browser.csrfToken(browser.get("/login").body());
        HttpResponse<String> noToken = browser.post("/login", Map.of("username", "duty.ops", "password", password));
        assertThat(noToken.statusCode()).as("a post without the form's CSRF token").isEqualTo(403);
        assertThat(noToken.body()).contains("This page has expired", "nothing was");
        HttpResponse<String> wrong = browser.post("/login",
                Map.of("username", "duty.ops", "password", password + "x", "_csrf", token));
        assertThat(Browser.location(wrong)).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("was not recognised");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void theOverviewShowsEachInterfaceFromTheRealServices() throws Exception {
        Browser browser = signedIn();
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        String page = overview.body();
        Files.writeString(home.resolve("overview.html"), page);
        assertThat(page).contains("Signed in as <strong>duty.ops</strong>");
        assertThat(page).contains("Staff records from ESR", "Hours worked to ESR", "Absences to ESR");
        assertThat(page).as("the full file the outbound service applied").contains(fullFile);
        assertThat(page).contains("Last file from ESR", "Last file to ESR", "None sent yet");
        assertThat(page).contains("Held for a decision", "Quarantined", "Not yet confirmed on the ESR mailbox");
        assertThat(page).contains("Leadership", "does the scheduled work");
        assertThat(page).as("each service's webhook outbox, with the sandbox's receiver as its endpoint")
                .contains("<td>sandbox</td>").containsAnyOf("Every notification has been delivered",
                        "not delivered yet").doesNotContain("sends no webhook notifications");
        assertThat(page).contains("ESR mailbox (SFTP)", "Database");
        assertThat(page).doesNotContain("Not reachable", "could not be read", "Whitelabel");
        assertThat(page).as("the sign-out form carries the CSRF token").contains("action=\"/logout\"");
        Browser.csrfToken(page);
    }

    @Test
    @Order(4)
    void signOutIsAFormWithItsCsrfToken() throws Exception {
        Browser browser = signedIn();
        String token = Browser.csrfToken(browser.get("/").body());
        HttpResponse<String> noToken = browser.post("/logout", Map.of());
        assertThat(noToken.statusCode()).as("sign-out without the token").isEqualTo(403);
        assertThat(noToken.body()).contains("This page has expired");
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", token));
        assertThat(Browser.location(out)).endsWith("/login?signedOut");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(5)
    void aScreenshotInARealBrowser() throws Exception {
        HeadlessChromium.screenshotOverview(base, "duty.ops", password, Path.of("target", "screenshots"));
    }

    @Test
    @Order(6)
    void credentialsWithoutTheOperatorRoleAreSaidToBeTheProblem() throws Exception {
        Path token = home.resolve("console-operator-token");
        Files.writeString(token, TestTokens.platform());
        try {
            HttpResponse<String> overview = signedIn().get("/");
            assertThat(overview.statusCode()).isEqualTo(200);
            assertThat(overview.body()).contains("overall status only",
                    "The list of files could not be read: the console&#39;s token lacks the operator role (HTTP 403)")
                    .doesNotContain(fullFile);
        } finally {
            Files.writeString(token, TestTokens.operator());
        }
        assertThat(signedIn().get("/").body()).as("the renewed token is read at once").contains(fullFile);
    }

    @Test
    @Order(8)
    void aMailboxWhoseHostKeyChangedShowsTheServiceDownWithTheReason() throws Exception {
        sandbox.mailbox().changeHostKey();
        Browser browser = signedIn();
        String outbound = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> overview = browser.get("/");
            assertThat(overview.statusCode()).isEqualTo(200);
            outbound = section(overview.body(), "outbound");
            if (outbound.contains("badge-DOWN")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(outbound).as("the outbound service's next poll meets the changed key")
                .contains("badge-DOWN\">Down</span>", "<p class=\"reason\">ESR mailbox (SFTP): ");
        assertThat(outbound).as("its files are still listed").contains(fullFile);
    }

    @Test
    @Order(9)
    void aStoppedServiceShowsAsUnreachableNotAsAnErrorPage() throws Exception {
        sandbox.process(SandboxService.ABSENCE).close();
        Browser browser = signedIn();
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        String absence = section(overview.body(), "absence");
        assertThat(absence).contains("Not reachable", "nothing is listening at " + sandbox.baseUrl(SandboxService.ABSENCE));
        assertThat(overview.body()).contains(fullFile);
    }

    /** The page's section of one interface. */
    private static String section(String page, String key) {
        int start = page.indexOf("<section id=\"" + key + "\"");
        assertThat(start).as("section " + key).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private Browser signedIn() throws IOException, InterruptedException {
        Browser browser = new Browser(base);
        String token = Browser.csrfToken(browser.get("/login").body());
        HttpResponse<String> in = browser.post("/login",
                Map.of("username", "duty.ops", "password", password, "_csrf", token));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(Browser.location(in)).doesNotContain("error");
        return browser;
    }

    /** Waits for the outbound service to apply the simulated ESR's full file; its name. */
    private String awaitFullFileApplied() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI files = URI.create(sandbox.baseUrl(SandboxService.OUTBOUND) + "/actuator/esrfiles?limit=50");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(files)
                    .header("Authorization", "Bearer " + TestTokens.operator()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                for (JsonNode file : JSON.readTree(answer.body())) {
                    if (file.path("fileName").asString("").contains("_GOF_")
                            && "APPLIED".equals(file.path("state").asString(""))) {
                        return file.path("fileName").asString();
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the full file was not applied in time:\n" + String.join("\n", events));
    }

    private static String password() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
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
