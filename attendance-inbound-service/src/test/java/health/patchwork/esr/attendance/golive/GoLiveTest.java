package health.patchwork.esr.attendance.golive;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.attendance.ServiceTest;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class GoLiveTest {

    @LocalServerPort
    int port;

    @Test
    void theServiceIsReadyAndChecksOnlyTheFolderItWrites() {
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/golive")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        JsonNode report = JsonMapper.builder().build().readTree(body);

        assertThat(report.get("ready").asBoolean()).as(body).isTrue();
        assertThat(report.get("checks").valueStream().map(c -> c.get("name").asString()))
                .contains("inbound folder writable", "database migrations", "TA file settings")
                .doesNotContain("outbound folder readable");
        assertThat(body).contains("schema attendance").contains("source system code PWH, period type M")
                .contains("TA_123_PWH_M");
    }
}
