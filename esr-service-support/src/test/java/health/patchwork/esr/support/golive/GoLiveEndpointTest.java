package health.patchwork.esr.support.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.security.TestTokens;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/golive} against a real mailbox and database: every check passes, and only operators may ask. */
@SpringBootTest(classes = GoLiveEndpointTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "esr.trust.name=Test Trust", "spring.application.name=test-service",
                // a service's own schema, migrated by Boot's Flyway as in the services (support's tables first)
                "spring.flyway.schemas=golive_test", "spring.flyway.default-schema=golive_test",
                "spring.flyway.locations=classpath:golive-test-migration"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class})
class GoLiveEndpointTest {

    @SpringBootApplication
    static class App {
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedSftpServer mailbox;

    private ResponseEntity<String> golive(String token) {
        RestClient.RequestHeadersSpec<?> request = RestClient.create("http://127.0.0.1:" + port).get()
                .uri("/actuator/golive");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { }).toEntity(String.class);
    }

    @Test
    void everyCheckPassesAgainstAWorkingMailboxAndAMigratedSchema() throws Exception {
        ResponseEntity<String> response = golive(TestTokens.operator());

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode report = JsonMapper.builder().build().readTree(response.getBody());
        List<String> names = report.get("checks").valueStream().map(c -> c.get("name").asString()).toList();
        assertThat(names).containsExactly("Trust configuration", "interfaces", "our mailbox key", "host key pinned",
                "mailbox connection", "outbound folder readable", "inbound folder writable", "database migrations");
        assertThat(report.get("checks").valueStream().map(c -> c.get("result").asString()))
                .as(response.getBody()).containsOnly("PASS");
        assertThat(report.get("ready").asBoolean()).isTrue();

        String hostKey = SshKeys.pinnedFingerprints(mailbox.knownHosts(), mailbox.host(), mailbox.port()).get(0);
        String ourKey = SshKeys.clientKey(mailbox.clientPrivateKey(), null).fingerprint();
        assertThat(hostKey).startsWith("ecdsa-sha2-nistp256 SHA256:");
        assertThat(detail(report, "mailbox connection")).contains(hostKey).contains("matched");
        assertThat(detail(report, "database migrations")).contains("schema golive_test: 2 migration(s) applied")
                .contains("schema golive_test (flyway_support_audit_history): 1 migration(s) applied")
                .doesNotContain("pending [").doesNotContain("failed [");
        assertThat(detail(report, "inbound folder writable")).contains("wrote and removed /in/.esr-golive-probe-");

        String checklist = report.get("checklist").asString();
        assertThat(checklist).contains("Trust VPD: 123").contains("Test Trust")
                .contains("Mailbox: 127.0.0.1:" + mailbox.port() + ", user esr-mailbox")
                .contains(hostKey).contains(ourKey)
                .contains("/out, we read it").contains("/in, we write it")
                .contains("[PASS] mailbox connection").contains("Ready for go-live: yes")
                .doesNotContain("BEGIN").doesNotContain(mailbox.clientPrivateKey().toString());
        try (Stream<java.nio.file.Path> left = Files.list(mailbox.resolve("/in"))) {
            assertThat(left).as("the write probe is removed").isEmpty();
        }
    }

    @Test
    void withoutATokenItIs401AndForThePlatform403() {
        assertThat(golive(null).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> platform = golive(TestTokens.platform());
        assertThat(platform.getStatusCode().value()).isEqualTo(403);
        assertThat(platform.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static String detail(JsonNode report, String name) {
        return report.get("checks").valueStream().filter(c -> c.get("name").asString().equals(name)).findFirst()
                .orElseThrow().get("detail").asString();
    }
}
