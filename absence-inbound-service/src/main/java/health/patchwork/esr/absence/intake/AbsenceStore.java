package health.patchwork.esr.absence.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.mapping.DetailsColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code absence}: what the platform sent, as it should now stand in ESR. */
@Repository
class AbsenceStore {

    private final JdbcClient jdbc;

    AbsenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the absence id, or its ESR reference, is known; true when inserted. */
    boolean insert(NewAbsence absence, Instant now) {
        AbsenceDetails d = absence.details();
        return jdbc.sql("""
                insert into absence (absence_id, reference, category, platform_reason, assignment_number, absence_type,
                    absence_reason, units, sickness, start_date, start_time, end_date, end_time, duration_days,
                    duration_hours, open_ended, return_to_work_date, notification_date, period_key, request_hash,
                    received_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(absence.absenceId(), absence.reference(), absence.category().name(), absence.platformReason(),
                        d.assignmentNumber(), d.absenceType(), d.absenceReason(), d.units(), d.sickness(),
                        d.startDate(), d.startTime(), d.endDate(), d.endTime(), d.durationDays(), d.durationHours(),
                        d.openEnded(), d.returnToWorkDate(), d.notificationDate(), absence.periodKey(),
                        absence.requestHash(), Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    Optional<StoredAbsence> find(String absenceId) {
        return jdbc.sql("select * from absence where absence_id = ?").param(absenceId)
                .query(AbsenceStore::map).optional();
    }

    /** Replaces the details with a new revision; the previous export rejection no longer applies. */
    void update(String absenceId, int expectedRevision, AbsenceDetails d, int periodKey, Instant now) {
        int updated = jdbc.sql("""
                update absence set assignment_number = ?, absence_type = ?, absence_reason = ?, units = ?,
                    sickness = ?, start_date = ?, start_time = ?, end_date = ?, end_time = ?, duration_days = ?,
                    duration_hours = ?, open_ended = ?, return_to_work_date = ?, notification_date = ?,
                    period_key = ?, revision = revision + 1, rejection = null, updated_at = ?
                where absence_id = ? and revision = ? and not cancelled""")
                .params(d.assignmentNumber(), d.absenceType(), d.absenceReason(), d.units(), d.sickness(),
                        d.startDate(), d.startTime(), d.endDate(), d.endTime(), d.durationDays(), d.durationHours(),
                        d.openEnded(), d.returnToWorkDate(), d.notificationDate(), periodKey, Timestamp.from(now),
                        absenceId, expectedRevision)
                .update();
        if (updated != 1) {
            throw AbsenceProblems.concurrentChange();
        }
    }

    void cancel(String absenceId, Instant now) {
        jdbc.sql("""
                update absence set cancelled = true, revision = revision + 1, rejection = null, updated_at = ?
                where absence_id = ? and not cancelled""")
                .params(Timestamp.from(now), absenceId).update();
    }

    private static StoredAbsence map(ResultSet rs, int row) throws SQLException {
        AbsenceDetails details = DetailsColumns.read(rs, "");
        int sent = rs.getInt("sent_revision");
        return new StoredAbsence(rs.getString("absence_id"), rs.getString("reference"),
                AbsenceCategory.valueOf(rs.getString("category")), rs.getString("platform_reason"), details,
                rs.getBoolean("cancelled"), rs.getString("request_hash"), rs.getInt("revision"),
                rs.wasNull() ? null : sent);
    }
}
