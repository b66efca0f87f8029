package health.patchwork.esr.absence.export;

import static health.patchwork.esr.absence.export.AbsenceExportTest.LEAVE_131;
import static health.patchwork.esr.absence.export.AbsenceExportTest.SICK_132;
import static health.patchwork.esr.absence.export.AbsenceExportTest.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.absence.support.CrashSwitch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change of dates, an end or a cancellation that arrives while an AB export holds the absence: the export is held
 * at its last step before commit (rows written, absences marked sent, row locks held) while the change runs on
 * another thread, then let go. What ESR holds after reading every file must be the absence as it stands in the end,
 * each row applying to what ESR held then (no ADD over an absence ESR has, no DEL or END of one it has not), and the
 * answer to the change must say that it is still to be sent.
 */
class AbsenceRaceTest extends AbsenceServiceTest {

    static final String FIRST = "AB_123_PWH_MN2708_00000001.DAT";
    static final String SECOND = "AB_123_PWH_MS2708_00000002.DAT";

    ExecutorService threads;

    @BeforeEach
    void postAbsences() {
        threads = Executors.newFixedThreadPool(2);
        assertThat(post("/api/v1/absences", batch(LEAVE_131, SICK_132)).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        crash.disarm();
        threads.shutdownNow();
    }

    @Test
    void newDatesWhileTheExportHoldsTheAbsenceGoOutInTheNextFile() throws Exception {
        Response changed = whileTheExportHolds(() -> put("/api/v1/absences/A000131/dates",
                "{\"startDate\": \"2026-11-17\", \"endDate\": \"2026-11-17\", \"units\": 7.5}"));
        Response next = post("/api/v1/periods/M2708/finalise");

        Map<String, List<String>> esr = esrHolds();
        assertThat(esr.get("PWH-A000131").subList(3, 9)).as("start date and time, end date and time, days, hours")
                .containsExactly("20261117", "", "20261117", "", "", "7.50");
        assertThat(esr).containsKey("PWH-A000132");
        assertThat(next.<String>json("$.file")).isEqualTo(SECOND);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.<String>json("$.lastFile")).as("the file the export was making").isEqualTo(FIRST);
        assertThat(changed.<Boolean>json("$.changesPending")).as("the change is still to be sent").isTrue();
        assertThat(get("/api/v1/absences/A000131").<Boolean>json("$.changesPending")).isFalse();
    }

    @Test
    void aCancellationWhileTheExportHoldsTheAbsenceWithdrawsItInTheNextFile() throws Exception {
        Response cancelled = whileTheExportHolds(() -> post("/api/v1/absences/A000131/cancel"));
        Response next = post("/api/v1/periods/M2708/finalise");

        assertThat(esrHolds()).doesNotContainKey("PWH-A000131").containsKey("PWH-A000132");
        assertThat(next.<String>json("$.file")).isEqualTo(SECOND);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.<String>json("$.lastFile")).isEqualTo(FIRST);
        assertThat(cancelled.<Boolean>json("$.changesPending")).isTrue();
        assertThat(get("/api/v1/absences/A000131").<String>json("$.status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void anEndWhileTheExportHoldsTheSicknessGoesOutInTheNextFile() throws Exception {
        Response ended = whileTheExportHolds(() -> post("/api/v1/absences/A000132/end",
                "{\"endDate\": \"2026-11-06\"}"));
        Response next = post("/api/v1/periods/M2708/finalise");

        assertThat(esrHolds().get("PWH-A000132").subList(3, 7)).as("start date and time, end date and time")
                .containsExactly("20261102", "", "20261106", "");
        assertThat(next.<String>json("$.file")).isEqualTo(SECOND);
        assertThat(records(SECOND)).anyMatch(r -> r.startsWith("ABS,20261103,END,"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.<Boolean>json("$.changesPending")).isTrue();
    }

    /** Finalises M2708, holds its export before commit, runs {@code change}, lets the export go; the change's answer. */
    Response whileTheExportHolds(Supplier<Response> change) throws Exception {
        CrashSwitch.Pause held = crash.pauseAt(CrashSwitch.Step.BEFORE_COMMIT);
        CompletableFuture<Response> finalising = CompletableFuture.supplyAsync(
                () -> post("/api/v1/periods/M2708/finalise"), threads);
        held.awaitReached();
        CompletableFuture<Response> changing = CompletableFuture.supplyAsync(change, threads);
        await().atMost(Duration.ofSeconds(60)).until(() -> changing.isDone() || jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'
                  and cardinality(pg_blocking_pids(pid)) > 0""", Integer.class) > 0);
        assertThat(changing).as("the change waits for the export's transaction").isNotDone();
        held.release();
        assertThat(finalising.get().<String>json("$.file")).isEqualTo(FIRST);
        return changing.get();
    }

    /**
     * What ESR holds from us after reading every AB file in sequence order: per reference (ABS field 18), the fields
     * from the assignment on of the row that stands. An ADD over an absence it holds, or an END or DEL of one it does
     * not, is an error ESR would report, and fails the test.
     */
    Map<String, List<String>> esrHolds() throws IOException {
        Map<String, List<String>> held = new TreeMap<>();
        List<String> files = inboundFiles().stream().filter(n -> n.endsWith(".DAT"))
                .sorted(Comparator.comparing(n -> n.substring(n.lastIndexOf('_') + 1))).toList();
        for (String file : files) {
            for (String record : records(file)) {
                if (!record.startsWith("ABS,")) {
                    continue;
                }
                String[] f = record.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
                String reference = f[18];
                List<String> values = Arrays.asList(f).subList(4, f.length);
                switch (f[2]) {
                    case "ADD" -> assertThat(held.put(reference, values)).as(file + ": ADD of a held " + reference)
                            .isNull();
                    case "END" -> assertThat(held.replace(reference, values)).as(file + ": END of " + reference)
                            .isNotNull();
                    case "DEL" -> assertThat(held.remove(reference)).as(file + ": DEL of " + reference).isNotNull();
                    default -> throw new AssertionError("unknown operation in " + record);
                }
            }
        }
        return held;
    }
}
