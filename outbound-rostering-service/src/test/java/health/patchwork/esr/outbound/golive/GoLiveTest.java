package health.patchwork.esr.outbound.golive;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoLiveTest extends OutboundTestBase {

    @Test
    void theServiceIsReadyAndNamesWhatESRMustSendIt() {
        String body = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/golive")
                .header("Authorization", "Bearer " + TestTokens.operator()).retrieve().body(String.class);
        JsonNode report = JsonMapper.builder().build().readTree(body);

        assertThat(report.get("ready").asBoolean()).as(body).isTrue();
        assertThat(report.get("checks").valueStream().map(c -> c.get("result").asString()))
                .as(body).doesNotContain("FAIL");
        assertThat(report.get("checks").valueStream().map(c -> c.get("name").asString()))
                .contains("outbound folder readable", "inbound folder writable", "database migrations",
                        "GO file settings");
        assertThat(body).contains("schema workforce").contains("sub-file type RST")
                .contains("accepted interface versions 01").contains("GO_123_RST_GDR_");
    }
}
