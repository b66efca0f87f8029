package health.patchwork.esr.outbound.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code outboundArrivals} in {@code /actuator/health}: the last GO file received and applied, quarantined files, and
 * whether the next file is late against {@code esr.outbound.expected-every} plus {@code late-grace}. A late file is
 * {@link Attention} (HTTP 200), never DOWN: restarting the service would not make ESR send it, and this
 * indicator is in neither the liveness nor the readiness group. Before the first file, the wait counts from start-up.
 */
@Component("outboundArrivals")
public class FileArrivalHealth extends DatabaseBackedHealthIndicator {

    static final Status LATE = Attention.because("an expected GO file is late; see details");

    private final JdbcClient jdbc;
    private final OutboundSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    @Autowired
    public FileArrivalHealth(JdbcClient jdbc, OutboundSettings settings, Clock clock) {
        this(jdbc, settings, clock, clock.instant());
    }

    public FileArrivalHealth(JdbcClient jdbc, OutboundSettings settings, Clock clock, Instant startedAt) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = startedAt;
    }

    private record LastFile(String name, Instant at) {
    }

    @Override
    protected Health check() {
        Optional<LastFile> received = last("discovered_at", "state <> 'IGNORED'");
        Optional<LastFile> applied = last("applied_at", "state = 'APPLIED'");
        long quarantined = jdbc.sql("select count(*) from file_ledger where direction = 'FROM_ESR'"
                + " and state = 'QUARANTINED' and content_purged_at is null").query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        received.ifPresent(f -> details.put("lastReceived", Map.of("file", f.name(), "at", f.at().toString())));
        applied.ifPresent(f -> details.put("lastApplied", Map.of("file", f.name(), "at", f.at().toString())));
        details.put("quarantinedFiles", quarantined);
        Optional<Duration> lateAfter = settings.lateAfter();
        if (lateAfter.isEmpty()) {
            details.put("expected", "no schedule (esr.outbound.expected-every=-)");
            return Health.up().withDetails(details).build();
        }
        Instant since = received.map(LastFile::at).orElse(startedAt);
        Instant due = since.plus(lateAfter.get());
        details.put("nextFileLateAfter", due.toString());
        if (clock.instant().isAfter(due)) {
            details.put("late", "no GO file since " + since + (received.isEmpty() ? " (start-up; none received yet)" : "")
                    + "; ESR sends one every " + settings.expectedEvery());
            return Health.status(LATE).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    private Optional<LastFile> last(String column, String condition) {
        return jdbc.sql("select file_name, " + column + " from file_ledger where direction = 'FROM_ESR' and "
                        + condition + " and " + column + " is not null order by " + column + " desc limit 1")
                .query((rs, n) -> new LastFile(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }
}
