package health.patchwork.esr.absence.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.mapping.AbsenceCategory;
import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.mapping.DetailsColumns;
import health.patchwork.esr.absence.period.FinalisedPeriods;
import health.patchwork.esr.absence.period.PayrollPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code absence}: what the platform sent, as it should now stand in ESR, and how far it got: the revision
 * last sent, the revision ESR echoed back, and why the last export left it out.
 */
@Repository
public class AbsenceStore {

    /** Something to send: the absence as it is now, empty when cancelled. */
    public record Due(String absenceId, String reference, int revision, Optional<AbsenceDetails> desired) {
    }

    /** The outcome of an absence's precheck: why it cannot be sent now, or null when it can. */
    public record Precheck(String absenceId, int revision, String rejection) {
    }

    /**
     * How far an absence got on its way to ESR; a revision is null when none was sent or confirmed yet. Its period is
     * {@code periodKey} of {@code payroll}, of type {@code periodType} (null on rows from before payrolls: the single
     * payroll's).
     */
    public record Progress(String absenceId, String reference, String payroll, String periodType, int periodKey,
            boolean cancelled, int revision,
            Integer sentRevision, Integer confirmedRevision, Instant confirmedAt, String rejection,
            boolean echoDiffers) {
    }

    /** ESR echoed this revision of the absence back, as the ESR absence (null when the echo was a deletion). */
    public record Confirmation(String absenceId, int revision, String esrAbsenceId) {
    }

    private static final String PROGRESS = """
            select absence_id, reference, payroll, period_type, period_key, cancelled, revision, sent_revision, confirmed_revision,
                   confirmed_at, rejection, echo_differs
            from absence""";

    /**
     * Of one payroll, changed since last sent, and either sent before (a change goes in the payroll's next file) or
     * new and due.
     */
    private static final String DUE = "select absence_id, reference, revision, cancelled, "
            + String.join(", ", DetailsColumns.NAMES) + """
             from absence
            where sent_revision is distinct from revision and payroll is not distinct from ?
              and (sent_revision is not null or (not cancelled and period_key <= ?))""";

    private final JdbcClient jdbc;

    AbsenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the absence id, or its ESR reference, is known; true when inserted. */
    public boolean insert(NewAbsence absence, Instant now) {
        AbsenceDetails d = absence.details();
        return jdbc.sql("""
                insert into absence (absence_id, reference, category, platform_reason, assignment_number, absence_type,
                    absence_reason, units, sickness, start_date, start_time, end_date, end_time, duration_days,
                    duration_hours, open_ended, return_to_work_date, notification_date, payroll, period_type,
                    period_key, request_hash, received_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(absence.absenceId(), absence.reference(), absence.category().name(), absence.platformReason(),
                        d.assignmentNumber(), d.absenceType(), d.absenceReason(), d.units(), d.sickness(),
                        d.startDate(), d.startTime(), d.endDate(), d.endTime(), d.durationDays(), d.durationHours(),
                        d.openEnded(), d.returnToWorkDate(), d.notificationDate(), absence.period().payroll(),
                        String.valueOf(absence.period().type().code()), absence.period().key(), absence.requestHash(), Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    public Optional<StoredAbsence> find(String absenceId) {
        return jdbc.sql("select * from absence where absence_id = ?").param(absenceId)
                .query(AbsenceStore::stored).optional();
    }

    /**
     * Replaces the details with a new revision, in the payroll period the new start routes to; the previous export
     * rejection no longer applies. False when the absence is no longer at the expected revision (another change came
     * first) or is cancelled.
     */
    public boolean update(String absenceId, int expectedRevision, AbsenceDetails d, PayrollPeriod period,
            Instant now) {
        return jdbc.sql("""
                update absence set assignment_number = ?, absence_type = ?, absence_reason = ?, units = ?,
                    sickness = ?, start_date = ?, start_time = ?, end_date = ?, end_time = ?, duration_days = ?,
                    duration_hours = ?, open_ended = ?, return_to_work_date = ?, notification_date = ?,
                    payroll = ?, period_type = ?, period_key = ?, revision = revision + 1, rejection = null,
                    updated_at = ?
                where absence_id = ? and revision = ? and not cancelled""")
                .params(d.assignmentNumber(), d.absenceType(), d.absenceReason(), d.units(), d.sickness(),
                        d.startDate(), d.startTime(), d.endDate(), d.endTime(), d.durationDays(), d.durationHours(),
                        d.openEnded(), d.returnToWorkDate(), d.notificationDate(), period.payroll(),
                        String.valueOf(period.type().code()), period.key(), Timestamp.from(now),
                        absenceId, expectedRevision)
                .update() == 1;
    }

    public void cancel(String absenceId, Instant now) {
        jdbc.sql("""
                update absence set cancelled = true, revision = revision + 1, rejection = null, updated_at = ?
                where absence_id = ? and not cancelled""")
                .params(Timestamp.from(now), absenceId).update();
    }

    /** What the next file of the payroll's period would carry, prechecked or not, in reference order. */
    public List<Due> due(PayrollPeriod period) {
        return jdbc.sql(DUE + " order by reference").params(period.payroll(), period.key())
                .query(AbsenceStore::due).list();
    }

    /**
     * What the period's file carries: the due absences that passed the precheck, first sends first, each in
     * reference order; locked until the file is recorded, so that a change waits for it.
     */
    public List<Due> lockSendable(PayrollPeriod period) {
        return jdbc.sql(DUE + " and rejection is null order by (sent_revision is not null), reference for update")
                .params(period.payroll(), period.key()).query(AbsenceStore::due).list();
    }

    /** Records each precheck at the revision it checked: a change since then is checked by the next one. */
    public void recordPrechecks(List<Precheck> prechecks) {
        if (prechecks.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update absence a set rejection = p.rejection
                from unnest(?::text[], ?::integer[], ?::text[]) as p (absence_id, revision, rejection)
                where a.absence_id = p.absence_id and a.revision = p.revision""")
                .params(prechecks.stream().map(Precheck::absenceId).toArray(String[]::new),
                        prechecks.stream().map(Precheck::revision).toArray(Integer[]::new),
                        prechecks.stream().map(Precheck::rejection).toArray(String[]::new))
                .update();
    }

