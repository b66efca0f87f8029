package health.patchwork.esr.testsupport.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A token issuer for tests and the sandbox: real RS256-signed JWTs, naming {@link #ISSUER} and {@link #AUDIENCE},
 * that the services verify with the matching public key through their production decoder, exactly as they verify
 * the Trust's identity provider's tokens ({@link TestTokenEnvironment} points the services' settings here).
 */
public final class TestTokens {

    /**
     * The {@code iss} of every token minted here; the services' {@code issuer-uri} in tests and the sandbox. It does
     * not resolve: a service that tried to discover keys from its issuer would fail every request.
     */
    public static final String ISSUER = "https://esr-test-issuer.invalid";
    /** The {@code aud} of every token minted here; the services' {@code audiences} in tests and the sandbox. */
    public static final String AUDIENCE = "esr-integration";

    public static final String PLATFORM_ROLE = "esr:platform";
    public static final String OPERATOR_ROLE = "esr:operator";
    public static final String METRICS_ROLE = "esr:metrics";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** A token for the Patchwork platform, which may call {@code /api}. */
    public static String platform() {
        return token("patchwork-platform", PLATFORM_ROLE);
    }

    /** A token for the operations team. */
    public static String operator() {
        return token("esr-operator", OPERATOR_ROLE);
    }

    /** A token for the metrics scraper, which may read {@code /actuator/prometheus} only. */
    public static String metrics() {
        return token("prometheus", METRICS_ROLE);
    }

    /** A token with both roles, for tests whose subject is not authorisation. */
    public static String platformAndOperator() {
        return token("esr-test", PLATFORM_ROLE, OPERATOR_ROLE);
    }

    public static String token(String subject, String... roles) {
        return sign(KEYS, subject, List.of(roles), Instant.now().plusSeconds(3600));
    }

    /** A trusted token with further claims, e.g. a display name next to the subject. */
    public static String withClaims(String subject, java.util.Map<String, Object> claims, String... roles) {
        return sign(KEYS, subject, List.of(roles), Instant.now().plusSeconds(3600), claims);
    }

    /** A token signed with the trusted key that expired ten minutes ago (beyond the default 60 s clock skew). */
    public static String expired(String subject, String... roles) {
        return sign(KEYS, subject, List.of(roles), Instant.now().minusSeconds(600));
    }

    /** Signs a token with any key, e.g. one the services do not trust. */
    public static String sign(KeyPair keys, String subject, List<String> roles, Instant expiry) {
        return sign(keys, subject, roles, expiry, java.util.Map.of());
    }

    /**
     * A token signed with the trusted key whose registered claims are given as they are: {@code iss}, {@code aud},
     * {@code sub} and {@code exp} left out of {@code claims} are left out of the token. For tests of the checks.
     */
    public static String signedWithTrustedKey(java.util.Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> builder.claim(name, value instanceof Instant at ? Date.from(at) : value));
        return serialize(KEYS, builder.jwtID(UUID.randomUUID().toString()).build());
    }

    private static String sign(KeyPair keys, String subject, List<String> roles, Instant expiry,
                               java.util.Map<String, Object> extra) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        extra.forEach(builder::claim);
        JWTClaimsSet claims = builder
                .subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .build();
        return serialize(keys, claims);
    }

    private static String serialize(KeyPair keys, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM file body, for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public static String publicKeyPem() {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
