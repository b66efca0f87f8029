package health.patchwork.esr.outbound.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.TestMailbox;
import health.patchwork.esr.outbound.load.ApplyLock;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Dry runs are the operators' and never hold up an import. The race is made exact, not timed: a statement trigger
 * (for dry-run sessions only) makes the dry run wait on a lock the test holds while it is merging, so it holds the
 * apply lock; the import then runs to the end on the test's thread, and the dry run answers once released.
 */
class DryRunGivesWayTest extends OutboundTestBase {

    private static final long PAUSE_KEY = 4_242_4242L;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropPause() {
        jdbc.execute("drop trigger if exists pause_dry_runs on entity_change");
        jdbc.execute("drop function if exists pause_dry_runs()");
    }

    private ResponseEntity<String> dryRun(String token, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .post().uri("/api/v1/dry-runs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(String.class);
    }

    @Test
    void onlyOperatorsMayAskForADryRun() {
        ResponseEntity<String> platform = dryRun(TestTokens.platform(), GOC_42, TestMailbox.sample(GOC_42));

        assertThat(platform.getStatusCode().value()).isEqualTo(403);
        assertThat(dryRun(TestTokens.operator(), GOC_42, TestMailbox.sample(GOC_42)).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aDryRunThatFindsAnImportApplyingGivesWayAtOnce() throws Exception {
        try (Connection importing = dataSource.getConnection()) {
            advisory(importing, "select pg_advisory_lock(?)", ApplyLock.KEY);
            try {
                ResponseEntity<String> response = dryRun(TestTokens.operator(), GOC_42, TestMailbox.sample(GOC_42));

                assertThat(response.getStatusCode().value()).isEqualTo(409);
                assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
                assertThat(response.getBody()).contains("\"title\":\"Dry run gave way\"");
            } finally {
                advisory(importing, "select pg_advisory_unlock(?)", ApplyLock.KEY);
            }
        }
    }

    @Test
    void anImportEndsADryRunHoldingTheApplyLock() throws Exception {
        mailbox.deliverSample(GOF_41);
        mailbox.poll();
        jdbc.execute("""
                create function pause_dry_runs() returns trigger language plpgsql as $$
                begin
                    if current_setting('application_name') = 'esr-dry-run' then
                        perform pg_advisory_xact_lock(%d);
                    end if;
                    return null;
                end $$""".formatted(PAUSE_KEY));
        jdbc.execute("create trigger pause_dry_runs before insert on entity_change for each statement"
                + " execute function pause_dry_runs()");
        try (Connection pause = dataSource.getConnection()) {
            advisory(pause, "select pg_advisory_lock(?)", PAUSE_KEY);
            CompletableFuture<ResponseEntity<String>> dryRun = CompletableFuture.supplyAsync(() ->
                    dryRun(TestTokens.operator(), GOC_42, TestMailbox.sample(GOC_42)));
            try {
                await().atMost(PATIENCE).until(() -> count("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and not granted and objsubid = 1 and objid = ?::oid", PAUSE_KEY) == 1);

                mailbox.deliverSample(GOC_42);
                mailbox.poll();

                assertThat(ledgerOutcome(GOC_42)).startsWith("APPLIED");
            } finally {
                advisory(pause, "select pg_advisory_unlock(?)", PAUSE_KEY);
            }
            ResponseEntity<String> response = dryRun.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(response.getBody()).contains("\"title\":\"Dry run gave way\"");
        }
        assertThat(count("select count(*) from file_ledger where outcome = 'DRY_RUN'")).isZero();
    }

    private static void advisory(Connection connection, String sql, long key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
