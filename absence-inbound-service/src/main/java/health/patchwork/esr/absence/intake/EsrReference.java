package health.patchwork.esr.absence.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The third-party reference ESR keeps for an absence (ABS field 18, echoed in ABA field 33), derived from the
 * platform's absence id: at most 30 upper-case letters, digits and hyphens (docs/spec/inbound-files.md §3.3). An id
 * that already fits, with the prefix, is used as it is, so an operator finds it in ESR by the platform's id. Any other
 * id (a lower-case UUID, say) is replaced by the prefix and as much of the id's SHA-256 in Crockford base32 as fits:
 * stable, as the id never changes, and unique but for a hash collision, which the reference's unique constraint turns
 * into a rejected item rather than a second absence under one reference.
 */
final class EsrReference {

    static final int MAX_LENGTH = 30;
    /** What the platform may use as an absence id: it goes into URLs and the idempotency key, never to ESR as such. */
    static final Pattern PLATFORM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final Pattern FITS = Pattern.compile("[A-Z0-9-]{1," + MAX_LENGTH + "}");
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private EsrReference() {
    }

    /** Whether the text can be a reference at all (a search for anything else is refused before the database). */
    static boolean isReference(String text) {
        return text != null && FITS.matcher(text).matches();
    }

    static String of(String prefix, String absenceId) {
        String plain = prefix + absenceId;
        if (FITS.matcher(plain).matches()) {
            return plain;
        }
        return prefix + base32(sha256(absenceId), MAX_LENGTH - prefix.length());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The first {@code length} base32 digits of the bytes, five bits each (256 bits give 51 digits). */
    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        int bits = 0;
        int buffer = 0;
        for (int i = 0; i < bytes.length && out.length() < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xFF);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(CROCKFORD[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
