package health.patchwork.esr.outbound.health;

import java.time.Clock;
import java.time.Instant;

import health.patchwork.esr.formats.validate.SequenceState;
import health.patchwork.esr.outbound.ledger.FileLedger;
import health.patchwork.esr.outbound.ledger.LedgerState;
import health.patchwork.esr.outbound.sequence.SequenceStore;
import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.support.health.Attention;
import health.patchwork.esr.support.health.DatabaseBackedHealthIndicator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The feed's alert (docs/spec/README.md §7.4, §7.5): ATTENTION while change files are held or a full refresh is awaited, DOWN
 * once a requested refresh is overdue, with gauges for the same facts so that monitoring can page on them.
 */
@Component("outboundFeed")
public class FeedHealth extends DatabaseBackedHealthIndicator {

    /** Ordered between DOWN and UP in application.yml and answered with HTTP 200: a warning, not an outage. */
    public static final Status ATTENTION = Attention.because("files are held; see details");

    private final FileLedger ledger;
    private final SequenceStore sequence;
    private final OutboundSettings settings;
    private final Clock clock;

    public FeedHealth(FileLedger ledger, SequenceStore sequence, OutboundSettings settings, Clock clock,
                      MeterRegistry meters) {
        this.ledger = ledger;
        this.sequence = sequence;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder("esr.outbound.files.held", () -> ledger.countInState(LedgerState.HELD))
                .description("files held by the sequence rules or the full-file threshold").register(meters);
        Gauge.builder("esr.outbound.files.quarantined", () -> ledger.countInState(LedgerState.QUARANTINED))
                .description("files rejected and kept in quarantine").register(meters);
        Gauge.builder("esr.outbound.refresh.pending", () -> sequence.read().refreshPending() ? 1 : 0)
                .description("1 while a full refresh is awaited").register(meters);
    }

    private record Facts(boolean refreshPending, Instant pendingSince, long held, long lastSeq) {
    }

    @Override
    protected Health check() {
        Facts facts = facts();
        Health.Builder builder = facts.refreshPending() || facts.held() > 0 ? Health.status(ATTENTION) : Health.up();
        if (facts.refreshPending() && facts.pendingSince() != null
                && facts.pendingSince().plus(settings.refreshAlertAfter()).isBefore(clock.instant())) {
            builder = Health.down();
        }
        return builder.withDetail("lastSequence", facts.lastSeq()).withDetail("refreshPending", facts.refreshPending())
                .withDetail("heldFiles", facts.held()).build();
    }

    private Facts facts() {
        SequenceState state = sequence.read();
        return new Facts(state.refreshPending(), ledger.lastRefreshRequestSent().orElse(null),
                ledger.countInState(LedgerState.HELD), state.lastSeq());
    }
}
