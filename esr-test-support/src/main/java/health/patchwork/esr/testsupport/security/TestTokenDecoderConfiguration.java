package health.patchwork.esr.testsupport.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * On the test classpath only: services verify tokens against {@link TestTokens}' key instead of a real identity
 * provider. Verification itself is the real thing (signature, expiry).
 */
@AutoConfiguration(beforeName =
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(NimbusJwtDecoder.class)
public class TestTokenDecoderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder testTokenDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
    }
}
