package health.patchwork.esr.reliability.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import health.patchwork.esr.reliability.HarnessDatabase;

/**
 * Events written into the outbox by the harness itself, as {@code Notifications.publish} writes them (an event row
 * and a PENDING delivery for the endpoint, in one transaction): tests the kill loop without depending on which
 * events a service publishes.
 */
final class OutboxRowsPublisher implements DispatcherCrashScenario.Publisher {

    private final HarnessDatabase database;
    private final int perTrial;

    OutboxRowsPublisher(HarnessDatabase database, int perTrial) {
        this.database = database;
        this.perTrial = perTrial;
    }

    @Override
    public void publish(int trial) throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < perTrial; i++) {
                Instant now = Instant.now();
                long row;
                try (PreparedStatement event = connection.prepareStatement("insert into workforce.notification_event"
                        + " (event_id, type, entity, body, created_at) values (?, 'workforce.changed', ?, ?, ?)"
                        + " returning id")) {
                    event.setString(1, "evt_" + UUID.randomUUID().toString().replace("-", ""));
                    // two entities, so that order per entity is checked across interleaved events
                    event.setString(2, "worker:" + (i % 2));
                    event.setString(3, "{\"type\":\"workforce.changed\",\"timestamp\":\"" + now + "\",\"data\":{"
                            + "\"trial\":" + trial + ",\"n\":" + i + "}}");
                    event.setTimestamp(4, Timestamp.from(now));
                    try (ResultSet rs = event.executeQuery()) {
                        rs.next();
                        row = rs.getLong(1);
                    }
                }
                try (PreparedStatement delivery = connection.prepareStatement("insert into"
                        + " workforce.notification_delivery (event_id, endpoint, entity, state, next_attempt_at)"
                        + " values (?, 'sandbox', ?, 'PENDING', ?)")) {
                    delivery.setLong(1, row);
                    delivery.setString(2, "worker:" + (i % 2));
                    delivery.setTimestamp(3, Timestamp.from(now));
                    delivery.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    @Override
    public int fewestEvents() {
        return perTrial;
    }

    @Override
    public String awaitDone(int trial) {
        return "";
    }

    @Override
    public String verdict(int trial) {
        return "";
    }

    @Override
    public String describe() {
        return "events written into the outbox by the harness, " + perTrial + " a trial";
    }
}
