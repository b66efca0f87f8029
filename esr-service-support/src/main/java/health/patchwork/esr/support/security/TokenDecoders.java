package health.patchwork.esr.support.security;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import health.patchwork.esr.support.settings.MissingSettingException;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The one token decoder of every service, built from Spring Boot's own settings. Boot's auto-configuration would
 * check the issuer only when keys come from the issuer's discovery document (and then contact the issuer on the
 * first request, answering 500 while it is unreachable) and would accept any audience when none is set. Here a token
 * must always be signed by the configured key, name our issuer and one of our audiences, carry a subject and an
 * expiry, and be within the bounded clock skew; the issuer is compared, never contacted.
 */
final class TokenDecoders {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final String ISSUER = PREFIX + "issuer-uri";
    static final String AUDIENCES = PREFIX + "audiences";
    static final String PUBLIC_KEY = PREFIX + "public-key-location";
    static final String JWK_SET = PREFIX + "jwk-set-uri";
    static final String ALGORITHMS = PREFIX + "jws-algorithms";

    private TokenDecoders() {
    }

    static JwtDecoder build(OAuth2ResourceServerProperties.Jwt jwt, SecuritySettings settings) {
        List<String> audiences = jwt.getAudiences() == null ? List.of()
                : jwt.getAudiences().stream().filter(StringUtils::hasText).toList();
        if (audiences.isEmpty()) {
            throw new MissingSettingException(AUDIENCES, "must name this service's audience (the aud value the"
                    + " identity provider puts in tokens meant for it); tokens for other applications are refused");
        }
        if (!StringUtils.hasText(jwt.getIssuerUri())) {
            throw new MissingSettingException(ISSUER, "must name the identity provider whose tokens are accepted"
                    + " (the iss value of its tokens)");
        }
        boolean publicKey = jwt.getPublicKeyLocation() != null;
        boolean jwkSet = StringUtils.hasText(jwt.getJwkSetUri());
        if (publicKey && jwkSet) {
            throw new MissingSettingException(JWK_SET, "set either it or " + PUBLIC_KEY + ", not both");
        }
        if (!publicKey && !jwkSet) {
            throw new MissingSettingException(JWK_SET, "set it or " + PUBLIC_KEY + ": the keys that sign tokens"
                    + " (they are not discovered from the issuer)");
        }
        NimbusJwtDecoder decoder = publicKey ? publicKeyDecoder(jwt) : jwkSetDecoder(jwt);
        decoder.setJwtValidator(validator(jwt.getIssuerUri(), audiences, settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, SecuritySettings settings) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(timestamps);
        validators.add(new JwtIssuerValidator(issuer));
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && !Collections.disjoint(aud, audiences)));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
        // adds the type and certificate-binding checks Spring Security applies by default; keeps our timestamps
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static NimbusJwtDecoder publicKeyDecoder(OAuth2ResourceServerProperties.Jwt jwt) {
        try {
            String pem = jwt.readPublicKey().replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "");
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem.strip())));
            List<SignatureAlgorithm> algorithms = algorithms(jwt);
            if (algorithms.size() != 1) {
                throw new MissingSettingException(ALGORITHMS, "must name exactly one algorithm with "
                        + PUBLIC_KEY);
            }
            return NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(algorithms.get(0)).build();
        } catch (IOException e) {
            throw new MissingSettingException(PUBLIC_KEY, "could not be read: " + e.getClass().getSimpleName());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new MissingSettingException(PUBLIC_KEY, "must be a PEM RSA public key (BEGIN PUBLIC KEY)");
        }
    }

    private static NimbusJwtDecoder jwkSetDecoder(OAuth2ResourceServerProperties.Jwt jwt) {
        List<SignatureAlgorithm> algorithms = algorithms(jwt);
        return NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                .jwsAlgorithms(set -> set.addAll(algorithms)).build();
    }

    private static List<SignatureAlgorithm> algorithms(OAuth2ResourceServerProperties.Jwt jwt) {
        List<SignatureAlgorithm> algorithms = new ArrayList<>();
        for (String name : jwt.getJwsAlgorithms()) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new MissingSettingException(ALGORITHMS, "names an unknown algorithm");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }
}
