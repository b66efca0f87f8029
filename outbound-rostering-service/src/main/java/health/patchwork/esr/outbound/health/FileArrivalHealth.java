package health.patchwork.esr.outbound.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
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

    private final FileLedger ledger;
    private final OutboundSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    @Autowired
    public FileArrivalHealth(FileLedger ledger, OutboundSettings settings, Clock clock) {
        this(ledger, settings, clock, clock.instant());
    }

    public FileArrivalHealth(FileLedger ledger, OutboundSettings settings, Clock clock, Instant startedAt) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = startedAt;
    }

    @Override
    protected Health check() {
        Optional<FileLedger.Moment> received = ledger.lastReceived();
        Optional<FileLedger.Moment> applied = ledger.lastApplied();
        long quarantined = ledger.quarantinedKept();
        Map<String, Object> details = new LinkedHashMap<>();
        received.ifPresent(f -> details.put("lastReceived", Map.of("file", f.fileName(), "at", f.at().toString())));
        applied.ifPresent(f -> details.put("lastApplied", Map.of("file", f.fileName(), "at", f.at().toString())));
        details.put("quarantinedFiles", quarantined);
        Optional<Duration> lateAfter = settings.lateAfter();
        if (lateAfter.isEmpty()) {
            details.put("expected", "no schedule (esr.outbound.expected-every=-)");
            return Health.up().withDetails(details).build();
        }
        Instant since = received.map(FileLedger.Moment::at).orElse(startedAt);
        Instant due = since.plus(lateAfter.get());
        details.put("nextFileLateAfter", due.toString());
        if (clock.instant().isAfter(due)) {
            details.put("late", "no GO file since " + since + (received.isEmpty() ? " (start-up; none received yet)" : "")
                    + "; ESR sends one every " + settings.expectedEvery());
            return Health.status(LATE).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

}
