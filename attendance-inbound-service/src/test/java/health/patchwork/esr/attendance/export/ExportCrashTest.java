package health.patchwork.esr.attendance.export;

import static health.patchwork.esr.attendance.Api.batch;
import static health.patchwork.esr.attendance.Api.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.attendance.Api;
import health.patchwork.esr.attendance.CrashSwitch.Point;
import health.patchwork.esr.attendance.CrashSwitch;
import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.attendance.TestData;
import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.support.export.ExportException;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.time.MutableClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A crash at each step of an export, then what a restart does ({@link AttendanceExport#recover()}, which runs at
 * start-up and before every export): the file ends up on the mailbox exactly once, with the right content.
 */
@ServiceTest
class ExportCrashTest {

    static final String FILE = ExportTest.N_FILE;

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
    @Autowired
    AttendanceSettings settings;

    Api api;

    @BeforeEach
    void reset() {
        TestData.reset(jdbc, mailbox, clock, crash);
        api = new Api(port);
        assertThat(api.post("/api/v1/timesheet-lines", batch(
                line("L1", "20000001", "2026-10-24", "UNSOC_SAT", "7.5"),
                "{\"lineId\":\"L2\",\"assignmentNumber\":\"20000001-2\",\"dateWorked\":\"2026-10-25\","
                        + "\"payCode\":\"BANK\",\"quantity\":11.5,\"costCentre\":\"123A7200\"}",
                line("L3", "20000003", "2026-10-27", "OT_PLAIN", "4"),
                line("L4", "20000003", "2026-10-13", "OT_PLAIN", "4.00"))).status()).isEqualTo(200);
        clock.set("2026-11-03T09:30:00Z");
    }

    @Test
    void aCrashBeforeTheGeneratingTransactionCommitsLeavesNothingAndUsesNoSequenceNumber() throws IOException {
        crash.arm(Point.BEFORE_COMMIT);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);

        assertThat(jdbc.queryForObject("select count(*) from attendance.export_file", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from attendance.export_entry where export_file_id is null",
                Integer.class)).isEqualTo(4);
        assertThat(inbox()).isEmpty();

        export.recover();
        export.cutOff();
        assertThat(inbox()).containsExactly(FILE);
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(ExportTest.expected(FILE));
    }

    @Test
    void aCrashAfterCommitBeforeUploadIsFinishedOnRestartEvenWhenTheLocalCopyIsLost() throws IOException {
        crash.arm(Point.AFTER_GENERATED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        assertThat(state()).isEqualTo("GENERATED");
        assertThat(inbox()).isEmpty();
        assertThat(api.get("/actuator/health/export").text("/details/filesNotConfirmedOnMailbox/0")).isEqualTo(FILE);
        Files.delete(settings.workDir().resolve("outgoing").resolve(FILE));
        // later lines must wait for the pending file, not join it or overtake it
        clock.set("2026-11-03T10:00:00Z");

        assertThat(export.recover()).hasSize(1);

        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(inbox()).containsExactly(FILE);
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(ExportTest.expected(FILE));
    }

    @Test
    void aCrashDuringUploadLeavesAPartFileThatTheRestartReplaces() throws IOException {
        crash.arm(Point.AFTER_GENERATED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        Files.writeString(mailbox.resolve("/in/" + FILE + ".part"), "HDR,TA_123_PWH_MN2708_0000");

        export.cutOff();

        assertThat(inbox()).containsExactly(FILE);
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(ExportTest.expected(FILE));
        assertThat(state()).isEqualTo("UPLOADED");
    }

    @Test
    void aCrashAfterUploadBeforeTheLedgerIsUpdatedDoesNotUploadAgain() throws IOException {
        crash.arm(Point.AFTER_UPLOADED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        assertThat(state()).isEqualTo("RENAMING");
        assertThat(inbox()).containsExactly(FILE);
        var uploadedAt = Files.getLastModifiedTime(mailbox.resolve("/in/" + FILE));

        export.recover();

        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(inbox()).containsExactly(FILE);
        assertThat(Files.getLastModifiedTime(mailbox.resolve("/in/" + FILE))).isEqualTo(uploadedAt);
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(ExportTest.expected(FILE));
    }

    @Test
    void aFileEsrCollectedAfterTheRenameBeforeTheLedgerSaidSoIsRecordedAsCollectedAndNotSentAgain()
            throws IOException {
        crash.arm(Point.AFTER_UPLOADED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(ExportTest.expected(FILE));
        Files.delete(mailbox.resolve("/in/" + FILE)); // ESR collects it before the restart

        export.recover();
        export.cutOff();

        assertThat(inbox()).as("no second copy").isEmpty();
        assertThat(jdbc.queryForObject("select state || ' ' || delivery from attendance.export_file"
                + " where file_name = ?", String.class, FILE)).isEqualTo("UPLOADED COLLECTED");
        assertThat(api.get("/actuator/esrfiles/1").text("/events/2/detail")).startsWith("COLLECTED: neither " + FILE);
        assertThat(api.get("/actuator/health/export").body().at("/details/filesNotConfirmedOnMailbox").size())
                .isZero();
    }

    @Test
    void aRemoteFileOfTheSameNameButAnotherSizeIsNeverOverwrittenAndStopsTheExport() throws IOException {
        crash.arm(Point.AFTER_GENERATED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        Files.writeString(mailbox.resolve("/in/" + FILE), "someone else's file");

        assertThatThrownBy(export::recover).isInstanceOf(ExportException.class)
                .hasMessageContaining("never overwritten");
        Api.Response viaApi = api.post("/api/v1/exports/cut-off", "");
        assertThat(viaApi.status()).isEqualTo(409);
        assertThat(viaApi.text("/title")).isEqualTo("Export halted");
        assertThat(viaApi.text("/type")).isEqualTo("urn:esr-suite:problem:export-halted");

        assertThat(state()).isEqualTo("GENERATED");
        assertThat(mailbox.resolve("/in/" + FILE)).hasContent("someone else's file");
    }

    @Test
    void aRemoteFileOfTheSameNameAndSizeButOtherContentIsNotTakenForOurs() throws IOException {
        crash.arm(Point.AFTER_GENERATED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        byte[] ours = ExportTest.expected(FILE);
        byte[] theirs = ours.clone();
        theirs[theirs.length - 1] = '9';
        Files.write(mailbox.resolve("/in/" + FILE), theirs);

        assertThatThrownBy(export::recover).isInstanceOf(ExportException.class).hasMessageContaining("other content");

        assertThat(state()).isEqualTo("GENERATED");
        assertThat(mailbox.resolve("/in/" + FILE)).hasBinaryContent(theirs);
    }

    @Test
    void afterRecoveryTheNextFileTakesTheNextSequenceNumber() throws IOException {
        crash.arm(Point.AFTER_UPLOADED);
        assertThatThrownBy(export::cutOff).isInstanceOf(CrashSwitch.Crash.class);
        api.post("/api/v1/timesheet-lines", batch(line("L9", "20000001", "2026-10-30", "BANK", "6")));

        export.cutOff();

        assertThat(inbox()).containsExactly(FILE, "TA_123_PWH_MS2708_00000002.DAT");
        assertThat(jdbc.queryForList("select state from attendance.export_file order by sequence_number",
                String.class)).containsExactly("UPLOADED", "UPLOADED");
    }

    String state() {
        return jdbc.queryForObject("select state from attendance.export_file where file_name = ?", String.class, FILE);
    }

    List<String> inbox() throws IOException {
        try (Stream<Path> files = Files.list(mailbox.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
