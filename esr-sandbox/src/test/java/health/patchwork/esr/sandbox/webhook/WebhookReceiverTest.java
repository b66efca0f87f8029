package health.patchwork.esr.sandbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.support.notification.WebhookSignature;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's receiver over real HTTP on its loopback port, signed as the services' dispatcher signs (support's
 * {@link WebhookSignature}); the receiver's clock is fixed, so "stale" is exact, not a race with the wall clock.
 */
class WebhookReceiverTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String BODY = "{\"type\":\"outbound.file.applied\",\"timestamp\":\"2026-12-06T09:59:59Z\","
            + "\"data\":{\"file\":\"GO_123_RST_FULL_20261206_00001.DAT\",\"workers\":2000,\"workerIds\":[\"1\",\"2\","
            + "\"3\",\"4\"],\"note\":\"Jane Example\"}}";

    private final String secret = WebhookReceiver.newSecret();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final WebhookReceiver receiver = WebhookReceiver.start(secret, Clock.fixed(NOW, ZoneOffset.UTC),
            console::add);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aSignedEventIsTakenAndPrintedWithItsTypeIdAndDataButNoFreeText() throws Exception {
        assertThat(post("evt_1", NOW.getEpochSecond(), sign(secret, "evt_1", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo(204);

        assertThat(receiver.accepted()).isEqualTo(1);
        assertThat(receiver.refused()).isZero();
        assertThat(console).singleElement().asString()
                .startsWith("outbound.file.applied evt_1 ")
                .contains("file=GO_123_RST_FULL_20261206_00001.DAT", "workers=2000", "workerIds=[4 items]",
                        "note=<12 chars>")
                .doesNotContain("Jane");
    }

    @Test
    void aTamperedBodyIsRefused() throws Exception {
        String signature = sign(secret, "evt_2", NOW.getEpochSecond(), BODY);

        assertThat(post("evt_2", NOW.getEpochSecond(), signature, BODY.replace("2000", "2001"))).isEqualTo(401);

        assertThat(receiver.accepted()).isZero();
        assertThat(receiver.refused()).isEqualTo(1);
        assertThat(console).singleElement().asString().startsWith("refused evt_2");
    }

    @Test
    void anotherSecretsSignatureIsRefused() throws Exception {
        String other = WebhookReceiver.newSecret();

        assertThat(post("evt_3", NOW.getEpochSecond(), sign(other, "evt_3", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo(401);
        assertThat(receiver.accepted()).isZero();
    }

    @Test
    void aTimestampOutsideTheToleranceIsRefusedEvenWhenSigned() throws Exception {
        long stale = NOW.minus(WebhookSignature.TOLERANCE).minus(Duration.ofSeconds(1)).getEpochSecond();
        long future = NOW.plus(WebhookSignature.TOLERANCE).plus(Duration.ofSeconds(1)).getEpochSecond();
        long edge = NOW.minus(WebhookSignature.TOLERANCE).getEpochSecond();

        assertThat(post("evt_4", stale, sign(secret, "evt_4", stale, BODY), BODY)).isEqualTo(401);
        assertThat(post("evt_5", future, sign(secret, "evt_5", future, BODY), BODY)).isEqualTo(401);
        assertThat(post("evt_6", edge, sign(secret, "evt_6", edge, BODY), BODY)).isEqualTo(204);
        assertThat(receiver.refused()).isEqualTo(2);
        assertThat(receiver.accepted()).isEqualTo(1);
    }

    @Test
    void noSignatureAtAllIsRefused() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(receiver.url())
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aRepeatedIdIsAnswered204AndCountedOnce() throws Exception {
        long first = NOW.getEpochSecond();
        long retry = first - 30;

        assertThat(post("evt_7", first, sign(secret, "evt_7", first, BODY), BODY)).isEqualTo(204);
        // a retry is signed afresh, with its own timestamp: still the same event
        assertThat(post("evt_7", retry, sign(secret, "evt_7", retry, BODY), BODY)).isEqualTo(204);
        assertThat(post("evt_8", first, sign(secret, "evt_8", first, BODY), BODY)).isEqualTo(204);

        assertThat(receiver.accepted()).isEqualTo(2);
        assertThat(receiver.duplicates()).isEqualTo(1);
        assertThat(console).hasSize(3);
        assertThat(console.get(1)).isEqualTo("duplicate evt_7 dropped (204)");
    }

    @Test
    void aRefusedRequestDoesNotTakeItsIdSoTheSignedOneIsStillNew() throws Exception {
        assertThat(post("evt_9", NOW.getEpochSecond(), "v1,AAAA", BODY)).isEqualTo(401);
        assertThat(post("evt_9", NOW.getEpochSecond(), sign(secret, "evt_9", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo(204);

        assertThat(receiver.accepted()).isEqualTo(1);
        assertThat(receiver.duplicates()).isZero();
    }

    @Test
    void theServicesAreConfiguredWithTheReceiversUrlAndAFreshSecret() {
        assertThat(SandboxRuntime.webhookEnvironment(receiver.url(), receiver.secret()))
                .containsEntry("ESR_NOTIFICATIONS_ENDPOINTS_0_URL", receiver.url().toString())
                .containsEntry("ESR_NOTIFICATIONS_ENDPOINTS_0_SECRET", secret)
                .containsKey("ESR_NOTIFICATIONS_DISPATCHINTERVAL");
        assertThat(receiver.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/webhooks");
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookReceiver.newSecret()).isNotEqualTo(secret);
    }

    private int post(String id, long timestamp, String signature, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(receiver.url())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String secret, String id, long timestamp, String body) {
        return WebhookSignature.forSecret(secret).sign(id, timestamp, body);
    }
}
