package health.patchwork.esr.support.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import health.patchwork.esr.support.audit.AuditSettings;
import health.patchwork.esr.support.audit.AuditTrail;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.schema.SupportSchemas;
import health.patchwork.esr.support.schema.SupportTables;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its dispatcher against a real PostgreSQL and real HTTP receivers on random loopback ports: what a
 * receiver gets (signed as Standard Webhooks has it), and what survives a receiver that is down, slow, or answers
 * with codes it should not.
 */
class NotificationDispatcherTest {

    private static final String SCHEMA = "notification_test";
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("a test secret of thirty-two bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    static DriverManagerDataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate transaction;

    final List<AutoCloseable> closing = new ArrayList<>();
    SimpleMeterRegistry meters;

    @BeforeAll
    static void database() {
        SharedPostgres.Endpoint db = SharedPostgres.endpoint();
        SupportSchemas.recreate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()), SCHEMA,
                SupportTables.NOTIFICATION, SupportTables.AUDIT);
        dataSource = new DriverManagerDataSource(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA, db.username(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void clean() {
        jdbc.execute("truncate notification_event, notification_delivery, operator_audit restart identity cascade");
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() throws Exception {
        List<AutoCloseable> reversed = new ArrayList<>(closing);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            resource.close();
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDeliveryIsSignedAsStandardWebhooksHasItAndMarkedDelivered() throws Exception {
        Receiver receiver = receiver();
        NotificationSettings settings = settings(3, Duration.ofSeconds(5), endpoint("platform", receiver.url(), "*"));
        publish(settings, Notification.of(EventType.OUTBOUND_FILE_APPLIED, "file:GO_1.DAT",
                Map.of("fileName", "GO_1.DAT", "rows", 12)));

        NotificationDispatcher dispatcher = dispatcher(settings);
        await(dispatcher, () -> receiver.received().size() == 1);
        await(dispatcher, () -> states().equals(List.of("DELIVERED")));

        Receiver.Received got = receiver.received().get(0);
        String body = jdbc.queryForObject("select body from notification_event", String.class);
        assertThat(got.body()).isEqualTo(body)
                .startsWith("{\"type\":\"outbound.file.applied\",\"timestamp\":\"")
                .contains("\"data\":{").contains("\"fileName\":\"GO_1.DAT\"").contains("\"rows\":12");
        assertThat(got.id()).startsWith("evt_")
                .isEqualTo(jdbc.queryForObject("select event_id from notification_event", String.class));
        assertThat(got.contentType()).isEqualTo("application/json");
        assertThat(WebhookSignature.forSecret(SECRET).verify(got.id(), got.timestamp(), got.signature(), got.body(),
                Instant.now())).isTrue();
        assertThat(WebhookSignature.forSecret("whsec_" + java.util.Base64.getEncoder().encodeToString(
                new byte[32])).verify(got.id(), got.timestamp(), got.signature(), got.body(), Instant.now()))
                .as("another secret").isFalse();
        assertThat(WebhookSignature.forSecret(SECRET).verify(got.id(), got.timestamp(), got.signature(),
                got.body().replace("12", "13"), Instant.now())).as("a changed body").isFalse();
        assertThat(jdbc.queryForMap("select attempts, last_status from notification_delivery"))
                .containsEntry("attempts", 1).containsEntry("last_status", 204);
        assertThat(meters.counter("esr.notifications.delivered", "endpoint", "platform").count()).isEqualTo(1);
        assertThat(meters.counter("esr.notifications.queued", "type", "outbound.file.applied").count())
                .isEqualTo(1);
    }

    @Test
    void aReceiverDownForAWhileLosesNothingAndGetsEachEntitysEventsInOrder() throws Exception {
        int port;
        try (Receiver gone = new Receiver()) {
            port = gone.port();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/hook");
        NotificationSettings settings = settings(50, Duration.ofSeconds(5), endpoint("platform", url, "*"));
        List<String> published = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String worker : List.of("worker:1", "worker:2", "worker:3")) {
                String id = publish(settings, Notification.of(EventType.WORKFORCE_CHANGED, worker,
                        Map.of("round", round)));
                published.add(worker + "#" + round + "#" + id);
            }
        }
        NotificationDispatcher dispatcher = dispatcher(settings);
        // down: connection refused, each entity's first event tried several times, nothing else tried
        await(dispatcher, () -> jdbc.queryForObject("select min(attempts) from notification_delivery d"
                + " join notification_event e on e.id = d.event_id where e.body like '%\"round\":0%'",
                Integer.class) >= 2);
        assertThat(jdbc.queryForObject("select count(*) from notification_delivery where attempts > 0"
                + " and event_id not in (select id from notification_event where body like '%\"round\":0%')",
                Integer.class)).as("a later event of an entity is not tried before its first").isZero();
        assertThat(jdbc.queryForList("select distinct last_error from notification_delivery where attempts > 0",
                String.class)).allMatch(error -> error.startsWith("connection failed"));

        // back, and answering 503 to its first few requests
        Receiver receiver = new Receiver(port);
        closing.add(receiver);
        receiver.answer(n -> n < 4 ? Receiver.Answer.status(503) : Receiver.Answer.ok());
        await(dispatcher, () -> states().stream().allMatch("DELIVERED"::equals));

        Map<String, String> entityOf = new HashMap<>();
        Map<String, Integer> roundOf = new HashMap<>();
        for (String p : published) {
            String[] parts = p.split("#");
            entityOf.put(parts[2], parts[0]);
            roundOf.put(parts[2], Integer.parseInt(parts[1]));
        }
        assertThat(receiver.received().stream().filter(r -> r.status() == 204).map(Receiver.Received::id)
                .distinct().count()).as("every event accepted").isEqualTo(published.size());
        // per entity: an event arrives only once every earlier one has been accepted
        Map<String, Integer> accepted = new HashMap<>();
        for (Receiver.Received r : receiver.received()) {
            String entity = entityOf.get(r.id());
            int round = roundOf.get(r.id());
            assertThat(accepted.getOrDefault(entity, -1)).as("%s round %d arrived in order", entity, round)
                    .isGreaterThanOrEqualTo(round - 1);
            if (r.status() == 204) {
                accepted.merge(entity, round, Math::max);
            }
        }
        assertThat(meters.counter("esr.notifications.failed", "endpoint", "platform").count())
                .isGreaterThanOrEqualTo(3 * 2 + 4);
    }

    @Test
    void aSlowReceiverIsTriedAgainAndDoesNotHoldUpAnotherEndpoint() throws Exception {
        Receiver slow = receiver();
        Receiver fast = receiver();
        // the first answer comes after the timeout; then slow but in time
        slow.answer(n -> new Receiver.Answer(204, n == 0 ? 2_500 : 600, null));
        NotificationSettings settings = settings(10, Duration.ofMillis(1_500),
                endpoint("slow", slow.url(), "*"), endpoint("fast", fast.url(), "*"));
        for (int i = 0; i < 5; i++) {
            publish(settings, Notification.of(EventType.LINE_HELD, "line:" + i, Map.of("line", i)));
        }
        NotificationDispatcher dispatcher = dispatcher(settings);
        await(dispatcher, () -> fast.received().size() == 5);
        assertThat(delivered("slow")).as("the slow endpoint is still at its first events").isLessThan(5);

        await(dispatcher, () -> delivered("slow") == 5);
        Map<String, Object> first = jdbc.queryForMap("select d.attempts from notification_delivery d"
                + " join notification_event e on e.id = d.event_id where d.endpoint = 'slow' order by d.id limit 1");
        assertThat(first).containsEntry("attempts", 2);
        Receiver.Received timedOut = slow.received().get(0);
        assertThat(slow.received().stream().filter(r -> r.id().equals(timedOut.id()))).hasSize(2)
                .allMatch(r -> r.body().equals(timedOut.body()));
        assertThat(meters.counter("esr.notifications.failed", "endpoint", "slow").count()).isEqualTo(1);
        assertThat(fast.received()).hasSize(5);
    }

    @Test
    void unexpectedAnswersAreFailedAttemptsRedirectsAreNotFollowedAndAny2xxIsDelivered() throws Exception {
        Receiver receiver = receiver();
        int[] answers = {301, 404, 410, 500, 429, 202};
        receiver.answer(n -> n == 4 ? new Receiver.Answer(429, 0, "0")
                : Receiver.Answer.status(answers[Math.min(n, answers.length - 1)]));
        NotificationSettings settings = settings(10, Duration.ofSeconds(5), endpoint("platform", receiver.url(), "*"));
        publish(settings, Notification.of(EventType.EXPORT_OVERDUE, "period:M:2608", Map.of("period", "M2608")));

        NotificationDispatcher dispatcher = dispatcher(settings);
        await(dispatcher, () -> states().equals(List.of("DELIVERED")));

        assertThat(receiver.received()).extracting(Receiver.Received::status)
                .containsExactly(301, 404, 410, 500, 429, 202);
        assertThat(receiver.received()).extracting(Receiver.Received::id).containsOnly(receiver.received().get(0).id());
        assertThat(jdbc.queryForMap("select attempts, last_status from notification_delivery"))
                .containsEntry("attempts", 6).containsEntry("last_status", 202);
    }

    @Test
    void aDeliveryGoesDeadAfterItsLastAttemptNoLongerHoldsUpItsEntityAndIsReplayedWithItsId() throws Exception {
        Receiver receiver = receiver();
        receiver.answer(n -> n < 3 ? Receiver.Answer.status(500) : Receiver.Answer.ok());
        NotificationSettings settings = settings(3, Duration.ofSeconds(5), endpoint("platform", receiver.url(), "*"));
        String first = publish(settings, Notification.of(EventType.ABSENCE_UNCONFIRMED, "absence:7",
                Map.of("absence", 7)));
        NotificationDispatcher dispatcher = dispatcher(settings);
        await(dispatcher, () -> states().equals(List.of("DEAD")));
        assertThat(meters.counter("esr.notifications.dead", "endpoint", "platform").count()).isEqualTo(1);
        assertThat(health(settings, Duration.ofSeconds(0)).getStatus().getCode()).isEqualTo("ATTENTION");

        String second = publish(settings, Notification.of(EventType.ABSENCE_CONFIRMED, "absence:7",
                Map.of("absence", 7)));
        await(dispatcher, () -> receiver.received().stream().anyMatch(r -> r.id().equals(second) && r.status() == 204));

        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("op-1").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of(), "op-1"));
        NotificationsEndpoint endpoint = new NotificationsEndpoint(new OutboxDeliveries(dataSource),
                List.of("platform"), new AuditedOperations(new AuditTrail(JdbcClient.create(dataSource),
                new AuditSettings("preferred_username")), new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
        assertThat(endpoint.overview("DEAD", 10).events()).extracting(OutboxDeliveries.EventView::eventId)
                .containsExactly(first);
        assertThat(endpoint.replay(first, null).deliveries()).isEqualTo(1);
        await(dispatcher, () -> states().equals(List.of("DELIVERED", "DELIVERED")));

        List<Receiver.Received> ofFirst = receiver.received().stream().filter(r -> r.id().equals(first)).toList();
        assertThat(ofFirst).extracting(Receiver.Received::status).containsExactly(500, 500, 500, 204);
        assertThat(ofFirst).extracting(Receiver.Received::body).containsOnly(ofFirst.get(0).body());
        assertThat(jdbc.queryForMap("select action, target, outcome, subject from operator_audit"))
                .containsEntry("action", "REPLAY_NOTIFICATION").containsEntry("target", first)
                .containsEntry("outcome", "DONE").containsEntry("subject", "op-1");
        assertThat(endpoint.event(first).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo("DELIVERED"));
    }

    @Test
    void aDispatcherStoppedMidDeliveryLeavesItPendingAndTheNextLeaderSendsItWithTheSameId() throws Exception {
        Receiver receiver = receiver();
        receiver.answer(n -> new Receiver.Answer(204, n == 0 ? 3_000 : 0, null));
        NotificationSettings settings = settings(5, Duration.ofSeconds(10), endpoint("platform", receiver.url(), "*"));
        String id = publish(settings, Notification.of(EventType.INBOUND_FILE_SENT, "file:TA_1.DAT",
                Map.of("fileName", "TA_1.DAT")));

        NotificationDispatcher stopping = new NotificationDispatcher(new OutboxDeliveries(dataSource), dataSource,
                settings, new NotificationMetrics(meters), () -> true, Clock.systemUTC(), "test");
        stopping.dispatch();
        awaitCondition(() -> receiver.received().size() == 1);
        stopping.close();
        assertThat(jdbc.queryForMap("select state, attempts from notification_delivery"))
                .containsEntry("state", "PENDING").containsEntry("attempts", 0);

        await(dispatcher(settings), () -> states().equals(List.of("DELIVERED")));
        assertThat(receiver.received()).extracting(Receiver.Received::id).containsExactly(id, id);
    }

    @Test
    void aStandbyDoesNotSend() throws Exception {
        Receiver receiver = receiver();
        NotificationSettings settings = settings(5, Duration.ofSeconds(5), endpoint("platform", receiver.url(), "*"));
        publish(settings, Notification.of(EventType.LINE_HELD, "line:1", Map.of()));
        NotificationDispatcher standby = new NotificationDispatcher(new OutboxDeliveries(dataSource), dataSource,
                settings, new NotificationMetrics(meters), () -> false, Clock.systemUTC(), "test");
        closing.add(standby);
        standby.dispatch();
        NotificationDispatcher leader = dispatcher(settings);
        await(leader, () -> states().equals(List.of("DELIVERED")));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anEventIsWrittenOnlyWithItsChangeOnlyForEndpointsThatWantItAndOnceForItsKey() {
        NotificationSettings settings = settings(5, Duration.ofSeconds(5),
                endpoint("files", URI.create("https://platform.example/files"), "outbound.file.*"),
                endpoint("all", URI.create("https://platform.example/all"), "*"));
        Notifications notifications = new Notifications(dataSource, settings, new NotificationMetrics(meters),
                Clock.systemUTC());
        Notification applied = Notification.of(EventType.OUTBOUND_FILE_APPLIED, "file:GO_2.DAT", Map.of());

        assertThatThrownBy(() -> notifications.publish(applied)).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> {
            notifications.publish(applied);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from notification_event", Integer.class)).isZero();
        assertThat(meters.find("esr.notifications.queued").counter()).isNull();

        Notification expiring = Notification.of(EventType.REGISTRATION_EXPIRING, "worker:9",
                Map.of("daysBefore", 30)).once("worker:9/NMC/2027-01-05/30");
        transaction.executeWithoutResult(status -> {
            notifications.publish(applied);
            notifications.publish(expiring);
        });
        transaction.executeWithoutResult(status -> notifications.publish(expiring));

        assertThat(jdbc.queryForList("select e.type || ' ' || d.endpoint from notification_event e"
                + " join notification_delivery d on d.event_id = e.id order by d.id", String.class))
                .containsExactly("outbound.file.applied files", "outbound.file.applied all",
                        "registration.expiring all");
        assertThat(notifications.wanted(EventType.LINE_HELD)).isTrue();
        assertThat(new Notifications(dataSource, settings(5, Duration.ofSeconds(5)), new NotificationMetrics(meters),
                Clock.systemUTC()).wanted(EventType.LINE_HELD)).isFalse();
    }

    @Test
    void healthShowsAttentionOnceTheOldestUndeliveredEventIsOlderThanTheSetting() {
        NotificationSettings settings = settings(5, Duration.ofSeconds(5),
                endpoint("platform", URI.create("https://platform.example/hook"), "*"));
        assertThat(health(settings, Duration.ofMinutes(20)).getStatus().getCode()).isEqualTo("UP");
        publish(settings, Notification.of(EventType.LINE_HELD, "line:1", Map.of()));

        assertThat(health(settings, Duration.ZERO).getStatus().getCode()).isEqualTo("UP");
        Health late = health(settings, Duration.ofMinutes(20));
        assertThat(late.getStatus().getCode()).isEqualTo("ATTENTION");
        assertThat(late.getDetails()).containsKeys("endpoints", "oldestUndelivered");
    }

    private Health health(NotificationSettings settings, Duration later) {
        Clock clock = Clock.offset(Clock.systemUTC(), later);
        return new NotificationHealth(new OutboxDeliveries(dataSource), List.of("platform"),
                Duration.ofMinutes(15), clock).health();
    }

    private Receiver receiver() throws IOException {
        Receiver receiver = new Receiver();
        closing.add(receiver);
        return receiver;
    }

    private NotificationDispatcher dispatcher(NotificationSettings settings) {
        NotificationDispatcher dispatcher = new NotificationDispatcher(new OutboxDeliveries(dataSource), dataSource,
                settings, new NotificationMetrics(meters), () -> true, Clock.systemUTC(), "test");
        closing.add(dispatcher);
        return dispatcher;
    }

    /** Publishes in a transaction of its own, as a service's change would; returns the event's id. */
    private String publish(NotificationSettings settings, Notification notification) {
        Notifications notifications = new Notifications(dataSource, settings, new NotificationMetrics(meters),
                Clock.systemUTC());
        transaction.executeWithoutResult(status -> notifications.publish(notification));
        return jdbc.queryForObject("select event_id from notification_event order by id desc limit 1", String.class);
    }

    private static List<String> states() {
        return jdbc.queryForList("select state from notification_delivery order by id", String.class);
    }

    private static long delivered(String endpoint) {
        return jdbc.queryForObject("select count(*) from notification_delivery where endpoint = ?"
                + " and state = 'DELIVERED'", Long.class, endpoint);
    }

    /** Runs the dispatcher as its scheduled job would, every 20 ms, until the condition holds. */
    private static void await(NotificationDispatcher dispatcher, BooleanSupplier condition) throws InterruptedException {
        // a generous bound so that a broken dispatcher fails the test rather than hanging it; not a measure
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached").isLessThan(deadline);
            dispatcher.dispatch();
            Thread.sleep(20);
        }
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static NotificationSettings settings(int maxAttempts, Duration timeout, NotificationSettings.Endpoint... endpoints) {
        return new NotificationSettings(List.of(endpoints), Duration.ofMillis(50), maxAttempts,
                Duration.ofMillis(20), Duration.ofMillis(100), timeout, Duration.ofMinutes(15), Duration.ofDays(30),
                100, false);
    }

    static NotificationSettings.Endpoint endpoint(String name, URI url, String... events) {
        return new NotificationSettings.Endpoint(name, url, SECRET, List.of(events));
    }
}
