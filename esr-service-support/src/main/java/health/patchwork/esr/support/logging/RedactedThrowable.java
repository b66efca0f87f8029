package health.patchwork.esr.support.logging;

/**
 * A copy of an exception chain with every message removed but classes and stack traces kept: what an operator needs
 * to find a bug, without the values (names, NI numbers, dates of birth) that messages such as a database's
 * constraint errors may quote. Made through {@link Redaction#withStackOnly}.
 */
public final class RedactedThrowable extends RuntimeException {

    private RedactedThrowable(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld: it may hold personal data)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause());
        return new RedactedThrowable(original, cause);
    }
}
