package health.patchwork.esr.reliability.network;

import java.time.Duration;
import java.util.regex.Pattern;

import health.patchwork.esr.reliability.service.ServiceHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * What {@code /actuator/health} shows an operator (token with details) of the {@code mailbox} component over one
 * trial: whether it went DOWN with an error that names the stall or a timeout, when, and how slowly health answered
 * (health is served from a background probe, so it should answer at once even while the mailbox is frozen).
 */
final class MailboxHealthWatch {

    /** What an error about a silent server says: a stall, a timeout, no answer. */
    static final Pattern STALL_ERROR = Pattern.compile(
            "(?i)stall|time[d]?[ -]?out|no answer|no response|silent|unresponsive");

    private final ServiceHttp http;
    private final long since;
    private String downError;
    private long downAt = -1;
    private String lastSeen = "(no answer yet)";
    private long slowestMillis;
    private int polls;
    private int answersSinceDown;
    private int namingSinceDown;

    /** Counts times from {@code sinceNanos} ({@link System#nanoTime()}). */
    MailboxHealthWatch(int port, long sinceNanos) {
        this.http = new ServiceHttp(port, Duration.ofSeconds(15));
        this.since = sinceNanos;
    }

    /** One health request. */
    void poll() {
        long start = System.nanoTime();
        ServiceHttp.Reply reply = http.get("/actuator/health", TestTokens.operator());
        long end = System.nanoTime();
        polls++;
        slowestMillis = Math.max(slowestMillis, (end - start) / 1_000_000);
        if (reply.status() == 0) {
            lastSeen = "no answer within 15 s";
            return;
        }
        JsonNode mailbox = reply.body().path("components").path("mailbox");
        String status = mailbox.path("status").asString("");
        String error = mailbox.path("details").path("error").asString("");
        lastSeen = "HTTP " + reply.status() + ", mailbox " + status + (error.isEmpty() ? "" : ": " + error);
        boolean naming = "DOWN".equals(status) && STALL_ERROR.matcher(error).find();
        if (downAt < 0 && naming) {
            downAt = end;
            downError = error;
        }
        if (downAt >= 0) {
            answersSinceDown++;
            namingSinceDown += naming ? 1 : 0;
        }
    }

    /** "k of n": of the answers from the first that named the stall on, how many still did. */
    String namingSinceDown() {
        return namingSinceDown + " of " + answersSinceDown;
    }

    boolean sawStallDown() {
        return downAt >= 0;
    }

    /** How long after the start the mailbox was first seen DOWN naming the stall. */
    Duration downAfter() {
        return Duration.ofNanos(downAt - since);
    }

    String downError() {
        return downError;
    }

    /** The last answer, for a failure report. */
    String lastSeen() {
        return lastSeen;
    }

    long slowestMillis() {
        return slowestMillis;
    }

    int polls() {
        return polls;
    }
}
