package health.patchwork.esr.support.mailbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Temporary names of uploads: {@code name.<16 hex digits>.part}, one per attempt, so that two attempts (a crashed
 * one and its retry, or two processes) never write into the same file. {@code name.part} is what earlier versions
 * used. No ESR file name ends in {@code .part}, so ESR never collects one.
 */
public final class UploadParts {

    public static final String SUFFIX = ".part";
    private static final int RANDOM_HEX_DIGITS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadParts() {
    }

    /** A fresh temporary name for an attempt at {@code name}. */
    public static String newName(String name) {
        byte[] bytes = new byte[RANDOM_HEX_DIGITS / 2];
        RANDOM.nextBytes(bytes);
        return name + "." + HexFormat.of().formatHex(bytes) + SUFFIX;
    }

    /** Whether {@code candidate} is the temporary file of some attempt at {@code name} (this version's or older). */
    public static boolean isAttemptAt(String candidate, String name) {
        if (candidate.equals(name + SUFFIX)) {
            return true;
        }
        if (!candidate.startsWith(name + ".") || !candidate.endsWith(SUFFIX)
                || candidate.length() != name.length() + 1 + RANDOM_HEX_DIGITS + SUFFIX.length()) {
            return false;
        }
        String digits = candidate.substring(name.length() + 1, name.length() + 1 + RANDOM_HEX_DIGITS);
        return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
