package health.patchwork.esr.formats.cli;

import health.patchwork.esr.formats.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EsrCliTest {

    @TempDir
    Path dir;

    private Path sample(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, Samples.bytes(name));
        return p;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EsrCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validatesEveryKindOfSampleFromItsName() throws IOException {
        Run r = run("validate", "--vpd", "123", sample(Samples.FULL).toString(), sample(Samples.CHANGE).toString(),
                sample(Samples.GDR).toString(), sample(Samples.TA).toString(), sample(Samples.AB).toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains(Samples.FULL + ": VALID (OUTBOUND_FULL)", Samples.CHANGE + ": VALID (OUTBOUND_CHANGE)",
                Samples.GDR + ": VALID (FULL_REFRESH_REQUEST)", Samples.TA + ": VALID (TA_INBOUND)",
                Samples.AB + ": VALID (AB_INBOUND)", "PRA 3", "ASA 5");
    }

    @Test
    void invalidFileExitsNonZeroAndPrintsLineFieldAndReasonWithoutValues() throws IOException {
        Path bad = dir.resolve(Samples.CHANGE);
        Files.writeString(bad, Samples.text(Samples.CHANGE).replace("19880109", "19880230"),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        Run r = run("validate", bad.toString(), sample(Samples.TA).toString());

        assertThat(r.exit()).isEqualTo(EsrCli.INVALID);
        assertThat(r.out()).contains("REJECTED_VALUE", "line 2 PRA [Date of Birth]").doesNotContain("19880230");
    }

    @Test
    void jsonOutputIsAnArrayOfReports() throws IOException {
        Run r = run("validate", "--json", sample(Samples.CHANGE).toString());

        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(r.exit()).isZero();
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("outcome").asString()).isEqualTo("VALID");
        assertThat(json.get(0).get("countsByRecordType").get("ASA").asInt()).isEqualTo(3);
    }

    @Test
    void otherTrustsAndUnknownNamesAreNotValid() throws IOException {
        Run notOurs = run("validate", "--vpd", "124", sample(Samples.CHANGE).toString());
        assertThat(notOurs.exit()).isEqualTo(EsrCli.INVALID);
        assertThat(notOurs.out()).contains("IGNORED_NOT_OURS");

        Path unknown = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run r = run("validate", unknown.toString());
        assertThat(r.exit()).isEqualTo(EsrCli.INVALID);
        assertThat(r.out()).contains("REJECTED_FILE_NAME");

        assertThat(run("validate", dir.resolve("missing.DAT").toString()).exit()).isEqualTo(EsrCli.INVALID);
        assertThat(run("validate").exit()).isEqualTo(EsrCli.USAGE);
    }

    @Test
    void describePrintsCountsPerRecordType() throws IOException {
        Run r = run("describe", sample(Samples.CHANGE).toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("9 lines", "  PRA 2", "  COD 1", "  ASA 3", "  ETA 1");
    }
}
