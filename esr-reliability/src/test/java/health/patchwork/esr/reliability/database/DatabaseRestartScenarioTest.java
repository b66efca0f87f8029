package health.patchwork.esr.reliability.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import health.patchwork.esr.reliability.ScenarioResult;

import org.junit.jupiter.api.Test;

/** The small-size run of the database restart scenario: one stop and start under the attendance service. */
class DatabaseRestartScenarioTest {

    @Test
    void healthGoesDownAndUpAndNoLineAnswered200IsLostOrDuplicated() throws Exception {
        ScenarioResult result = new DatabaseRestartScenario(Path.of("..").toAbsolutePath().normalize(),
                Path.of("target", "database-restart").toAbsolutePath(), 31L).run(1);

        assertThat(result.note()).isNull();
        assertThat(result.allPassed()).isTrue();
    }
}
