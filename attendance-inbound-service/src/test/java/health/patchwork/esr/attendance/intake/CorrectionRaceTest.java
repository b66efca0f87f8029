package health.patchwork.esr.attendance.intake;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.CrashSwitch;
import health.patchwork.esr.attendance.CrashSwitch.Point;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.attendance.export.AttendanceExport;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A correction, withdrawal or re-post that arrives while an export holds the line's claim: the export is held at its
 * last step before commit (entries tagged, file written, row locks held) while the change runs on another thread,
 * then let go. Whatever the answer, what ESR receives over all files (claims minus reversals) must equal what the
 * line says in the end, and a 200 must never stand for a change that reaches no file.
 */
@ServiceTest
class CorrectionRaceTest {

    static final String N_FILE = "TA_123_PWH_MN2708_00000001.DAT";
    static final String S_FILE = "TA_123_PWH_MS2708_00000002.DAT";
    static final String L1_KEY = "20000001 20261024 \"Unsocial Hours Saturday\"";
    static final String L2_KEY = "20000001-2 20261025 \"Bank Hours Worked\"";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    CrashSwitch crash;
    @Autowired
    AttendanceExport export;

    Api api;
    ExecutorService threads;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock, crash);
        api = new Api(port);
        threads = Executors.newFixedThreadPool(2);
        assertThat(api.post("/api/v1/timesheet-lines", batch(
                line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                line("L2", "20000001-2", "2026-10-25", "BANK", "11.5"))).status()).isEqualTo(200);
        clock.set("2026-11-03T09:30:00Z");
    }

    @AfterEach
    void stop() {
        crash.disarm();
        threads.shutdownNow();
    }

    @Test
    void aCorrectionWhileTheExportHoldsTheClaimIsSentAsReversalAndNewClaim() throws Exception {
        CrashSwitch.Pause held = crash.pauseAt(Point.BEFORE_COMMIT);
        CompletableFuture<List<ExportedFile>> exporting = CompletableFuture.supplyAsync(export::cutOff, threads);
        held.awaitReached();

        CompletableFuture<Api.Response> correcting = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/timesheet-lines/L1/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\",\"payCode\":\"UNSOC_SAT\",\"quantity\":5}"),
                threads);
        awaitBlockedOnTheExport(correcting);
        held.release();
        assertThat(exporting.get()).extracting(ExportedFile::fileName).containsExactly(N_FILE);
        Api.Response corrected = correcting.get();
        String statusBetween = api.get("/api/v1/timesheet-lines/L1").text("/status");
        clock.set("2026-11-03T10:00:00Z");
        List<ExportedFile> next = export.cutOff();

        assertThat(esrNet()).as("what ESR holds after every file").containsEntry(L1_KEY, new BigDecimal("5.00"))
                .containsEntry(L2_KEY, new BigDecimal("11.50"));
        assertThat(next).extracting(ExportedFile::fileName).containsExactly(S_FILE);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.text("/outcome")).as("the claim went out in the file: reversal + new claim")
                .isEqualTo("CORRECTED");
        assertThat(corrected.text("/exportedIn")).isEqualTo(N_FILE);
        assertThat(statusBetween).isEqualTo("CORRECTION_PENDING");
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/status")).isEqualTo("EXPORTED");
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/fileName")).isEqualTo(S_FILE);
    }

    @Test
    void aWithdrawalWhileTheExportHoldsTheClaimQueuesItsReversal() throws Exception {
        CrashSwitch.Pause held = crash.pauseAt(Point.BEFORE_COMMIT);
        CompletableFuture<List<ExportedFile>> exporting = CompletableFuture.supplyAsync(export::cutOff, threads);
        held.awaitReached();

        CompletableFuture<Api.Response> withdrawing = CompletableFuture.supplyAsync(
                () -> api.delete("/api/v1/timesheet-lines/L1"), threads);
        awaitBlockedOnTheExport(withdrawing);
        held.release();
        assertThat(exporting.get()).extracting(ExportedFile::fileName).containsExactly(N_FILE);
        Api.Response withdrawn = withdrawing.get();
        clock.set("2026-11-03T10:00:00Z");
        List<ExportedFile> next = export.cutOff();

        assertThat(esrNet()).as("what ESR holds after every file").containsEntry(L1_KEY, new BigDecimal("0.00"))
                .containsEntry(L2_KEY, new BigDecimal("11.50"));
        assertThat(next).extracting(ExportedFile::fileName).containsExactly(S_FILE);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("/outcome")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.text("/exportedIn")).as("the claim it could not stop, now reversed").isEqualTo(N_FILE);
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/status")).isEqualTo("REVERSED");
    }

    @Test
    void aCorrectionWaitingForAnExportThatRollsBackAmendsThePendingClaim() throws Exception {
        CrashSwitch.Pause held = crash.pauseAt(Point.BEFORE_COMMIT);
        CompletableFuture<List<ExportedFile>> exporting = CompletableFuture.supplyAsync(export::cutOff, threads);
        held.awaitReached();

        CompletableFuture<Api.Response> correcting = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/timesheet-lines/L1/corrections",
                "{\"assignmentNumber\":\"20000001\",\"dateWorked\":\"2026-10-24\",\"payCode\":\"UNSOC_SAT\",\"quantity\":5}"),
                threads);
        awaitBlockedOnTheExport(correcting);
        held.crash();
        assertThatThrownBy(exporting::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CrashSwitch.Crash.class);
        Api.Response corrected = correcting.get();

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.text("/outcome")).isEqualTo("AMENDED");
        assertThat(corrected.body().has("exportedIn")).isFalse();

        export.recover();
        assertThat(export.cutOff()).extracting(ExportedFile::fileName).containsExactly(N_FILE);
        assertThat(esrNet()).containsEntry(L1_KEY, new BigDecimal("5.00")).containsEntry(L2_KEY, new BigDecimal("11.50"));
        assertThat(inbox()).containsExactly(N_FILE);
    }

    @Test
    void aRepostWhileTheExportHoldsTheClaimIsRefusedNamingTheFile() throws Exception {
        CrashSwitch.Pause held = crash.pauseAt(Point.BEFORE_COMMIT);
        CompletableFuture<List<ExportedFile>> exporting = CompletableFuture.supplyAsync(export::cutOff, threads);
        held.awaitReached();

        CompletableFuture<Api.Response> reposting = CompletableFuture.supplyAsync(() -> api.post(
                "/api/v1/timesheet-lines", batch(line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "6"))), threads);
        awaitBlockedOnTheExport(reposting);
        held.release();
        exporting.get();
        Api.Response reposted = reposting.get();

        assertThat(reposted.status()).isEqualTo(422);
        assertThat(reposted.text("/lines/0/outcome")).isEqualTo("REJECTED");
        assertThat(reposted.text("/errors/0/field")).isEqualTo("lines[0].lineId");
        assertThat(reposted.text("/errors/0/reason")).contains(N_FILE).contains("/corrections");
        assertThat(esrNet()).containsEntry(L1_KEY, new BigDecimal("7.50"));
        assertThat(jdbc.queryForObject("select quantity from attendance.timesheet_line where line_id = 'L1'",
                BigDecimal.class)).isEqualByComparingTo("7.5");
    }

    @Test
    void aWithdrawalWhoseWriteReachesNoRowIsRefusedAndChangesNothing() {
        // stands in for any write that finds its row gone: the database silently skips deleting the claim
        jdbc.execute("""
                create function attendance.keep_row() returns trigger language plpgsql as 'begin return null; end'""");
        jdbc.execute("""
                create trigger keep_l1 before delete on attendance.export_entry
                for each row when (old.line_id = 'L1') execute function attendance.keep_row()""");
        try {
            Api.Response withdrawn = api.delete("/api/v1/timesheet-lines/L1");

            assertThat(withdrawn.status()).as("never 200 for a no-op").isEqualTo(409);
            assertThat(withdrawn.contentType()).startsWith("application/problem+json");
            assertThat(withdrawn.text("/errors/0/field")).isEqualTo("lineId");
            assertThat(withdrawn.body().toString()).doesNotContain("Exception").doesNotContain("at health.");
        } finally {
            jdbc.execute("drop trigger keep_l1 on attendance.export_entry");
            jdbc.execute("drop function attendance.keep_row()");
        }
        assertThat(api.get("/api/v1/timesheet-lines/L1").text("/status")).isEqualTo("PENDING");
    }

    /** Until the request's transaction waits for a row lock the held export has; fails if it finished instead. */
    void awaitBlockedOnTheExport(CompletableFuture<?> request) {
        await().atMost(Duration.ofSeconds(60)).until(() -> request.isDone() || jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and cardinality(pg_blocking_pids(pid)) > 0""", Integer.class) > 0);
        assertThat(request).as("the request waits for the export's transaction").isNotDone();
    }

    /**
     * What ESR holds from us after reading every file in the mailbox: per assignment, date earned and element, the
     * sum of the first input value (hours) over all ATT rows; a reversal carries it negated.
     */
    Map<String, BigDecimal> esrNet() throws IOException {
        Map<String, BigDecimal> net = new TreeMap<>();
        for (String name : inbox()) {
            for (String record : Files.readString(mailbox.resolve("/in/" + name), StandardCharsets.ISO_8859_1)
                    .split("\r")) {
                if (record.startsWith("ATT,")) {
                    String[] f = record.split(",", -1);
                    net.merge(f[4] + " " + f[5] + " " + f[6], new BigDecimal(f[8]), BigDecimal::add);
                }
            }
        }
        return net;
    }

    List<String> inbox() throws IOException {
        try (Stream<Path> files = Files.list(mailbox.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".DAT")).sorted().toList();
        }
    }
}
