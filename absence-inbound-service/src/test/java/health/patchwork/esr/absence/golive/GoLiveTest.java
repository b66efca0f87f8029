package health.patchwork.esr.absence.golive;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.absence.support.AbsenceServiceTest;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoLiveTest extends AbsenceServiceTest {

    @Test
    void theServiceIsReadyAndChecksOnlyTheFolderItWrites() {
        String body = get("/actuator/golive").body();
        JsonNode report = JsonMapper.builder().build().readTree(body);

        assertThat(report.get("ready").asBoolean()).as(body).isTrue();
        assertThat(report.get("checks").valueStream().map(c -> c.get("name").asString()))
                .contains("inbound folder writable", "database migrations", "AB file settings")
                .doesNotContain("outbound folder readable");
        assertThat(body).contains("schema absence").contains("AB_123_PWH_M");
    }
}
