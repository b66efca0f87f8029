package health.patchwork.esr.support.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import health.patchwork.esr.support.leader.LeaderElectionConfiguration;
import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox in a running service: an event published in a transaction reaches a real receiver through the leader's
 * scheduled dispatch, operators (only) see and replay it on {@code /actuator/esrnotifications}, and health and
 * metrics carry it.
 */
@SpringBootTest(classes = NotificationsInServiceTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "spring.application.name=notification-service",
                "spring.flyway.schemas=notification_service_test", "spring.flyway.default-schema=notification_service_test",
                "spring.datasource.hikari.schema=notification_service_test",
                "spring.flyway.locations=classpath:db/no-service-migrations",
                "esr.notifications.dispatch-interval=100ms", "esr.leader.ttl=3s"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class})
class NotificationsInServiceTest {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28});
    private static final Receiver RECEIVER;

    static {
        try {
            RECEIVER = new Receiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootApplication
    @Import(LeaderElectionConfiguration.class)
    static class App {
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("esr.notifications.endpoints[0].name", () -> "platform");
        registry.add("esr.notifications.endpoints[0].url", () -> RECEIVER.url().toString());
        registry.add("esr.notifications.endpoints[0].secret", () -> SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEventReachesTheReceiverAndOperatorsSeeAndReplayIt() {
        transactions.executeWithoutResult(status -> notifications.publish(Notification.of(
                EventType.OUTBOUND_FILE_HELD, "file:GO_9.DAT", Map.of("fileName", "GO_9.DAT", "reason", "THRESHOLD"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.received().size() == 1);
        Receiver.Received got = RECEIVER.received().get(0);
        assertThat(WebhookSignature.forSecret(SECRET).verify(got.id(), got.timestamp(), got.signature(), got.body(),
                java.time.Instant.now())).isTrue();

        assertThat(get("/actuator/esrnotifications", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/esrnotifications", TestTokens.platform()).getStatusCode().value()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(60)).until(() -> json(get("/actuator/esrnotifications/" + got.id(),
                TestTokens.operator())).at("/deliveries/0/state").asString().equals("DELIVERED"));
        JsonNode overview = json(get("/actuator/esrnotifications?state=DELIVERED", TestTokens.operator()));
        assertThat(overview.at("/endpoints/0/endpoint").asString()).isEqualTo("platform");
        assertThat(overview.at("/events/0/eventId").asString()).isEqualTo(got.id());
        assertThat(json(get("/actuator/esrnotifications?state=LOST", TestTokens.operator()))
                .at("/status").asInt()).isEqualTo(400);

        ResponseEntity<String> replay = RestClient.create("http://127.0.0.1:" + port).post()
                .uri("/actuator/esrnotifications/" + got.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.operator())
                .contentType(MediaType.APPLICATION_JSON).body("{}")
                .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
        assertThat(replay.getStatusCode().value()).as(replay.getBody()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.received().size() == 2);
        assertThat(RECEIVER.received().get(1).id()).isEqualTo(got.id());
        assertThat(RECEIVER.received().get(1).body()).isEqualTo(got.body());

        JsonNode health = json(get("/actuator/health", TestTokens.operator()));
        assertThat(health.at("/components/notifications/status").asString()).isEqualTo("UP");
        String prometheus = get("/actuator/prometheus", TestTokens.operator()).getBody();
        assertThat(prometheus).contains("esr_notifications_delivered_total{")
                .contains("esr_notifications_oldest_undelivered_age_seconds{");
    }

    private ResponseEntity<String> get(String path, String token) {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://127.0.0.1:" + port).get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return JsonMapper.builder().build().readTree(response.getBody());
    }
}
