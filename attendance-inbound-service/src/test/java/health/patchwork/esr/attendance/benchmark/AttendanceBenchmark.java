package health.patchwork.esr.attendance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.attendance.export.AttendanceExport;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.export.ExportedFile;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmarks, not timed tests: they assert correctness only and print their figures (docs/benchmarks.md). Excluded
 * from the normal build; run with
 * {@code ./mvnw -B -pl attendance-inbound-service -am verify -Dtest=AttendanceBenchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@ServiceTest
class AttendanceBenchmark {

    static final int ASSIGNMENTS = 5_000;
    static final String[] PAY_CODES = {"UNSOC_SAT", "BANK", "OT_PLAIN"};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedSftpServer mailbox;
    @Autowired
    MutableClock clock;
    @Autowired
    AttendanceExport export;
    @Autowired
    PayDates payDates;

    @BeforeEach
    void reset() {
        publishWorkforce(jdbc, mailbox, clock);
    }

    static void publishWorkforce(JdbcTemplate jdbc, EmbeddedSftpServer mailbox, MutableClock clock) {
        TestData.reset(jdbc, mailbox, clock);
        jdbc.update("""
                insert into workforce.published_assignment (assignment_id, assignment_number, person_id,
                    effective_start, assignment_status, cost_centre)
                select 'B' || i, 'B' || lpad(i::text, 7, '0'), 'P' || i, date '2024-01-01', 'ACTIVE_ASSIGN', '123A7100'
                from generate_series(1, ?) as i""", ASSIGNMENTS);
    }

    /** The warm rounds' export times (seconds), with the checks before a file goes and without them. */
    static final List<Double> WITH_CHECKS = new ArrayList<>();
    static final List<Double> WITHOUT_CHECKS = new ArrayList<>();

    /**
     * Three rounds, one period each (its own 31 days of work, so that the checks find each assignment and day once):
     * the first runs in a cold JVM, the later ones as a long-running service would.
     * The checks before a file goes are on, as in production; {@link WithoutChecks} repeats it with them off.
     */
    @Test
    void exportOf100000AcceptedLines() throws IOException {
        exportRounds("with checks", WITH_CHECKS, jdbc, mailbox, export, payDates);
    }

    /** The same export with {@code esr.attendance.checks-before-export=false}: the baseline the checks cost against. */
    @Nested
    @TestPropertySource(properties = "esr.attendance.checks-before-export=false")
    class WithoutChecks {

        // a context of its own: the enclosing instance's beans are those of the context with the checks
        @Autowired
        JdbcTemplate ownJdbc;
        @Autowired
        EmbeddedSftpServer ownMailbox;
        @Autowired
        MutableClock ownClock;
        @Autowired
        AttendanceExport ownExport;
        @Autowired
        PayDates ownPayDates;

        @Test
        void exportOf100000AcceptedLinesWithoutTheChecks() throws IOException {
            publishWorkforce(ownJdbc, ownMailbox, ownClock);
            exportRounds("without checks", WITHOUT_CHECKS, ownJdbc, ownMailbox, ownExport, ownPayDates);
            if (!WITH_CHECKS.isEmpty()) {
                double with = Collections.min(WITH_CHECKS);
                double without = Collections.min(WITHOUT_CHECKS);
                report(String.format("export of 100,000 lines, best warm round: %.2f s with the checks before a file"
                        + " goes, %.2f s without: %.2fx", with, without, with / without));
            }
        }
    }

    static void exportRounds(String label, List<Double> warm, JdbcTemplate jdbc, EmbeddedSftpServer mailbox,
                             AttendanceExport export, PayDates payDates) throws IOException {
        int lines = 100_000;
        for (int round = 0; round < 3; round++) {
            int period = 8 + round;
            jdbc.update("""
                    insert into attendance.timesheet_line (line_id, assignment_number, earned_date, pay_code, quantity,
                                                           cost_centre, content_hash)
                    select 'bench-' || ? || '-' || i, 'B' || lpad((1 + i % ?)::text, 7, '0'),
                           date '2026-10-01' + ? * 31 + (i % 31), (array['UNSOC_SAT', 'BANK', 'OT_PLAIN'])[1 + i % 3],
                           1 + (i % 40) * 0.25, case when i % 10 = 0 then '123A7200' end, md5(i::text) || md5(i::text)
                    from generate_series(1, ?) as i""", round, ASSIGNMENTS, round, lines);
            jdbc.update("""
                    insert into attendance.export_entry (line_id, line_version, kind, assignment_number, earned_date,
                        pay_code, quantity, cost_centre, tax_year, tax_period, cut_off)
                    select line_id, 1, 'CLAIM', assignment_number, earned_date, pay_code, quantity, cost_centre, 27, ?,
                           timestamptz '2026-11-03 09:30:00+00'
                    from attendance.timesheet_line where line_id like ? order by line_id""",
                    period, "bench-" + round + "-%");
            jdbc.execute("analyze attendance.export_entry");

            long start = System.nanoTime();
            ExportedFile file = export.export(payDates.requested(null), new TaxPeriod(27, period)).orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;

            Path uploaded = mailbox.resolve("/in/" + file.fileName());
            assertThat(file.rowCount()).as("every line passes: a payable assignment, one line a day").isEqualTo(lines);
            assertThat(Files.size(uploaded)).isEqualTo(file.sizeBytes());
            if (round > 0) {
                warm.add(seconds);
            }
            report(String.format("export %s round %d (%s JVM): %,d lines -> %s (%,d bytes) generated and uploaded"
                    + " in %.2f s", label, round + 1, round == 0 ? "cold" : "warm", lines, file.fileName(),
                    file.sizeBytes(), seconds));
        }
    }

    @Test
    void restIntakeOf1000LineBatches() throws Exception {
        Api api = new Api(port);
        post(api, "warm", 0, 10);
        for (int clients : new int[] {1, 2}) {
            int batchesPerClient = 30 / clients * 2;
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    runs.add(pool.submit(() -> post(api, "c" + clients + "-" + client, client, batchesPerClient)));
                }
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int lines = clients * batchesPerClient * 1000;
            report(String.format("intake: %,d lines in %d-line batches from %d client(s): %.2f s, %,.0f lines/s",
                    lines, 1000, clients, seconds, lines / seconds));
        }
    }

    private static void post(Api api, String prefix, int client, int batches) {
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder(160_000).append("{\"lines\":[");
            for (int i = 0; i < 1000; i++) {
                int n = b * 1000 + i;
                json.append(i == 0 ? "" : ",").append(Api.line(prefix + "-" + b + "-" + i,
                        "B" + String.format("%07d", 1 + (n * 7 + client) % ASSIGNMENTS),
                        "2026-10-" + String.format("%02d", 1 + n % 31), PAY_CODES[n % 3],
                        String.valueOf(1 + (n % 40) * 0.25)));
            }
            Api.Response response = api.post("/api/v1/timesheet-lines", json.append("]}").toString());
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        }
    }

    private static void report(String line) throws IOException {
        line = line + String.format(" [load average %.1f on %d cores]",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("BENCHMARK " + line);
        Path out = Path.of("target", "benchmark.txt");
        Files.writeString(out, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
