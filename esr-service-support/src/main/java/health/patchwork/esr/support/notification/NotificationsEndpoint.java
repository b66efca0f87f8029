package health.patchwork.esr.support.notification;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import health.patchwork.esr.support.audit.AuditChannel;
import health.patchwork.esr.support.audit.AuditResult;
import health.patchwork.esr.support.audit.AuditedOperations;
import health.patchwork.esr.support.audit.OperationRefusedException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/esrnotifications}: the webhook outbox for operators. What each endpoint has queued, delivered
 * and given up on; each event with its deliveries; and replay, audited like every operator request.
 */
@Endpoint(id = "esrnotifications")
public class NotificationsEndpoint {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "DEAD");

    /** The overview: each endpoint's queue, and the newest events. */
    public record Overview(List<OutboxDeliveries.EndpointCounts> endpoints, List<OutboxDeliveries.EventView> events) {
    }

    /** What a replay reset. */
    public record Replayed(String target, int deliveries) {
    }

    private final OutboxDeliveries outbox;
    private final List<String> endpoints;
    private final AuditedOperations audited;
    private final Clock clock;

    public NotificationsEndpoint(OutboxDeliveries outbox, List<String> endpoints, AuditedOperations audited,
                                 Clock clock) {
        this.outbox = outbox;
        this.endpoints = List.copyOf(endpoints);
        this.audited = audited;
        this.clock = clock;
    }

    /** {@code GET /actuator/esrnotifications?state=DEAD&limit=50}: newest events first. */
    @ReadOperation
    public Overview overview(@Nullable String state, @Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidEndpointRequestException("limit out of range", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (state != null && !STATES.contains(state)) {
            throw new InvalidEndpointRequestException("unknown state", "state must be one of " + STATES);
        }
        return new Overview(outbox.counts(endpoints), outbox.recent(state, rows));
    }

    /** {@code GET /actuator/esrnotifications/{eventId}}. */
    @ReadOperation
    public OutboxDeliveries.EventView event(@Selector String eventId) {
        return outbox.event(eventId).orElseThrow(() -> OperationRefusedException.notFound("Event " + eventId));
    }

    /**
     * {@code POST /actuator/esrnotifications/{eventId}} sends an event again (to {@code endpoint} only, if given),
     * with its id and body unchanged so a receiver that has it drops it; {@code POST /actuator/esrnotifications/dead}
     * sends every DEAD delivery again.
     */
    @WriteOperation
    public Replayed replay(@Selector String target, @Nullable String endpoint) {
        if (endpoint != null && !endpoints.contains(endpoint)) {
            throw new InvalidEndpointRequestException("unknown endpoint", "endpoint must be one of " + endpoints);
        }
        String audit = endpoint == null ? target : target + " to " + endpoint;
        return audited.runInTransaction("REPLAY_NOTIFICATION", audit, AuditChannel.ACTUATOR, () -> {
            if ("dead".equals(target)) {
                return new Replayed(target, outbox.replayDead(endpoint, clock.instant()));
            }
            if (outbox.event(target).isEmpty()) {
                throw OperationRefusedException.notFound("Event " + target);
            }
            return new Replayed(target, outbox.replay(target, endpoint, clock.instant()));
        }, replayed -> AuditResult.done(replayed.deliveries() + " deliveries queued again"));
    }
}
