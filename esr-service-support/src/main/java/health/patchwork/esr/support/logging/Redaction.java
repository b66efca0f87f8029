package health.patchwork.esr.support.logging;

import java.sql.SQLException;

/**
 * The one way an exception or a text that is not ours reaches a log line, a ledger row, an audit row or a problem
 * detail. A database's messages may quote a row ({@code Failing row contains (…)}) or a parameter value, and absence
 * rows carry sickness reasons, so only exception classes and SQLSTATEs are kept of anything foreign; the messages of
 * the suite's own exceptions pass, because they are written never to hold a field's value. Text from outside (a file
 * name seen on the mailbox, a server's message) is made printable and capped, so a CR/LF in it cannot forge a line.
 */
public final class Redaction {

    /** Longest remote file name kept; ESR's names are about 40 characters, anything longer is not ours. */
    public static final int MAX_REMOTE_NAME = 120;
    /** Longest message of one of our own exceptions kept: they are one sentence, so more is a bug. */
    static final int MAX_OWN_MESSAGE = 1000;
    private static final String OUR_PACKAGE = "health.patchwork.esr.";
    private static final char ELLIPSIS = '\u2026';

    private Redaction() {
    }

    /**
     * One line for a log or a stored reason: every exception of the chain by simple class name, the SQLSTATE of SQL
     * errors, and the message of our own exceptions only, e.g.
     * {@code DataIntegrityViolationException <- PSQLException SQLSTATE 23514}.
     */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "no failure";
        }
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (!line.isEmpty()) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                line.append(" SQLSTATE ").append(printable(sql.getSQLState(), 5));
            }
            if (isOurs(t) && t.getMessage() != null) {
                line.append(": ").append(printable(t.getMessage(), MAX_OWN_MESSAGE));
            }
        }
        return line.toString();
    }

    /**
     * What a caller or an operator may be told of a failure in one phrase: the message of our own exception (made
     * printable), else only the class of a foreign one, never its message.
     */
    public static String message(Throwable failure) {
        if (failure == null) {
            return "no failure";
        }
        if (isOurs(failure) && failure.getMessage() != null) {
            return printable(failure.getMessage(), MAX_OWN_MESSAGE);
        }
        return describe(failure);
    }

    /**
     * The chain with every message withheld but classes and stack traces kept, to pass as a log call's throwable
     * where an operator needs the stack to find a bug.
     */
    public static Throwable withStackOnly(Throwable failure) {
        return RedactedThrowable.of(failure);
    }

    /** A file name we did not choose (seen on the mailbox, sent by a client), as it may be logged or stored. */
    public static String remoteName(String name) {
        return name == null ? null : printable(name, MAX_REMOTE_NAME);
    }

    /**
     * Text from outside made safe for one log line: control characters (CR, LF, TAB, ESC, DEL, C1) and line or
     * paragraph separators as visible escapes ({@code \r}, {@code \n}, {@code \u0007}), a backslash doubled so an
     * escape cannot be faked, and cut to {@code max} characters of the result followed by an ellipsis.
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            String piece = escape(text.charAt(i));
            if (out.length() + piece.length() > max) {
                return out.append(ELLIPSIS).toString();
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    || Character.getType(c) == Character.FORMAT
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }

    private static boolean isOurs(Throwable t) {
        return t.getClass().getName().startsWith(OUR_PACKAGE) && !(t instanceof RedactedThrowable);
    }
}
