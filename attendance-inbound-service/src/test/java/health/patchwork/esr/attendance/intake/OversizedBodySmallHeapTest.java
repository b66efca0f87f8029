package health.patchwork.esr.attendance.intake;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.testsupport.http.RawHttp;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A body of about 300MB, streamed chunked, against the whole service in a JVM of 256MB heap (the surefire execution
 * {@code small-heap} in this module's pom runs this class with {@code -Xmx256m}): without the request-size limit
 * Jackson would build a list of 1.5 million lines and the heap would run out. It gets a 413 problem detail, nothing
 * is stored, and the service goes on answering.
 */
@ServiceTest
class OversizedBodySmallHeapTest {

    private static final String LINE = "{\"lineId\":\"FLOOD\",\"assignmentNumber\":\"20000001\","
            + "\"dateWorked\":\"2026-10-24\",\"payCode\":\"BANK\",\"quantity\":7.5,\"costCentre\":\"123A7100\"},";
    private static final long LINES = 300L * 1024 * 1024 / LINE.length();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aThreeHundredMegabyteChunkedBodyIsA413AndTheServiceStillAnswers() throws Exception {
        long storedBefore = jdbc.queryForObject("select count(*) from attendance.timesheet_line", Long.class);

        RawHttp.Response chunked = RawHttp.postChunked("127.0.0.1", port, "/api/v1/timesheet-lines",
                "Bearer " + TestTokens.platform(), "{\"lines\":[", LINE, LINES, LINE.replace("},", "}]}"));
        RawHttp.Response declared = RawHttp.postDeclaringLength("127.0.0.1", port, "/api/v1/timesheet-lines",
                "Bearer " + TestTokens.platform(), 300L * 1024 * 1024, "{\"lines\":[");

        for (RawHttp.Response response : new RawHttp.Response[] {chunked, declared}) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(response.body()).contains("urn:esr-suite:problem:request-too-large")
                    .contains("\"field\":\"body\"").doesNotContain("OutOfMemoryError");
        }
        assertThat(jdbc.queryForObject("select count(*) from attendance.timesheet_line", Long.class))
                .isEqualTo(storedBefore);
        Api api = new Api(port);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/timesheet-lines", "{\"lines\":[]}").status())
                .as("a small request is still read").isEqualTo(400);
        // the point of the test: it ran in a small heap (the surefire execution small-heap), where the list would
        // not fit; run in the default execution it only shows the 413
        if (Boolean.getBoolean("esr.test.small-heap")) {
            assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        }
    }
}
