package health.patchwork.esr.support.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the service's real mailbox work and the background probe last saw, for health: served from memory, so a
 * health request never logs in to ESR. Failures the server answered (a file refused, not there) say the connection
 * works and are kept apart from connection failures (no login, no answer, a stalled transfer).
 */
public final class MailboxActivity {

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Outcome> lastConnection = new AtomicReference<>();
    private final AtomicReference<Outcome> lastSuccess = new AtomicReference<>();
    private final AtomicReference<Outcome> lastProbe = new AtomicReference<>();
    private final AtomicReference<Outcome> lastFileFailure = new AtomicReference<>();

    public MailboxActivity(Clock clock) {
        this.clock = clock;
    }

    /** One operation's result: whether the mailbox answered, and the operator-readable error if it failed. */
    public record Outcome(String operation, Instant at, boolean succeeded, String error) {
    }

    /** An operation still running, and when it must have finished by. */
    public record InFlight(String operation, Instant started, Instant deadline) {
    }

    long begin(String operation, Duration deadline) {
        long id = ids.incrementAndGet();
        Instant now = clock.instant();
        inFlight.put(id, new InFlight(operation, now, now.plus(deadline)));
        return id;
    }

    void succeeded(long id, String operation) {
        inFlight.remove(id);
        Outcome outcome = new Outcome(operation, clock.instant(), true, null);
        lastConnection.set(outcome);
        lastSuccess.set(outcome);
    }

    /** {@code answered}: the server answered (the file was refused or missing), so the connection itself works. */
    void failed(long id, String operation, String error, boolean answered) {
        inFlight.remove(id);
        Outcome outcome = new Outcome(operation, clock.instant(), false, error);
        if (answered) {
            lastFileFailure.set(outcome);
            Outcome connected = new Outcome(operation, outcome.at(), true, null);
            lastConnection.set(connected);
            lastSuccess.set(connected);
        } else {
            lastConnection.set(outcome);
        }
    }

    void probed(Outcome outcome) {
        lastProbe.set(outcome);
        Outcome previous = lastConnection.get();
        if (previous == null || !previous.at().isAfter(outcome.at())) {
            lastConnection.set(outcome);
        }
        if (outcome.succeeded()) {
            lastSuccess.set(outcome);
        }
    }

    /** The latest connection-level outcome, from real work or the probe, whichever came last. */
    public Outcome lastConnection() {
        return lastConnection.get();
    }

    public Outcome lastSuccess() {
        return lastSuccess.get();
    }

    public Outcome lastProbe() {
        return lastProbe.get();
    }

    public Outcome lastFileFailure() {
        return lastFileFailure.get();
    }

    /** Operations running past their deadline: a stalled transfer the watchdog has not ended yet. */
    public List<InFlight> overdue() {
        Instant now = clock.instant();
        return inFlight.values().stream().filter(op -> now.isAfter(op.deadline()))
                .sorted(Comparator.comparing(InFlight::started)).toList();
    }

    /** Operations running now, oldest first. */
    public List<InFlight> running() {
        return inFlight.values().stream().sorted(Comparator.comparing(InFlight::started)).toList();
    }
}
