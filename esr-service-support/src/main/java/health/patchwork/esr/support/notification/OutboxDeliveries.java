package health.patchwork.esr.support.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox as the dispatcher and the operators see it: what is due, what happened to each delivery. */
public class OutboxDeliveries {

    /** A delivery to attempt now. */
    public record Due(long deliveryId, String eventId, String type, String body, int attempts) {
    }

    /** One delivery of an event to an endpoint, for operators. */
    public record DeliveryView(String endpoint, String state, int attempts, @Nullable Instant nextAttemptAt,
                               @Nullable Instant lastAttemptAt, @Nullable Integer lastStatus,
                               @Nullable String lastError, @Nullable Instant deliveredAt) {
    }

    /** One event and its deliveries, for operators. */
    public record EventView(String eventId, String type, String entity, Instant createdAt, String body,
                            List<DeliveryView> deliveries) {
    }

    /** One endpoint's queue, for operators. */
    public record EndpointCounts(String endpoint, long pending, long dead, long delivered,
                                 @Nullable Instant oldestUndelivered) {
    }

    private final JdbcClient jdbc;

    public OutboxDeliveries(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The endpoint's deliveries due now, oldest first, at most one per entity: only an entity's oldest pending
     * delivery is ever due, so a later event about it waits until the earlier one is delivered (or DEAD).
     */
    public List<Due> due(String endpoint, Instant now, int limit) {
        return jdbc.sql("""
                        select d.id, e.event_id, e.type, e.body, d.attempts
                        from notification_delivery d join notification_event e on e.id = d.event_id
                        where d.endpoint = :endpoint and d.state = 'PENDING' and d.next_attempt_at <= :now
                          and d.id = (select min(p.id) from notification_delivery p
                                      where p.endpoint = d.endpoint and p.entity = d.entity and p.state = 'PENDING')
                        order by d.id
                        limit :limit""")
                .param("endpoint", endpoint).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)))
                .list();
    }

    public void delivered(long deliveryId, int status, Instant at) {
        jdbc.sql("""
                        update notification_delivery
                        set state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at, delivered_at = :at,
                            last_status = :status, last_error = null
                        where id = :id and state = 'PENDING'""")
                .param("at", Timestamp.from(at)).param("status", status).param("id", deliveryId).update();
    }

    /** Records a failed attempt: due again at {@code nextAttempt}, or DEAD when {@code dead}. */
    public void failed(long deliveryId, @Nullable Integer status, String error, Instant at, Instant nextAttempt,
                       boolean dead) {
        jdbc.sql("""
                        update notification_delivery
                        set state = :state, attempts = attempts + 1, last_attempt_at = :at, last_status = :status,
                            last_error = :error, next_attempt_at = :next
                        where id = :id and state = 'PENDING'""")
                .param("state", dead ? "DEAD" : "PENDING").param("at", Timestamp.from(at))
                .param("status", status).param("error", error).param("next", Timestamp.from(nextAttempt))
                .param("id", deliveryId).update();
    }

    /**
     * Sends an event again, with its id and body unchanged: its deliveries (to one endpoint, or all) are PENDING
     * again from attempt one. Returns how many were reset.
     */
    public int replay(String eventId, @Nullable String endpoint, Instant now) {
        return jdbc.sql("""
                        update notification_delivery d
                        set state = 'PENDING', attempts = 0, next_attempt_at = :now, delivered_at = null
                        from notification_event e
                        where e.id = d.event_id and e.event_id = :eventId
                          and (cast(:endpoint as text) is null or d.endpoint = :endpoint)""")
                .param("now", Timestamp.from(now)).param("eventId", eventId).param("endpoint", endpoint).update();
    }

    /** Every DEAD delivery (of one endpoint, or all) PENDING again. Returns how many. */
    public int replayDead(@Nullable String endpoint, Instant now) {
        return jdbc.sql("""
                        update notification_delivery
                        set state = 'PENDING', attempts = 0, next_attempt_at = :now
                        where state = 'DEAD' and (cast(:endpoint as text) is null or endpoint = :endpoint)""")
                .param("now", Timestamp.from(now)).param("endpoint", endpoint).update();
    }

    /** When the oldest event not yet delivered (PENDING or DEAD) to one of the endpoints was published. */
    public Optional<Instant> oldestUndelivered(Collection<String> endpoints) {
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select min(e.created_at) from notification_delivery d
                        join notification_event e on e.id = d.event_id
                        where d.state <> 'DELIVERED' and d.endpoint in (:endpoints)""")
                .param("endpoints", endpoints)
                .query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp(1))))
                .single();
    }

    public long pending(Collection<String> endpoints) {
        return endpoints.isEmpty() ? 0 : jdbc.sql("""
                        select count(*) from notification_delivery where state = 'PENDING' and endpoint in (:endpoints)""")
                .param("endpoints", endpoints).query(Long.class).single();
    }

    public List<EndpointCounts> counts(Collection<String> endpoints) {
        return endpoints.stream().map(endpoint -> jdbc.sql("""
                        select count(*) filter (where d.state = 'PENDING'),
                               count(*) filter (where d.state = 'DEAD'),
                               count(*) filter (where d.state = 'DELIVERED'),
                               min(e.created_at) filter (where d.state <> 'DELIVERED')
                        from notification_delivery d join notification_event e on e.id = d.event_id
                        where d.endpoint = :endpoint""")
                .param("endpoint", endpoint)
                .query((rs, n) -> new EndpointCounts(endpoint, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        instant(rs.getTimestamp(4))))
                .single()).toList();
    }

    /** The newest events first; with a state, only those with a delivery in it. */
    public List<EventView> recent(@Nullable String state, int limit) {
        List<EventView> events = jdbc.sql("""
                        select e.id, e.event_id, e.type, e.entity, e.created_at, e.body from notification_event e
                        where cast(:state as text) is null or exists (
                            select 1 from notification_delivery d where d.event_id = e.id and d.state = :state)
                        order by e.id desc limit :limit""")
                .param("state", state).param("limit", limit)
                .query((rs, n) -> new EventView(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), deliveries(rs.getLong(1))))
                .list();
        return events;
    }

    public Optional<EventView> event(String eventId) {
        return jdbc.sql("""
                        select e.id, e.event_id, e.type, e.entity, e.created_at, e.body from notification_event e
                        where e.event_id = :eventId""")
                .param("eventId", eventId)
                .query((rs, n) -> new EventView(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), deliveries(rs.getLong(1))))
                .optional();
    }

    /** Deletes events published before {@code before} whose every delivery is DELIVERED. Returns how many. */
    public int purgeDelivered(Instant before) {
        return jdbc.sql("""
                        delete from notification_event e where e.created_at < :before
                          and not exists (select 1 from notification_delivery d
                                          where d.event_id = e.id and d.state <> 'DELIVERED')""")
                .param("before", Timestamp.from(before)).update();
    }

    private List<DeliveryView> deliveries(long eventRowId) {
        return jdbc.sql("""
                        select endpoint, state, attempts, next_attempt_at, last_attempt_at, last_status, last_error,
                               delivered_at
                        from notification_delivery where event_id = :id order by endpoint""")
                .param("id", eventRowId)
                .query((rs, n) -> new DeliveryView(rs.getString(1), rs.getString(2), rs.getInt(3),
                        "PENDING".equals(rs.getString(2)) ? instant(rs.getTimestamp(4)) : null,
                        instant(rs.getTimestamp(5)), (Integer) rs.getObject(6), rs.getString(7),
                        instant(rs.getTimestamp(8))))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
