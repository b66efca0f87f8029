package health.patchwork.esr.absence.reconcile;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import health.patchwork.esr.absence.status.AbsenceStatusQuery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes the loop through the outbound feed (docs/spec/inbound-files.md §4): an absence whose last uploaded ABS row ESR has
 * echoed back (an ABA row with our reference in field 33, applied by the outbound service and published in
 * {@code workforce.published_absence}) becomes confirmed. ADD and END match on reference, absence type, start and
 * end; DEL matches when every echoed row with the reference has been deleted by ESR. Reconciliation never changes or
 * re-sends anything else; absences still unconfirmed after the window are listed for attention and counted by the
 * gauge {@code esr.absence.needs.attention}.
 */
@Service
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private static final String CONFIRM = """
            with latest as (
                select distinct on (r.absence_id) r.absence_id, r.revision, r.operation, r.reference,
                       r.absence_type, r.start_date, r.end_date
                from export_row r join export_file f on f.id = r.file_id and f.state = 'UPLOADED'
                order by r.absence_id, r.file_id desc, r.row_number desc
            ), echoed as (
                select l.absence_id, l.revision, min(p.absence_attendance_id) as esr_absence_id
                from latest l
                join workforce.published_absence p on p.third_party_reference = l.reference
                where l.operation <> 'DEL' and not p.deleted_by_esr
                  and p.absence_type = l.absence_type and p.actual_start_date = l.start_date
                  and p.actual_end_date is not distinct from l.end_date
                group by l.absence_id, l.revision
                union all
                select l.absence_id, l.revision, null
                from latest l
                where l.operation = 'DEL'
                  and exists (select 1 from workforce.published_absence p
                              where p.third_party_reference = l.reference and p.deleted_by_esr)
                  and not exists (select 1 from workforce.published_absence p
                                  where p.third_party_reference = l.reference and not p.deleted_by_esr)
            )
            update absence a
            set confirmed_revision = e.revision, confirmed_at = ?,
                esr_absence_id = coalesce(e.esr_absence_id, a.esr_absence_id)
            from echoed e
            where e.absence_id = a.absence_id and a.confirmed_revision is distinct from e.revision""";

    /** Echoed with our reference, but not (yet) with the values last sent. */
    private static final String MARK_DIFFERING = """
            update absence a
            set echo_differs = a.confirmed_revision is distinct from a.sent_revision
                and exists (select 1 from workforce.published_absence p
                            where p.third_party_reference = a.reference and not p.deleted_by_esr)
            where a.sent_revision is not null""";

    private final JdbcClient jdbc;
    private final AbsenceStatusQuery status;
    private final Clock clock;

    public Reconciler(JdbcClient jdbc, AbsenceStatusQuery status, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.status = status;
        this.clock = clock;
        Gauge.builder("esr.absence.needs.attention", status, AbsenceStatusQuery::countNeedingAttention)
                .description("Absences left out of an export, or exported and not echoed by ESR within the window")
                .register(meters);
    }

    /** Confirms what ESR has echoed; returns how many absences became confirmed and how many need attention. */
    @Transactional
    public Result run() {
        int confirmed = jdbc.sql(CONFIRM).param(Timestamp.from(clock.instant())).update();
        jdbc.sql(MARK_DIFFERING).update();
        long attention = status.countNeedingAttention();
        if (confirmed > 0 || attention > 0) {
            log.info("Absence reconciliation: {} newly confirmed by ESR, {} need attention", confirmed, attention);
        }
        return new Result(confirmed, attention);
    }

    public record Result(int newlyConfirmed, long needsAttention) {
    }
}
