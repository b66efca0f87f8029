package health.patchwork.esr.support.logging;

import java.sql.SQLException;

/**
 * A copy of an exception chain with every message removed but classes and stack traces kept: what an operator needs
 * to find a bug, without the values (names, NI numbers, dates of birth) that messages such as a database's
 * constraint errors may quote.
 */
public final class RedactedThrowable extends RuntimeException {

    private RedactedThrowable(Throwable original, Throwable cause) {
        super(original.getClass().getName() + " (message withheld: it may hold personal data)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable original) {
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : of(original.getCause());
        return new RedactedThrowable(original, cause);
    }

    /**
     * One line for a log: the messages of the suite's own exceptions (which never carry field values) and only the
     * class names of everything else, e.g. a database error that may quote a row.
     */
    public static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!line.isEmpty()) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                line.append(" SQLSTATE ").append(sql.getSQLState());
            }
            if (t.getClass().getName().startsWith("health.patchwork.esr.") && t.getMessage() != null) {
                line.append(": ").append(t.getMessage());
            }
        }
        return line.toString();
    }
}
