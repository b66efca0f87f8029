package health.patchwork.esr.reliability.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size runs of the dropped-connection scenarios: one cut mid-download and one mid-upload. */
class ConnectionCutScenariosTest {

    private final Path repository = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aDownloadCutMidFileIsRetriedAndTheWholeFileAppliedOnce() throws Exception {
        ScenarioResult result = new DownloadCutScenario(repository, Path.of("target", "download-cut")
                .toAbsolutePath(), 300, 21L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.scenario()).contains("1 of 1 cuts mid-download");
    }

    @Test
    void anUploadCutMidFileNeverShowsAPartialFileAndIsSentOnceOnRetry() throws Exception {
        ScenarioResult result = new UploadCutScenario(repository, Path.of("target", "upload-cut").toAbsolutePath(),
                1000, 22L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
        assertThat(result.scenario()).contains("1 of 1 cuts left a partial .part");
    }
}
