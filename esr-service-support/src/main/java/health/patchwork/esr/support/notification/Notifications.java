package health.patchwork.esr.support.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service publishes an event for the platform: the transactional outbox. {@link #publish} writes the event,
 * and one delivery per endpoint that wants it, in the transaction of the change it tells of, so the event exists
 * exactly when the change does (a rolled-back change tells nothing; a crash after the commit loses nothing). The
 * leader's {@link NotificationDispatcher} sends it afterwards.
 */
public class Notifications {

    private final JdbcTemplate jdbc;
    private final List<NotificationSettings.Endpoint> endpoints;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public Notifications(DataSource dataSource, NotificationSettings settings, NotificationMetrics metrics,
                         Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.endpoints = List.copyOf(settings.endpoints());
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Queues the event in the caller's transaction, which must be active: an event written in a transaction of its
     * own could outlive a change that rolled back, or be lost after one that committed. Does nothing when no
     * endpoint wants the type, or when the event has a once-key already told.
     */
    public void publish(Notification notification) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a notification is published in the transaction of the change it tells of");
        }
        List<String> to = endpoints.stream().filter(endpoint -> endpoint.wants(notification.type()))
                .map(NotificationSettings.Endpoint::key).toList();
        if (to.isEmpty()) {
            return;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notification.type().wireName());
        body.put("timestamp", at.toString());
        body.put("data", notification.data());
        List<Long> ids = jdbc.queryForList("""
                insert into notification_event (event_id, type, entity, once_key, body, created_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (type, once_key) do nothing
                returning id""", Long.class, "evt_" + UUID.randomUUID().toString().replace("-", ""),
                notification.type().wireName(), notification.entity(), notification.onceKey(),
                json.writeValueAsString(body), Timestamp.from(at));
        if (ids.isEmpty()) {
            return;
        }
        long id = ids.get(0);
        jdbc.batchUpdate("""
                insert into notification_delivery (event_id, endpoint, entity, state, next_attempt_at)
                values (?, ?, ?, 'PENDING', ?)""", to, to.size(), (statement, endpoint) -> {
            statement.setLong(1, id);
            statement.setString(2, endpoint);
            statement.setString(3, notification.entity());
            statement.setTimestamp(4, Timestamp.from(at));
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.queued(notification.type());
            }
        });
    }

    /** Whether any endpoint wants events of the type: a publisher can skip work that only an event needs. */
    public boolean wanted(EventType type) {
        return endpoints.stream().anyMatch(endpoint -> endpoint.wants(type));
    }
}
