package health.patchwork.esr.reliability.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.reliability.HarnessDatabase;
import health.patchwork.esr.reliability.HarnessHttp;
import health.patchwork.esr.testsupport.http.RawHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * Bodies past the services' request limits (issue #16), against each inbound batch endpoint: one larger than
 * {@code esr.web.max-request-size} sent whole with its Content-Length, one streamed chunked far past it, and one
 * nested thousands of levels deep inside the limit. Each must get a 4xx problem detail (413 for the oversized
 * ones) and nothing may be stored. They are sent with {@link RawHttp}, which reads the answer while it writes,
 * because a service that refuses a body closes the connection without reading the rest.
 */
final class LimitTrials {

    /** An inbound batch endpoint and the table its items land in. */
    record Target(String service, String path, String listField, String item, String table) {
    }

    /** What one trial sent and what came back; {@code failure} null when it passed. */
    record Outcome(String name, int status, String failure) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("attendance-inbound-service", "/api/v1/timesheet-lines", "lines",
                    "{\"lineId\":\"LIMIT-1\",\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\","
                            + "\"payCode\":\"BANK\",\"quantity\":7.5}", "attendance.timesheet_line"),
            new Target("absence-inbound-service", "/api/v1/absences", "absences",
                    "{\"absenceId\":\"LIMIT-1\",\"assignmentNumber\":\"20000001\",\"category\":\"SICKNESS\","
                            + "\"reason\":\"S13\",\"startDate\":\"2026-10-26\",\"openEnded\":true}",
                    "absence.absence"));

    /** Over the 2MB default with room to spare, so that any setting near the default is passed too. */
    private static final int WHOLE_BODY_BYTES = 3 * 1024 * 1024;
    /** Streamed until the service stops reading; it should stop after about 2MB. */
    private static final long CHUNKED_BODY_BYTES = 64L * 1024 * 1024;
    private static final int NESTING_DEPTH = 5_000;

    private LimitTrials() {
    }

    /** Runs every trial against the services at {@code baseUrls} (service name to base URL). */
    static List<Outcome> run(Map<String, String> baseUrls, HarnessDatabase database) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : TARGETS) {
            String baseUrl = baseUrls.get(target.service());
            if (baseUrl == null) {
                continue;
            }
            long storedBefore = database.count("select count(*) from " + target.table());
            outcomes.add(trial(target, "oversized body with Content-Length", baseUrl, true,
                    () -> RawHttp.post(host(baseUrl), port(baseUrl), target.path(), auth(), "application/json",
                            wholeBody(target))));
            outcomes.add(trial(target, "oversized chunked body", baseUrl, true,
                    () -> RawHttp.postChunked(host(baseUrl), port(baseUrl), target.path(), auth(),
                            "{\"" + target.listField() + "\":[", target.item() + ",",
                            CHUNKED_BODY_BYTES / (target.item().length() + 1), target.item() + "]}")));
            outcomes.add(trial(target, "deeply nested body", baseUrl, false,
                    () -> RawHttp.post(host(baseUrl), port(baseUrl), target.path(), auth(), "application/json",
                            nested(target))));
            long storedAfter = database.count("select count(*) from " + target.table());
            if (storedAfter != storedBefore) {
                outcomes.add(new Outcome(target.service() + " limit trials", 0, (storedAfter - storedBefore)
                        + " rows stored in " + target.table() + " by bodies that were refused"));
            }
        }
        return outcomes;
    }

    interface Send {
        RawHttp.Response send() throws IOException;
    }

    private static Outcome trial(Target target, String kind, String baseUrl, boolean oversized, Send send) {
        String name = kind + " -> " + target.service() + " POST " + target.path();
        RawHttp.Response response;
        try {
            response = send.send();
        } catch (IOException e) {
            return new Outcome(name, 0, "no answer: " + e.getClass().getSimpleName());
        }
        HarnessHttp.Reply reply = new HarnessHttp.Reply(response.status(),
                response.headers().getOrDefault("content-type", ""), response.body());
        String verdict = BadRestInputScenario.verdict("POST", reply);
        if (verdict == null && oversized && response.status() != 413) {
            verdict = "HTTP " + response.status() + " instead of 413";
        }
        if (verdict == null && reply.status() < 400) {
            verdict = "HTTP " + reply.status() + " for a body that must be refused";
        }
        return new Outcome(name, response.status(), verdict);
    }

    private static byte[] wholeBody(Target target) {
        StringBuilder body = new StringBuilder(WHOLE_BODY_BYTES + 1024).append("{\"").append(target.listField())
                .append("\":[");
        while (body.length() < WHOLE_BODY_BYTES) {
            body.append(target.item()).append(',');
        }
        return body.append(target.item()).append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A list item whose first field holds arrays nested far past the parser's depth limit. */
    private static byte[] nested(Target target) {
        String firstField = target.item().substring(0, target.item().indexOf(':') + 1);
        return ("{\"" + target.listField() + "\":[" + firstField + "[".repeat(NESTING_DEPTH)
                + "]".repeat(NESTING_DEPTH) + "}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String auth() {
        return "Bearer " + TestTokens.platformAndOperator();
    }

    private static String host(String baseUrl) {
        return URI.create(baseUrl).getHost();
    }

    private static int port(String baseUrl) {
        return URI.create(baseUrl).getPort();
    }
}
