package health.patchwork.esr.support.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Table {@code operator_audit} in the service's own schema (first on the connection's search path), one row per
 * operator request. Writes join the caller's transaction when there is one, so a row can commit or roll back with
 * the change it describes.
 */
public class AuditTrail {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final AuditSettings settings;

    public AuditTrail(JdbcClient jdbc, AuditSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Records a request before it runs, as STARTED; returns the row's id for {@link #finish}. */
    public long start(String action, String target, AuditChannel channel) {
        AuditActor actor = AuditActor.current(settings.displayClaim());
        return jdbc.sql("""
                insert into operator_audit (subject, display_name, action, target, channel, outcome)
                values (:subject, :display, :action, :target, :channel, 'STARTED') returning id""")
                .param("subject", actor.subject()).param("display", actor.displayName()).param("action", action)
                .param("target", target).param("channel", channel.name())
                .query(Long.class).single();
    }

    public void finish(long id, AuditResult result) {
        jdbc.sql("""
                update operator_audit set outcome = :outcome, detail = :detail, finished_at = clock_timestamp()
                where id = :id""")
                .param("id", id).param("outcome", result.outcome().name()).param("detail", shorten(result.detail()))
                .update();
    }

    /** Records a request and its outcome in one row. */
    public void record(String action, String target, AuditChannel channel, AuditResult result) {
        AuditActor actor = AuditActor.current(settings.displayClaim());
        jdbc.sql("""
                insert into operator_audit (subject, display_name, action, target, channel, outcome, detail,
                                            finished_at)
                values (:subject, :display, :action, :target, :channel, :outcome, :detail, clock_timestamp())""")
                .param("subject", actor.subject()).param("display", actor.displayName()).param("action", action)
                .param("target", target).param("channel", channel.name()).param("outcome", result.outcome().name())
                .param("detail", shorten(result.detail()))
                .update();
    }

    /** The newest entries first. */
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("""
                select id, requested_at, finished_at, subject, display_name, action, target, channel, outcome, detail
                from operator_audit order by id desc limit :limit""")
                .param("limit", limit).query(AuditTrail::map).list();
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("subject"), rs.getString("display_name"),
                rs.getString("action"), rs.getString("target"), AuditChannel.valueOf(rs.getString("channel")),
                AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"));
    }
}
