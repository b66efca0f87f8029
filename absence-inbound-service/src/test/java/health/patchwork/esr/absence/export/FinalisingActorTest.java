package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import health.patchwork.esr.absence.support.AbsenceServiceTest;
import health.patchwork.esr.testsupport.security.TestTokens;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/** {@code esr.absence.actor-claim} names the token claim recorded as who finalised; a token without it is refused. */
@TestPropertySource(properties = "esr.absence.actor-claim=preferred_username")
class FinalisingActorTest extends AbsenceServiceTest {

    private Response finalise(String token) {
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/api/v1/periods/M2708/finalise")
                .header("Authorization", "Bearer " + token)
                .exchange((req, res) -> {
                    try {
                        return new Response(res.getStatusCode().value(),
                                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void theConfiguredClaimIsRecordedAndATokenWithoutItIsRefused() {
        jdbc.execute("truncate absence.operator_audit restart identity");

        Response without = finalise(TestTokens.platform());
        Response with = finalise(TestTokens.withClaims("pf-client-7", Map.of("preferred_username", "rostering"),
                TestTokens.PLATFORM_ROLE));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.<String>json("$.detail")).contains("preferred_username");
        assertThat(with.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select finalised_by from absence.finalised_period", String.class))
                .isEqualTo("rostering");
        assertThat(jdbc.queryForList("select subject || ' ' || outcome || ' ' || detail from absence.operator_audit"
                + " order by id", String.class)).containsExactly(
                "patchwork-platform REFUSED The token has no preferred_username claim to record as who finalised"
                        + " the period.",
                "pf-client-7 DONE finalised by rostering; nothing to send");
    }
}
