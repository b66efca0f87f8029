package health.patchwork.esr.support.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing and verifying as the Standard Webhooks specification has it (standardwebhooks.com): the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}, signed with HMAC-SHA256, and sent base64-encoded as
 * {@code webhook-signature: v1,<signature>}. A secret is {@code whsec_} followed by the base64 of its key bytes; a
 * secret without the prefix is taken as its UTF-8 bytes (some receivers are configured that way).
 * Receivers use {@link #verify}; the sandbox's receiver and the tests do.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    /** How far a receiver lets a timestamp stray from its clock (the specification's suggested five minutes). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";
    private static final int MIN_KEY_BYTES = 24;

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key;
    }

    /** The signer for a secret; throws {@link IllegalArgumentException} (never quoting it) when it is unusable. */
    public static WebhookSignature forSecret(String secret) {
        byte[] key;
        if (secret.startsWith(PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after its prefix");
            }
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a signing secret needs at least " + MIN_KEY_BYTES + " bytes of key");
        }
        return new WebhookSignature(key);
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    public String sign(String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(id + "." + timestampSeconds + "." + body));
    }

    /**
     * Whether a request is one this secret signed, and recent: any of the space-separated {@code v1,} signatures
     * matches (compared in constant time), and the timestamp is within {@link #TOLERANCE} of {@code now}.
     */
    public boolean verify(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(id + "." + seconds + "." + body);
        for (String candidate : signatures.trim().split(" +")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private byte[] mac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
