package health.patchwork.esr.outbound.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One worker at a time on a given GO file, across threads and instances: a PostgreSQL session advisory lock (the
 * two-key form: a class of its own and the file's ledger id) on a connection of its own, held for the whole of a
 * step on the file: the leader processing a downloaded file, an operator's approve, reject or reprocess. Whoever
 * does not get it leaves the file alone ({@link FileBusyException}): the leader's pass over unfinished files stops
 * there (the file's turn comes again at the next poll, so files are still applied in sequence order), an operator's
 * request is refused with 409. Each step reads the file's ledger row again once it holds the lock.
 * <p>
 * The lock lapses if its database session is lost; the apply itself is fenced again inside its transaction
 * ({@link FileApplier}: the row must still be VALIDATED under the apply lock), so even then a file is applied once.
 */
@Component
public class FileLocks {

    /** "ESRF"; the two-key form of the advisory locks never meets the one-key poll, apply and export locks. */
    static final int LOCK_CLASS = 0x45535246;

    private final DataSource dataSource;
    /** Files this thread holds: a step may call another step on the same file (reprocess, then process). */
    private final ThreadLocal<Set<Long>> heldHere = ThreadLocal.withInitial(HashSet::new);

    public FileLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code step} holding the file's lock; throws {@link FileBusyException} at once when another holds it. */
    public <T> T whileHeld(long fileId, Supplier<T> step) {
        if (heldHere.get().contains(fileId)) {
            return step.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?, ?)", fileId)) {
                throw new FileBusyException(fileId);
            }
            heldHere.get().add(fileId);
            try {
                return step.get();
            } finally {
                heldHere.get().remove(fileId);
                release(connection, fileId);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not take or release the lock of file " + fileId
                    + ": SQLSTATE " + e.getSQLState(), e);
        }
    }

    private static void release(Connection connection, long fileId) {
        try {
            call(connection, "select pg_advisory_unlock(?, ?)", fileId);
        } catch (SQLException e) {
            // a pooled connection would keep the lock: abort it, so that the pool drops it and the session ends
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the close that follows is the last attempt
            }
        }
    }

    private static boolean call(Connection connection, String sql, long fileId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_CLASS);
            // ids beyond 2^31 wrap: two files sharing a lock only wait for each other
            statement.setInt(2, (int) fileId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Another thread or instance is working on the file right now. */
    public static final class FileBusyException extends IllegalStateException {

        FileBusyException(long fileId) {
            super("file " + fileId + " is being processed right now (by another instance or request); try again"
                    + " once that has finished");
        }
    }
}
