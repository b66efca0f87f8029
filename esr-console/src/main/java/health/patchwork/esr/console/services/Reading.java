package health.patchwork.esr.console.services;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * What one read from a service gave: its JSON, or why there is none, in words a page can show. A service that is
 * down or slow is a reading like any other, never an exception that would turn a page into an error.
 *
 * @param status the HTTP status, 0 when there was no answer
 * @param body the JSON answer, when {@link #answered()}
 * @param reason why there is no answer (or what the answer refused), for the page
 */
public record Reading(Outcome outcome, int status, @Nullable JsonNode body, String reason) {

    public enum Outcome {
        /** The service answered with JSON (a DOWN health answers 503 with its components, and counts). */
        ANSWERED,
        /** The service has no such endpoint (e.g. an older version without webhook notifications). */
        NOT_FOUND,
        /** The service refused the console's credentials (401) or role (403). */
        REFUSED,
        /** Any other answer: a server error, or something that is not JSON. */
        FAILED,
        /** No answer: refused connection, unknown host, or nothing within the read timeout. */
        UNREACHABLE,
        /** The console has no token to present, so it did not ask. */
        NO_CREDENTIALS
    }

    public static Reading answered(int status, JsonNode body) {
        return new Reading(Outcome.ANSWERED, status, body, "");
    }

    public static Reading failed(Outcome outcome, int status, String reason) {
        return new Reading(outcome, status, null, reason);
    }

    public boolean answered() {
        return outcome == Outcome.ANSWERED;
    }
}
