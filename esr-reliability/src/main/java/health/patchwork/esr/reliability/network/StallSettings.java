package health.patchwork.esr.reliability.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mailbox transport settings the stalled-transfer scenarios give the services (short, so that a trial is
 * seconds, not the production minutes), the deadline a stalled transfer must be abandoned by, and the figures a
 * scenario prints.
 */
final class StallSettings {

    /** {@code esr.mailbox.read-timeout}: longest wait for one answer of the server. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** {@code esr.mailbox.min-throughput}, bytes per second. */
    static final long MIN_THROUGHPUT = 64 * 1024;
    static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(1);
    static final Duration HEALTH_PROBE_INTERVAL = Duration.ofSeconds(2);
    /** {@code esr.mailbox.timeout}: connecting and logging in, which a frozen server never lets finish. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * On top of the service's own limit: its timers and a poll interval (the outbound service polls every second
     * here), and the harness noticing, on a loaded 2-core machine.
     */
    static final Duration ALLOWANCE = Duration.ofSeconds(2);
    /**
     * How long the freeze lasts past the deadline at most, for health to show it: one background probe interval,
     * the probe's own connect timeout, and a second to spare.
     */
    static final Duration HEALTH_GRACE = HEALTH_PROBE_INTERVAL.plus(CONNECT_TIMEOUT).plusSeconds(1);

    private StallSettings() {
    }

    /** {@code environment} with the short transport settings. */
    static void apply(Map<String, String> environment) {
        environment.put("ESR_MAILBOX_READTIMEOUT", READ_TIMEOUT.toSeconds() + "s");
        environment.put("ESR_MAILBOX_KEEPALIVEINTERVAL", KEEP_ALIVE_INTERVAL.toSeconds() + "s");
        environment.put("ESR_MAILBOX_MINTHROUGHPUT", MIN_THROUGHPUT / 1024 + "KB");
        environment.put("ESR_MAILBOX_HEALTHPROBEINTERVAL", HEALTH_PROBE_INTERVAL.toSeconds() + "s");
        environment.put("ESR_MAILBOX_TIMEOUT", CONNECT_TIMEOUT.toSeconds() + "s");
    }

    /**
     * By when a transfer of {@code bytes} that stalled must have been given up: the read timeout plus the size at the
     * minimum throughput (the service's own limit, {@code MailboxSettings.transferDeadline}), plus the allowance.
     * Counted from the moment of the stall, which is later than the transfer's start, so this is never stricter than
     * the service's own limit.
     */
    static Duration deadline(long bytes) {
        return READ_TIMEOUT.plusMillis(bytes * 1000 / MIN_THROUGHPUT).plus(ALLOWANCE);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    /** "after median 2.10 s, max 2.40 s" of the trials that gave the transfer up (and how many, if not all). */
    static String medianAndMax(List<Duration> durations, int trials) {
        if (durations.isEmpty()) {
            return "never";
        }
        List<Duration> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return (n < trials ? "in " + n + " of " + trials + " trials " : "") + "after median " + seconds(median)
                + ", max " + seconds(sorted.get(n - 1));
    }
}
