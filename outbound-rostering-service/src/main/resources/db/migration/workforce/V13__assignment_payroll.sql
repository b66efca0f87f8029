-- Each assignment slice's payroll (ASA field 11 Payroll Name, e.g. "123 Monthly"; field 12 Payroll Period Type, e.g.
-- "Calendar Month"), published so that the inbound services can route a line to its payroll's calendar and file on
-- the date worked (docs/spec/outbound-rostering.md, ASA). Columns are added at the end: create or replace keeps the
-- views' dependants (the *_as_of functions, current_assignment) as they are. ASA's field n is raw[n + 1].

create or replace view assignment as
select r.*,
       r.raw[2]                     as person_id,
       esr_date(r.raw[6])           as earliest_start_date,
       r.raw[7]                     as assignment_type,
       r.raw[8]                     as assignment_number,
       r.raw[9]                     as assignment_status,
       r.raw[10]                    as user_assignment_status,
       r.raw[14]                    as location_id,
       r.raw[21]                    as assignment_category,
       r.raw[22]                    as primary_flag,
       esr_num(r.raw[23])           as normal_hours,
       r.raw[24]                    as hours_frequency,
       esr_num(r.raw[25])           as grade_contract_hours,
       esr_num(r.raw[26])           as fte,
       r.raw[28]                    as organisation_id,
       r.raw[29]                    as position_id,
       r.raw[30]                    as position_name,
       r.raw[31]                    as grade,
       r.raw[35]                    as job_name,
       r.raw[37]                    as ta_flag,
       esr_date(r.raw[41])          as contract_end_date,
       esr_date(r.raw[49])          as assignment_end_date,
       r.raw[12]                    as payroll_name,
       r.raw[13]                    as payroll_period_type
from assignment_record r;

create or replace view published_assignment as
select a.entity_id                 as assignment_id,
       a.assignment_number         as assignment_number,
       a.person_id                 as person_id,
       p.employee_number           as employee_number,
       a.effective_start           as effective_start,
       a.effective_end             as effective_end,
       a.assignment_status         as assignment_status,
       a.ta_flag                   as ta_flag,
       coalesce(c.cost_centre, o.default_cost_centre) as cost_centre,
       a.updated_at                as updated_at,
       a.payroll_name              as payroll_name,
       a.payroll_period_type       as payroll_period_type
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
where a.record_status = 'CURRENT';
