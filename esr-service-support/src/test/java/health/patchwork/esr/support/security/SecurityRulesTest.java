package health.patchwork.esr.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** Unauthenticated calls get 401, a wrong role 403, both as problem details; health stays public. */
@SpringBootTest(classes = SecurityRulesTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "management.endpoints.web.exposure.include=health,info,prometheus"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class})
class SecurityRulesTest {

    @SpringBootApplication
    @Import(Endpoints.class)
    static class App {
        @Bean
        OperatorEndpoints operatorEndpoints() {
            return OperatorEndpoints.post("/api/v1/files/*/approve");
        }

        /** A component the test turns DOWN or ATTENTION, to see what the whole endpoint answers. */
        @Bean
        HealthIndicator switchable() {
            return () -> Health.status(SWITCHABLE.get()).build();
        }
    }

    static final AtomicReference<Status> SWITCHABLE = new AtomicReference<>(Status.UP);

    @RestController
    static class Endpoints {
        @GetMapping("/api/v1/workers")
        String workers() {
            return "[]";
        }

        @PostMapping("/api/v1/files/{id}/approve")
        String approve() {
            return "approved";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedSftpServer mailbox;

    private ResponseEntity<String> call(String method, String path, String token) {
        RestClient.RequestBodyUriSpec spec = RestClient.create("http://127.0.0.1:" + port).method(
                org.springframework.http.HttpMethod.valueOf(method));
        RestClient.RequestBodySpec request = spec.uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }

    @Test
    void withoutATokenTheApiAnswers401AsAProblemDetail() {
        ResponseEntity<String> response = call("GET", "/api/v1/workers", null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void thePlatformMayCallTheApiButNotOperations() {
        assertThat(call("GET", "/api/v1/workers", TestTokens.platform()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> approve = call("POST", "/api/v1/files/7/approve", TestTokens.platform());
        assertThat(approve.getStatusCode().value()).isEqualTo(403);
        assertThat(approve.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void operatorsMayCallOperationsAndActuator() {
        assertThat(call("POST", "/api/v1/files/7/approve", TestTokens.operator()).getBody()).isEqualTo("approved");
        assertThat(call("GET", "/actuator/info", TestTokens.operator()).getStatusCode().value()).isEqualTo(200);
        assertThat(call("GET", "/actuator/info", TestTokens.platform()).getStatusCode().value()).isEqualTo(403);
        assertThat(call("GET", "/actuator/info", null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void healthIsPublicButItsComponentsAndDetailsAreForOperators() {
        ResponseEntity<String> anonymous = call("GET", "/actuator/health", null);
        assertThat(anonymous.getStatusCode().value()).as(anonymous.getBody()).isEqualTo(200);
        assertThat(anonymous.getBody()).contains("\"status\"").doesNotContain("\"mailbox\"")
                .doesNotContain("known_hosts").doesNotContain("127.0.0.1");
        assertThat(call("GET", "/actuator/health/liveness", null).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                call("GET", "/actuator/health", TestTokens.operator()).getBody()).contains("verified against known_hosts"));
    }

    @Test
    void aDownComponentAnswers503AndAttentionStays200() {
        try {
            SWITCHABLE.set(Status.DOWN);
            ResponseEntity<String> down = call("GET", "/actuator/health", null);
            assertThat(down.getStatusCode().value()).isEqualTo(503);
            assertThat(down.getBody()).contains("\"status\":\"DOWN\"");

            SWITCHABLE.set(new Status("ATTENTION"));
            assertThat(call("GET", "/actuator/health", null).getStatusCode().value()).isEqualTo(200);
        } finally {
            SWITCHABLE.set(Status.UP);
        }
    }

    @Test
    void healthRequestsNeverLogInToTheMailbox() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                call("GET", "/actuator/health", TestTokens.operator()).getBody()).contains("verified against known_hosts"));
        int before = mailbox.logins();

        for (int i = 0; i < 20; i++) {
            assertThat(call("GET", "/actuator/health", i % 2 == 0 ? null : TestTokens.operator())
                    .getStatusCode().value()).isEqualTo(200);
        }

        assertThat(mailbox.logins()).isEqualTo(before);
    }

    @Test
    void aTokenSignedByAnotherKeyOrExpiredBeyondTheClockSkewIsRefused() {
        String foreign = TestTokens.sign(TestTokens.generate(), "intruder", List.of(TestTokens.OPERATOR_ROLE),
                Instant.now().plusSeconds(600));
        String expired = TestTokens.expired("late", TestTokens.PLATFORM_ROLE);

        assertThat(call("GET", "/api/v1/workers", foreign).getStatusCode().value()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/workers", expired).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aTokenJustPastItsExpiryIsAcceptedWithinTheClockSkew() {
        String justExpired = TestTokens.signedWithTrustedKey(claims(Map.of("exp", Instant.now().minusSeconds(1))));

        assertThat(call("GET", "/api/v1/workers", justExpired).getStatusCode().value()).isEqualTo(200);
    }

    /** The token that was accepted on main: the trusted key, but another application's audience and issuer. */
    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
        String otherAudience = TestTokens.signedWithTrustedKey(claims(Map.of("aud", List.of("another-app"))));
        String otherIssuer = TestTokens.signedWithTrustedKey(claims(Map.of("iss", "https://elsewhere.invalid")));
        String bothForeign = TestTokens.signedWithTrustedKey(claims(Map.of("aud", "another-app",
                "iss", "https://elsewhere.invalid")));

        assertThat(call("GET", "/api/v1/workers", otherAudience).getStatusCode().value()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/workers", otherIssuer).getStatusCode().value()).isEqualTo(401);
        assertThat(call("GET", "/actuator/info", bothForeign).getStatusCode().value()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/workers", TestTokens.signedWithTrustedKey(claims(Map.of())))
                .getStatusCode().value()).as("the same claims with ours").isEqualTo(200);
    }

    @Test
    void aTokenWithoutSubjectOrExpiryIsRefused() {
        Map<String, Object> withoutSubject = new HashMap<>(claims(Map.of()));
        withoutSubject.remove("sub");
        Map<String, Object> withoutExpiry = new HashMap<>(claims(Map.of()));
        withoutExpiry.remove("exp");

        assertThat(call("GET", "/api/v1/workers", TestTokens.signedWithTrustedKey(withoutSubject))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/workers", TestTokens.signedWithTrustedKey(withoutExpiry))
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void roleNamesOfOtherApplicationsGrantNothing() {
        assertThat(call("GET", "/actuator/info", TestTokens.token("someone", "operator")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(call("GET", "/api/v1/workers", TestTokens.token("someone", "platform")).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void theMetricsRoleMayReadPrometheusAndNothingElse() {
        String metrics = TestTokens.metrics();

        ResponseEntity<String> scrape = call("GET", "/actuator/prometheus", metrics);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains("jvm_");
        assertThat(call("GET", "/actuator/esrfiles", metrics).getStatusCode().value()).isEqualTo(403);
        assertThat(call("GET", "/actuator/info", metrics).getStatusCode().value()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/workers", metrics).getStatusCode().value()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/files/7/approve", metrics).getStatusCode().value()).isEqualTo(403);
        assertThat(call("GET", "/actuator/health", metrics).getStatusCode().value()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", TestTokens.operator()).getStatusCode().value()).isEqualTo(200);
        assertThat(call("GET", "/actuator/prometheus", TestTokens.platform()).getStatusCode().value()).isEqualTo(403);
        assertThat(call("GET", "/actuator/prometheus", null).getStatusCode().value()).isEqualTo(401);
    }

    /** A platform token's claims, with some replaced. */
    private static Map<String, Object> claims(Map<String, Object> replaced) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("aud", List.of(TestTokens.AUDIENCE));
        claims.put("sub", "patchwork-platform");
        claims.put("exp", Instant.now().plusSeconds(600));
        claims.put("roles", List.of(TestTokens.PLATFORM_ROLE));
        claims.putAll(replaced);
        return claims;
    }

    @Test
    void anythingOutsideTheApiIsRefused() {
        assertThat(call("GET", "/internal", TestTokens.operator()).getStatusCode().value()).isEqualTo(403);
    }
}
