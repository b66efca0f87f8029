package health.patchwork.esr.outbound.ledger;

import java.sql.SQLException;

/**
 * Describes a failure for logs and the ledger without its message: database and parser messages can quote the
 * offending value, and ESR rows hold personal data. Class names and SQLSTATE codes are enough to find the cause.
 */
public final class SafeFailure {

    private SafeFailure() {
    }

    public static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        Throwable t = failure;
        int depth = 0;
        while (t != null && depth++ < 5) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sb.append(" SQLSTATE ").append(sql.getSQLState());
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return sb.toString();
    }
}
