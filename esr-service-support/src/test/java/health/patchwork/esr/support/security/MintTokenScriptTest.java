package health.patchwork.esr.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * docker/mint-token.sh (which also mints the compose stack's Prometheus token) makes tokens the services' own
 * decoder accepts with the issuer and audience docker-compose.yml sets. Needs bash and openssl, as the script does.
 */
class MintTokenScriptTest {

    private static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    private static final String ISSUER = "https://esr-local-issuer.invalid";
    private static final String AUDIENCE = "esr-integration";

    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a guard against a hung child only; nothing is measured
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private static boolean available(String tool) {
        return List.of("/usr/bin", "/bin", "/usr/local/bin").stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, tool)));
    }

    @Test
    void aMintedTokenPassesTheServicesChecksAndLongLifetimesAreRefused() throws Exception {
        assumeTrue(available("bash") && available("openssl"), "bash and openssl are needed to run the script");
        run(Map.of(), "openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem");
        run(Map.of(), "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "public.pem");
        Map<String, String> key = Map.of("ESR_TOKEN_PRIVATE_KEY", dir.resolve("key.pem").toString());

        Run minted = run(key, "bash", DOCKER.resolve("mint-token.sh").toString(), "prometheus", "esr:metrics", "600");
        Run tooLong = run(key, "bash", DOCKER.resolve("mint-token.sh").toString(), "prometheus", "esr:metrics",
                "31536000");

        assertThat(minted.exit()).as(minted.out()).isZero();
        Jwt jwt = TokenDecoders.build(properties(), settings()).decode(minted.out().strip());
        assertThat(jwt.getSubject()).isEqualTo("prometheus");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("esr:metrics");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofSeconds(600));
        assertThat(tooLong.exit()).isEqualTo(2);
        assertThat(Files.readString(DOCKER.resolveSibling("docker-compose.yml")))
                .contains("${ESR_TOKEN_ISSUER:-" + ISSUER + "}", "${ESR_TOKEN_AUDIENCE:-" + AUDIENCE + "}");
    }

    private OAuth2ResourceServerProperties.Jwt properties() {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri(ISSUER);
        jwt.setAudiences(new ArrayList<>(List.of(AUDIENCE)));
        jwt.setPublicKeyLocation(new FileSystemResource(dir.resolve("public.pem")));
        return jwt;
    }

    private static SecuritySettings settings() {
        return new SecuritySettings("roles", "esr:platform", "esr:operator", "esr:metrics", Duration.ofSeconds(60));
    }
}
