package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.absence.support.CrashSwitch.Step;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The process dies at each step of an export; after recovery exactly one file is on the mailbox, as it should be. */
class ExportCrashTest extends AbsenceServiceTest {

    static final String FILE = "AB_123_PWH_MN2708_00000001.DAT";
    static final List<String> EXPECTED = List.of(
            "HDR,AB_123_PWH_MN2708_00000001.DAT,20261103093500,PWH,123,M,N,08",
            "ABS,20261103,ADD,,20000003,\"Sickness\",\"S12 Other musculoskeletal problems\",20261102,,,,,,D,20261102,,Y,,PWH-A000132,20261102",
            "FTR,1,0");

    @Autowired
    AbsenceExport export;

    @Test
    void crashBeforeTheGeneratingTransactionCommitsLeavesNothingAndTheNextRunSendsOneFile() throws IOException {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));
        crash.arm(Step.BEFORE_COMMIT);

        assertThat(post("/api/v1/periods/M2708/finalise").status()).isEqualTo(500);
        assertThat(inboundFiles()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from absence.export_file", Integer.class)).isZero();
        assertThat(get("/api/v1/absences/A000132").<String>json("$.status")).isEqualTo("PENDING");

        assertThat(post("/api/v1/periods/M2708/finalise").<String>json("$.file")).isEqualTo(FILE);
        assertExactlyOneFileDelivered();
    }

    @Test
    void crashAfterGeneratingIsFinishedByRecoveryEvenWithTheLocalCopyLostAndAPartialUploadLeft() throws IOException {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));
        crash.arm(Step.AFTER_GENERATED);

        assertThat(post("/api/v1/periods/M2708/finalise").status()).isEqualTo(500);
        assertThat(inboundFiles()).isEmpty();
        assertThat(jdbc.queryForObject("select state from absence.export_file", String.class)).isEqualTo("GENERATED");
        Files.delete(Path.of("target/absence-work/outgoing", FILE));
        Files.writeString(mailbox.resolve("/in/" + FILE + ".part"), "HDR,partial");

        export.recover();

        assertExactlyOneFileDelivered();
    }

    @Test
    void crashAfterUploadingBeforeTheLedgerSaysSoIsNotSentTwice() throws IOException {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));
        crash.arm(Step.AFTER_UPLOADED);

        assertThat(post("/api/v1/periods/M2708/finalise").status()).isEqualTo(500);
        assertThat(inboundFiles()).containsExactly(FILE);
        assertThat(jdbc.queryForObject("select state from absence.export_file", String.class)).isEqualTo("RENAMING");

        Response next = post("/api/v1/periods/M2708/finalise");

        assertThat(next.body()).contains("\"file\":null");
        assertExactlyOneFileDelivered();
    }

    @Test
    void aFileEsrCollectedAfterTheRenameBeforeTheLedgerSaidSoIsRecordedAsCollectedAndNotSentAgain()
            throws IOException {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));
        crash.arm(Step.AFTER_UPLOADED);
        assertThat(post("/api/v1/periods/M2708/finalise").status()).isEqualTo(500);
        assertThat(records(FILE)).containsExactlyElementsOf(EXPECTED);
        Files.delete(mailbox.resolve("/in/" + FILE)); // ESR collects it

        Response next = post("/api/v1/periods/M2708/finalise");

        assertThat(next.body()).contains("\"file\":null");
        assertThat(inboundFiles()).as("no second copy").isEmpty();
        assertThat(jdbc.queryForList("select state || ' ' || delivery from absence.export_file", String.class))
                .containsExactly("UPLOADED COLLECTED");
        assertThat(get("/api/v1/absences/A000132").<String>json("$.status")).isEqualTo("EXPORTED");
    }

    @Test
    void twoFinalisationsAtOnceDeliverOneFile() throws Exception {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> post("/api/v1/periods/M2708/finalise"));
            var second = pool.submit(() -> post("/api/v1/periods/M2708/finalise"));
            assertThat(List.of(first.get().status(), second.get().status())).containsOnly(200);
        } finally {
            pool.shutdown();
        }

        assertExactlyOneFileDelivered();
    }

    @Test
    void aFileOfTheSameNameAlreadyInTheMailboxIsNeverOverwritten() throws IOException {
        post("/api/v1/absences", AbsenceExportTest.batch(AbsenceExportTest.SICK_132));
        Files.writeString(mailbox.resolve("/in/" + FILE), "someone else's file");

        Response response = post("/api/v1/periods/M2708/finalise");

        // the one answer of both inbound services for a halted export (support.export.ExportProblems)
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.<String>json("$.title")).isEqualTo("Export halted");
        assertThat(response.<String>json("$.type")).isEqualTo("urn:esr-suite:problem:export-halted");
        assertThat(Files.readString(mailbox.resolve("/in/" + FILE))).isEqualTo("someone else's file");
        assertThat(jdbc.queryForObject("select state from absence.export_file", String.class)).isEqualTo("GENERATED");
    }

    private void assertExactlyOneFileDelivered() throws IOException {
        assertThat(inboundFiles()).containsExactly(FILE);
        assertThat(records(FILE)).containsExactlyElementsOf(EXPECTED);
        assertThat(jdbc.queryForList("select state from absence.export_file", String.class)).containsExactly("UPLOADED");
        assertThat(get("/api/v1/absences/A000132").<String>json("$.status")).isEqualTo("EXPORTED");
    }
}
