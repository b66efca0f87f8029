package health.patchwork.esr.outbound.mailbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Lets one instance poll at a time when several run behind a load balancer: a PostgreSQL session advisory lock,
 * held on its own connection for the length of a poll and released (or dropped with the connection) afterwards.
 * An instance that does not get it skips this poll.
 * <p>
 * Leader election already keeps standbys from polling, but its lease can lapse under a leader that is paused for
 * longer than the lease while a new leader starts; this lock cannot, as the database holds it for the live session.
 * Election decides who tries; this lock is what makes a file's pickup happen once.
 */
@Component
public class PollLock {

    static final long POLL_LOCK = 0x45_53_52_50_4f_4cL;

    private final DataSource dataSource;

    public PollLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code poll} if no other instance holds the lock; returns whether it ran. */
    public boolean runIfFree(Runnable poll) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?)")) {
                return false;
            }
            try {
                poll.run();
                return true;
            } finally {
                call(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the poll lock: SQLSTATE " + e.getSQLState(), e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, POLL_LOCK);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
