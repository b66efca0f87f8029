package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lines posted, cut-off, and what lands on the (real, embedded) SFTP mailbox, compared byte for byte. */
@ServiceTest
class ExportTest {

    static final String N_FILE = "TA_123_PWH_MN2708_00000001.DAT";
    static final String S_FILE = "TA_123_PWH_MS2708_00000002.DAT";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock);
        api = new Api(port);
    }

    /** The four claims behind the spec's sample file (docs/spec/inbound-files.md §2.5). */
    void postOctoberLines() {
        Api.Response posted = api.post("/api/v1/timesheet-lines", batch(
                line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                "{\"lineId\":\"L2\",\"assignmentNumber\":\"20000001-2\",\"dateWorked\":\"2026-10-25\","
                        + "\"payCode\":\"BANK\",\"quantity\":11.5,\"costCentre\":\"123A7200\"}",
                line("L3", "20000003", "2026-10-27", "OT_PLAIN", "4"),
                line("L4", "20000003", "2026-10-13", "OT_PLAIN", "4.00")));
        assertThat(posted.status()).isEqualTo(200);
    }

    @Test
    void atTheCutOffThePeriodsLinesGoIntoOneFileThatMatchesTheSpecByteForByte() throws IOException {
        postOctoberLines();
        assertThat(api.post("/api/v1/exports/cut-off", "").body().size()).as("before the cut-off").isZero();
        assertThat(meters.get("esr.attendance.lines.awaiting.export").gauge().value()).isEqualTo(4);

        clock.set("2026-11-03T09:30:00Z");
        Api.Response cutOff = api.post("/api/v1/exports/cut-off", "");

        assertThat(cutOff.text("/0/fileName")).isEqualTo(N_FILE);
        assertThat(cutOff.text("/0/state")).isEqualTo("UPLOADED");
        assertThat(mailbox.resolve("/in/" + N_FILE)).hasBinaryContent(expected(N_FILE));
        assertThat(inbox()).containsExactly(N_FILE);
        assertThat(meters.get("esr.attendance.lines.awaiting.export").gauge().value()).isZero();
        assertThat(api.get("/api/v1/timesheet-lines/L2").text("/status")).isEqualTo("EXPORTED");
        assertThat(api.get("/api/v1/timesheet-lines/L2").text("/fileName")).isEqualTo(N_FILE);
        assertThat(api.get("/api/v1/timesheet-lines/L2").body().at("/entries/0/rowNumber").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/files/" + N_FILE).body().get("rows").asInt()).isEqualTo(4);
    }

    @Test
    void aCorrectionAfterExportSendsAReversalAndTheNewClaimInTheNextFile() throws IOException {
        postOctoberLines();
        clock.set("2026-11-03T09:30:00Z");
        api.post("/api/v1/exports/cut-off", "");

        Api.Response repost = api.post("/api/v1/timesheet-lines",
                batch(line("L4", "20000003", "2026-10-13", "OT_PLAIN", "3")));
        assertThat(repost.status()).isEqualTo(422);
        assertThat(repost.text("/errors/0/reason")).contains(N_FILE).contains("/api/v1/timesheet-lines/L4/corrections");

        Api.Response corrected = api.post("/api/v1/timesheet-lines/L4/corrections",
                "{\"assignmentNumber\":\"20000003\",\"dateWorked\":\"2026-10-13\",\"payCode\":\"OT_PLAIN\",\"quantity\":3}");
        assertThat(corrected.text("/outcome")).isEqualTo("CORRECTED");
        assertThat(api.get("/api/v1/timesheet-lines/L4").text("/status")).isEqualTo("CORRECTION_PENDING");

        clock.set("2026-11-03T10:00:00Z");
        api.post("/api/v1/exports/cut-off", "");

        assertThat(mailbox.resolve("/in/" + N_FILE)).as("a sent file is never edited").hasBinaryContent(expected(N_FILE));
        assertThat(mailbox.resolve("/in/" + S_FILE)).hasBinaryContent(expected(S_FILE));
        assertThat(api.get("/api/v1/timesheet-lines/L4").text("/fileName")).isEqualTo(S_FILE);
        Api.Response many = api.get("/api/v1/timesheet-lines?lineId=L1&lineId=L4&lineId=NOPE");
        assertThat(many.body().valueStream().map(l -> l.get("lineId").asString() + " " + l.get("status").asString()
                + " " + l.get("fileName").asString() + " " + l.get("entries").size()).toList())
                .containsExactly("L1 EXPORTED " + N_FILE + " 1", "L4 EXPORTED " + S_FILE + " 3");
    }

    @Test
    void lateLinesGoIntoASupplementaryRunOfTheirPeriod() throws IOException {
        postOctoberLines();
        clock.set("2026-11-03T09:30:00Z");
        api.post("/api/v1/exports/cut-off", "");

        clock.set("2026-11-05T18:00:00Z");
        assertThat(api.post("/api/v1/timesheet-lines",
                batch(line("L9", "20000001", "2026-10-30", "BANK", "6"))).status()).isEqualTo(200);
        Api.Response cutOff = api.post("/api/v1/exports/cut-off", "");

        assertThat(cutOff.text("/0/fileName")).isEqualTo("TA_123_PWH_MS2708_00000002.DAT");
        assertThat(cutOff.text("/0/run")).isEqualTo("SUPPLEMENTARY");
        assertThat(Files.readString(mailbox.resolve("/in/TA_123_PWH_MS2708_00000002.DAT"),
                java.nio.charset.StandardCharsets.ISO_8859_1).split("\r"))
                .containsExactly("HDR,TA_123_PWH_MS2708_00000002.DAT,20261105180000,PWH,123,M,S,08",
                        "ATT,20261105,ADD,,20000001,20261030,\"Bank Hours Worked\",\"Hours\",6.00,\"Date Worked\","
                                + "30-Oct-2026" + ",".repeat(32),
                        "FTR,1,0");
    }

    @Test
    void withdrawingASentLineSendsOnlyItsReversal() {
        postOctoberLines();
        clock.set("2026-11-03T09:30:00Z");
        api.post("/api/v1/exports/cut-off", "");

        assertThat(api.delete("/api/v1/timesheet-lines/L1").text("/outcome")).isEqualTo("WITHDRAWN");
        Api.Response cutOff = api.post("/api/v1/exports/cut-off", "");

        assertThat(cutOff.body().get(0).get("rows").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/status")).isEqualTo("REVERSED");
        assertThat(api.get("/api/v1/periods/27/8/summary").body().toString())
                .contains("{\"element\":\"Unsocial Hours Saturday\",\"rows\":2,\"quantity\":0.00,\"pendingRows\":0}");
    }

    @Test
    void anOperatorCanExportAPeriodBeforeItsCutOffAndNothingPendingMakesNoFile() {
        postOctoberLines();

        Api.Response early = api.post("/api/v1/exports", "{\"taxYear\":27,\"period\":8}");
        Api.Response nothing = api.post("/api/v1/exports", "{\"taxYear\":27,\"period\":8}");

        assertThat(early.status()).isEqualTo(201);
        assertThat(early.text("/fileName")).isEqualTo("TA_123_PWH_MN2708_00000001.DAT");
        assertThat(nothing.status()).isEqualTo(204);
        assertThat(inbox()).containsExactly("TA_123_PWH_MN2708_00000001.DAT");
        assertThat(api.post("/api/v1/exports", "{\"taxYear\":27}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/periods/27/60/summary").status()).isEqualTo(400);
    }

    @Test
    void theFileCarriesTheTransliteratedText() throws IOException {
        api.post("/api/v1/timesheet-lines", batch("{\"lineId\":\"T1\",\"assignmentNumber\":\"20000001\","
                + "\"dateWorked\":\"2026-10-24\",\"payCode\":\"BANK\",\"quantity\":7.5,\"costCentre\":\"O\u2019NEIL\"}"));

        String name = api.post("/api/v1/exports", "{\"taxYear\":27,\"period\":8}").text("/fileName");

        assertThat(Files.readString(mailbox.resolve("/in/" + name), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(",O'NEIL,");
    }

    @Test
    void thePeriodSummaryTotalsPerElementAndCostCentre() {
        postOctoberLines();

        var summary = api.get("/api/v1/periods/27/8/summary").body();

        assertThat(summary.get("period").asString()).isEqualTo("2708");
        assertThat(summary.get("totals").toString()).isEqualTo("["
                + "{\"element\":\"Bank Hours Worked\",\"costCentre\":\"123A7200\",\"rows\":1,\"quantity\":11.50,\"pendingRows\":1},"
                + "{\"element\":\"Overtime Plain Time\",\"rows\":2,\"quantity\":8.00,\"pendingRows\":2},"
                + "{\"element\":\"Unsocial Hours Saturday\",\"rows\":1,\"quantity\":7.50,\"pendingRows\":1}]");
    }

    List<String> inbox() {
        try (Stream<Path> files = Files.list(mailbox.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] expected(String name) throws IOException {
        try (InputStream in = ExportTest.class.getResourceAsStream("/expected/" + name)) {
            return in.readAllBytes();
        }
    }
}
