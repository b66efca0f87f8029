-- The contract with attendance-inbound-service and absence-inbound-service: two read-only views they use to
-- validate and reconcile what they send. Their shape is fixed by
-- esr-test-support/.../workforce/published-contract-stub.sql; PublishedContractTest keeps the two in step.
-- Change the shape only together with that stub and both inbound services.

-- Every assignment slice ESR has sent and not deleted. employee_number comes from the person's slice in force on
-- the assignment slice's start (else the person's latest slice); cost_centre from the assignment's costing in
-- force today, else its organisation's default cost centre.
create view published_assignment as
select a.entity_id                 as assignment_id,
       a.assignment_number         as assignment_number,
       a.person_id                 as person_id,
       p.employee_number           as employee_number,
       a.effective_start           as effective_start,
       a.effective_end             as effective_end,
       a.assignment_status         as assignment_status,
       a.ta_flag                   as ta_flag,
       coalesce(c.cost_centre, o.default_cost_centre) as cost_centre,
       a.updated_at                as updated_at
from assignment a
left join lateral (
    select ps.employee_number
    from person ps
    where ps.entity_id = a.person_id and ps.record_status <> 'DELETED_BY_ESR'
    order by (ps.effective_start <= a.effective_start
              and (ps.effective_end is null or a.effective_start <= ps.effective_end)) desc,
             ps.effective_start desc
    limit 1) p on true
left join lateral (
    select co.cost_centre
    from costing co
    where co.assignment_id = a.entity_id and co.record_status = 'CURRENT'
      and (co.start_date is null or co.start_date <= current_date)
      and (co.end_date is null or current_date <= co.end_date)
    order by co.start_date desc nulls last, co.entity_id
    limit 1) c on true
left join organisation o on o.entity_id = a.organisation_id and o.record_status = 'CURRENT'
where a.record_status <> 'DELETED_BY_ESR';

-- Absences ESR has echoed back (ABA rows) that carry our third-party reference (field 33). An absence that a full
-- refresh ended is gone from ESR just as a deleted one is, so both read as deleted_by_esr.
create view published_absence as
select ab.entity_id                      as absence_attendance_id,
       ab.person_id                      as person_id,
       ab.third_party_reference          as third_party_reference,
       ab.absence_type                   as absence_type,
       ab.absence_reason                 as absence_reason,
       ab.actual_start_date              as actual_start_date,
       ab.actual_end_date                as actual_end_date,
       ab.duration_days                  as duration_days,
       ab.duration_hours                 as duration_hours,
       ab.absence_units                  as absence_units,
       ab.record_status <> 'CURRENT'     as deleted_by_esr,
       ab.updated_at                     as applied_at
from absence ab
where ab.third_party_reference is not null;