    /** The absences' current revisions went into a file. */
    public void markSent(Collection<String> absenceIds) {
        if (absenceIds.isEmpty()) {
            return;
        }
        jdbc.sql("update absence set sent_revision = revision where absence_id = any(?)")
                .param(absenceIds.toArray(String[]::new)).update();
    }

    public Optional<Progress> progress(String absenceId) {
        return jdbc.sql(PROGRESS + " where absence_id = ?").param(absenceId).query(AbsenceStore::progress).optional();
    }

    public Optional<Progress> progressByReference(String reference) {
        return jdbc.sql(PROGRESS + " where reference = ?").param(reference).query(AbsenceStore::progress).optional();
    }

    /** The absences starting in the payroll's period, in reference order. */
    public List<Progress> progressOfPeriod(PayrollPeriod period) {
        return jdbc.sql(PROGRESS + " where payroll is not distinct from ? and period_key = ? order by reference")
                .params(period.payroll(), period.key()).query(AbsenceStore::progress).list();
    }

    /**
     * In reference order, the absences that may need attention: left out of an export, or sent as last changed and
     * not confirmed (which need it once their last file is older than the window).
     */
    public List<Progress> progressMaybeNeedingAttention() {
        return jdbc.sql(PROGRESS + """
                 where rejection is not null
                    or (sent_revision = revision and confirmed_revision is distinct from sent_revision)
                order by reference""").query(AbsenceStore::progress).list();
    }

    /** Sent, and not cancelled since, but ESR has not echoed the latest revision sent. */
    public long countUnconfirmed() {
        return jdbc.sql("""
                select count(*) from absence
                where sent_revision is not null and not cancelled
                  and coalesce(confirmed_revision, -1) < sent_revision""").query(Long.class).single();
    }

    /** Sent, cancellations included, with the latest revision sent not (yet) echoed by ESR: what to reconcile. */
    public List<Progress> awaitingEcho() {
        return jdbc.sql(PROGRESS + " where sent_revision is not null"
                + " and confirmed_revision is distinct from sent_revision")
                .query(AbsenceStore::progress).list();
    }

