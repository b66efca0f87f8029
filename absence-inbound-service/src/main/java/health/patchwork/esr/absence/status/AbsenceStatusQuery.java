package health.patchwork.esr.absence.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.config.AbsenceSettings;
import health.patchwork.esr.absence.period.PayrollPeriods;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the status of absences: by id, by period, and those needing attention. */
@Component
public class AbsenceStatusQuery {

    private static final String SELECT = """
            select a.absence_id, a.reference, a.period_key, a.cancelled, a.revision, a.sent_revision,
                   a.confirmed_revision, a.confirmed_at, a.rejection, a.echo_differs, r.operation as last_operation,
                   f.file_name as last_file, f.uploaded_at
            from absence a
            left join lateral (select * from export_row x where x.absence_id = a.absence_id
                               order by x.file_id desc, x.row_number desc limit 1) r on true
            left join export_file f on f.id = r.file_id
            """;

    /** Exported as last changed, not echoed, and uploaded before the window began; or left out of an export. */
    private static final String NEEDS_ATTENTION = """
            (a.rejection is not null
             or (a.sent_revision = a.revision and a.confirmed_revision is distinct from a.sent_revision
                 and r.operation <> 'DEL' and f.uploaded_at < :windowStart))""";

    private final JdbcClient jdbc;
    private final PayrollPeriods periods;
    private final Clock clock;
    private final Duration window;

    public AbsenceStatusQuery(JdbcClient jdbc, PayrollPeriods periods, Clock clock, AbsenceSettings settings) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.clock = clock;
        this.window = Duration.ofDays(settings.reconcileWindowDays());
    }

    public Optional<AbsenceStatusView> byId(String absenceId) {
        Instant windowStart = windowStart();
        return jdbc.sql(SELECT + " where a.absence_id = :id").param("id", absenceId)
                .query((rs, n) -> view(rs, windowStart, files(absenceId))).optional();
    }

    /** The absence ESR knows by this third-party reference, with its file history. */
    public Optional<AbsenceStatusView> byReference(String reference) {
        Instant windowStart = windowStart();
        return jdbc.sql(SELECT + " where a.reference = :reference").param("reference", reference)
                .query((rs, n) -> view(rs, windowStart, files(rs.getString("absence_id")))).optional();
    }

    /** Absences starting in the period, in reference order, without their file history. */
    public List<AbsenceStatusView> byPeriod(int periodKey) {
        Instant windowStart = windowStart();
        return jdbc.sql(SELECT + " where a.period_key = :period order by a.reference").param("period", periodKey)
                .query((rs, n) -> view(rs, windowStart, List.of())).list();
    }

    public List<AbsenceStatusView> needingAttention() {
        Instant windowStart = windowStart();
        return jdbc.sql(SELECT + " where " + NEEDS_ATTENTION + " order by a.reference")
                .param("windowStart", Timestamp.from(windowStart))
                .query((rs, n) -> view(rs, windowStart, List.of())).list();
    }

    public long countNeedingAttention() {
        return jdbc.sql("select count(*) from (" + SELECT + " where " + NEEDS_ATTENTION + ") attention")
                .param("windowStart", Timestamp.from(windowStart())).query(Long.class).single();
    }

    private Instant windowStart() {
        return clock.instant().minus(window);
    }

    private List<AbsenceStatusView.FileRow> files(String absenceId) {
        return jdbc.sql("""
                select f.file_name, r.row_number, r.operation, f.state from export_row r
                join export_file f on f.id = r.file_id where r.absence_id = ? order by r.file_id, r.row_number""")
                .param(absenceId)
                .query((rs, n) -> new AbsenceStatusView.FileRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    private AbsenceStatusView view(ResultSet rs, Instant windowStart, List<AbsenceStatusView.FileRow> files)
            throws SQLException {
        int revision = rs.getInt("revision");
        int sent = rs.getInt("sent_revision");
        boolean everSent = !rs.wasNull();
        int confirmed = rs.getInt("confirmed_revision");
        boolean everConfirmed = !rs.wasNull();
        boolean cancelled = rs.getBoolean("cancelled");
        String rejection = rs.getString("rejection");
        String lastOperation = rs.getString("last_operation");
        Instant uploadedAt = instant(rs.getTimestamp("uploaded_at"));
        boolean changesPending = everSent && sent < revision;
        AbsenceStatus status;
        String reason = null;
        if (rejection != null) {
            status = AbsenceStatus.NEEDS_ATTENTION;
            reason = "left out of the last export: " + rejection;
        } else if (!everSent) {
            status = cancelled ? AbsenceStatus.CANCELLED : AbsenceStatus.PENDING;
        } else if (changesPending) {
            status = AbsenceStatus.PENDING;
        } else if ("DEL".equals(lastOperation)) {
            status = AbsenceStatus.WITHDRAWN;
        } else if (everConfirmed && confirmed == sent) {
            status = AbsenceStatus.CONFIRMED;
        } else if (uploadedAt != null && uploadedAt.isBefore(windowStart)) {
            status = AbsenceStatus.NEEDS_ATTENTION;
            reason = rs.getBoolean("echo_differs")
                    ? "ESR holds it with another absence type, start or end than last sent, " + window.toDays()
                            + " days after export"
                    : "exported but not echoed back by ESR within " + window.toDays() + " days";
        } else {
            status = AbsenceStatus.EXPORTED;
        }
        return new AbsenceStatusView(rs.getString("absence_id"), rs.getString("reference"),
                periods.id(rs.getInt("period_key")), status, changesPending, rs.getString("last_file"), uploadedAt,
                instant(rs.getTimestamp("confirmed_at")), reason, files);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
