package health.patchwork.esr.support.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * One exporter at a time per file type, across threads and instances: a PostgreSQL session advisory lock held on a
 * connection of its own for the whole export (allocate, write, upload, mark). If the process dies, the database
 * ends the session and the lock is free again.
 * <p>
 * Leader election ({@code support.leader}) keeps standby instances from running the scheduled exports at all, but
 * an election lease can lapse under a paused leader while another is elected; this lock, held by a live session,
 * cannot. It, not the election, is what makes each file go out exactly once, and it also covers exports an
 * operator requests through the REST API on any instance.
 */
public class ExportLock {

    private final DataSource dataSource;
    private final long key;

    public ExportLock(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        // a stable 64-bit key from the name (String.hashCode is specified, so the key is the same in every JVM)
        this.key = 0x45535200_00000000L | (name.hashCode() & 0xffffffffL);
    }

    /** The lock when free now, empty when another exporter holds it. */
    public Optional<Held> tryAcquire() {
        return acquire("select true, pg_try_advisory_lock(?)");
    }

    /**
     * Waits for the lock. pg_advisory_lock returns void, so the query reports success in a column of its own; an
     * expression such as {@code pg_advisory_lock(?) is null or true} would be folded to {@code true} by the planner
     * and the lock never taken.
     */
    public Held acquire() {
        return acquire("select pg_advisory_lock(?) is null, true").orElseThrow();
    }

    private Optional<Held> acquire(String sql) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(2)) {
                        Held held = new Held(connection);
                        connection = null;
                        return Optional.of(held);
                    }
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new ExportException("could not take the export lock", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends with the connection, and the lock with it
            }
        }
    }

    /** The lock, released on close. */
    public final class Held implements AutoCloseable {

        private final Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        /**
         * Asks the database whether this session still holds the lock: false once the connection is gone (the
         * database restarted, or a network cut ended the session), when another exporter may already have taken it.
         * The key's high and low halves are pg_locks' classid and objid; objsubid 1 marks a bigint key.
         */
        public boolean stillHeld() {
            String sql = "select exists (select 1 from pg_locks where locktype = 'advisory'"
                    + " and pid = pg_backend_pid() and granted and objsubid = 1 and classid = ?::oid and objid = ?::oid)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, key >>> 32);
                statement.setLong(2, key & 0xffffffffL);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                return false;
            }
        }

        /** Throws unless {@link #stillHeld()}: the last check before a file becomes visible to ESR. */
        public void verify() {
            if (!stillHeld()) {
                throw new ExportException("the export lock was lost (its database session ended); another instance"
                        + " may be exporting");
            }
        }

        @Override
        public void close() {
            try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                statement.setLong(1, key);
                statement.execute();
            } catch (SQLException e) {
                // a pooled connection would keep the lock: abort it so the pool drops it and the session ends
                try {
                    connection.abort(Runnable::run);
                } catch (SQLException ignored) {
                    // nothing more to do; the close below is the last attempt
                }
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