    /** Records the confirmations of revisions not confirmed yet; returns the absences that became confirmed. */
    public List<String> confirm(List<Confirmation> confirmations, Instant at) {
        if (confirmations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update absence a
                set confirmed_revision = c.revision, confirmed_at = ?,
                    esr_absence_id = coalesce(c.esr_absence_id, a.esr_absence_id)
                from unnest(?::text[], ?::integer[], ?::text[]) as c (absence_id, revision, esr_absence_id)
                where c.absence_id = a.absence_id and a.confirmed_revision is distinct from c.revision
                returning a.absence_id""")
                .params(Timestamp.from(at),
                        confirmations.stream().map(Confirmation::absenceId).toArray(String[]::new),
                        confirmations.stream().map(Confirmation::revision).toArray(Integer[]::new),
                        confirmations.stream().map(Confirmation::esrAbsenceId).toArray(String[]::new))
                .query(String.class).list();
    }

    /**
     * Marks the sent absences whose latest revision sent is not confirmed although ESR holds them (those of
     * {@code echoedIds}): ESR holds them with other values than last sent. Clears the mark of every other sent one.
     */
    public void markEchoDiffers(Collection<String> echoedIds) {
        jdbc.sql("""
                update absence
                set echo_differs = confirmed_revision is distinct from sent_revision and absence_id = any(?)
                where sent_revision is not null""")
                .param(echoedIds.toArray(String[]::new)).update();
    }

    /**
     * Absences neither sent, cancelled nor left out for a problem that one of these finalisations should have
     * carried: a finalisation of their payroll's period or a later one, made after they came in.
     */
    public long countLeftUnsentBy(List<FinalisedPeriods.Finalised> finalisations) {
        if (finalisations.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from absence a where " + LEFT_UNSENT + " " + """
                   and exists (select 1 from unnest(?::text[], ?::integer[], ?::timestamptz[])
                                  as f (payroll, period_key, finalised_at)
                              where f.payroll is not distinct from a.payroll and f.period_key >= a.period_key
                                and f.finalised_at >= a.received_at)""")
                .params(finalisationParams(finalisations))
                .query(Long.class).single();
    }

    /** A finalised period whose file should have carried {@code absences} absences that are still unsent. */
    public record LeftUnsent(String payroll, int periodKey, long absences) {
    }

    /**
     * What {@link #countLeftUnsentBy} counts, by the finalisation that should have carried them (an absence several
     * finalisations should have carried counts for each), in period order.
     */
    public List<LeftUnsent> leftUnsentBy(List<FinalisedPeriods.Finalised> finalisations) {
        if (finalisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select f.payroll, f.period_key, count(*)
                from unnest(?::text[], ?::integer[], ?::timestamptz[]) as f (payroll, period_key, finalised_at)
                join absence a on f.payroll is not distinct from a.payroll and f.period_key >= a.period_key
                                  and f.finalised_at >= a.received_at
                where""" + " " + LEFT_UNSENT + " " + """
                 group by f.payroll, f.period_key order by f.period_key, f.payroll nulls first""")
                .params(finalisationParams(finalisations))
                .query((rs, n) -> new LeftUnsent(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    private static final String LEFT_UNSENT = "a.sent_revision is null and not a.cancelled and a.rejection is null";

    private static Object[] finalisationParams(List<FinalisedPeriods.Finalised> finalisations) {
        return new Object[] {
                finalisations.stream().map(FinalisedPeriods.Finalised::payroll).toArray(String[]::new),
                finalisations.stream().map(FinalisedPeriods.Finalised::periodKey).toArray(Integer[]::new),
                // ISO instants, which PostgreSQL reads as timestamptz (the driver sends no timestamp arrays)
                finalisations.stream().map(f -> f.at().toString()).toArray(String[]::new)};
    }

    /**
     * Absences with something to send whose payroll is none of {@code payrolls} (ESR names as the settings spell them;
     * null for the single payroll of a deployment without payroll settings): no finalisation will carry them until the
     * settings name their payroll again. Compared exactly, as {@link #due} compares: an absence stored under a name
     * whose spelling the settings have since changed is one a finalisation would miss, and is counted.
     */
    public long countWaitingOutside(Collection<String> payrolls) {
        return jdbc.sql("""
                select count(*) from absence
                where sent_revision is distinct from revision and (sent_revision is not null or not cancelled)
                  and not coalesce(payroll, '') = any (?)""")
                .param(payrolls.stream().map(p -> p == null ? "" : p).toArray(String[]::new))
                .query(Long.class).single();
    }

    private static StoredAbsence stored(ResultSet rs, int row) throws SQLException {
        AbsenceDetails details = DetailsColumns.read(rs, "");
        return new StoredAbsence(rs.getString("absence_id"), rs.getString("reference"),
                AbsenceCategory.valueOf(rs.getString("category")), rs.getString("platform_reason"), details,
                rs.getBoolean("cancelled"), rs.getString("request_hash"), rs.getInt("revision"),
                rs.getObject("sent_revision", Integer.class));
    }

    private static Due due(ResultSet rs, int row) throws SQLException {
        return new Due(rs.getString("absence_id"), rs.getString("reference"), rs.getInt("revision"),
                rs.getBoolean("cancelled") ? Optional.empty() : Optional.of(DetailsColumns.read(rs, "")));
    }

    private static Progress progress(ResultSet rs, int row) throws SQLException {
        Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
        return new Progress(rs.getString("absence_id"), rs.getString("reference"), rs.getString("payroll"),
                rs.getString("period_type"), rs.getInt("period_key"),
                rs.getBoolean("cancelled"), rs.getInt("revision"), rs.getObject("sent_revision", Integer.class),
                rs.getObject("confirmed_revision", Integer.class),
                confirmedAt == null ? null : confirmedAt.toInstant(), rs.getString("rejection"),
                rs.getBoolean("echo_differs"));
    }
}
