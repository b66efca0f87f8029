-- Second shape of the workforce tables (V3 stored ~70 typed columns as generated columns; importing a million
-- rows paid for every one of them). Now each type has a <type>_record table that holds only the generic columns
-- (entity ID, effective dates, raw field array, status, source) and a view named after the type (person,
-- assignment, ...) that adds the typed columns, computed from raw when read. Lookups by typed value use
-- expression indexes on raw. Readers keep the same names and columns; only the merge writes the _record tables.
--
-- Also: the published assignment view no longer shows assignments a full refresh ended (they must not look payable
-- to the inbound services), and the slice function of change files becomes one static function per table, whose
-- plans PL/pgSQL caches.

drop view published_assignment;
drop view published_absence;
drop view professional_registration;
drop view organisation_hierarchy;
drop function apply_dated_changes(text, text, text, bigint, text, date);


alter table person rename to person_record;
alter table person_record rename constraint person_key to person_record_key;
alter table person_record drop column employee_number, drop column title, drop column last_name, drop column first_name, drop column middle_names, drop column preferred_name, drop column hire_date, drop column termination_date, drop column termination_reason, drop column system_person_type, drop column office_email, drop column nhs_start_date;

alter table assignment rename to assignment_record;
alter table assignment_record rename constraint assignment_key to assignment_record_key;
alter table assignment_record drop column person_id, drop column earliest_start_date, drop column assignment_type, drop column assignment_number, drop column assignment_status, drop column user_assignment_status, drop column location_id, drop column assignment_category, drop column primary_flag, drop column normal_hours, drop column hours_frequency, drop column grade_contract_hours, drop column fte, drop column organisation_id, drop column position_id, drop column position_name, drop column grade, drop column job_name, drop column ta_flag, drop column contract_end_date, drop column assignment_end_date;

alter table position rename to position_record;
alter table position_record rename constraint position_key to position_record_key;
alter table position_record drop column position_number, drop column position_name, drop column budgeted_fte, drop column job_staff_group, drop column job_role, drop column payscale, drop column organisation_id, drop column hiring_status;

alter table organisation rename to organisation_record;
alter table organisation_record rename constraint organisation_key to organisation_record_key;
alter table organisation_record drop column name, drop column organisation_type, drop column date_from, drop column date_to, drop column default_cost_centre, drop column parent_organisation_id, drop column nacs_code, drop column location_id, drop column cost_centre_description;

alter table location rename to location_record;
alter table location_record rename constraint location_key to location_record_key;
alter table location_record drop column location_code, drop column description, drop column inactive_date, drop column town, drop column postcode, drop column site_code;

alter table costing rename to costing_record;
alter table costing_record rename constraint costing_key to costing_record_key;
alter table costing_record drop column person_id, drop column assignment_id, drop column start_date, drop column end_date, drop column entity_code, drop column cost_centre, drop column subjective, drop column percentage_split;

alter table absence rename to absence_record;
alter table absence_record rename constraint absence_key to absence_record_key;
alter table absence_record drop column person_id, drop column absence_type, drop column absence_reason, drop column status, drop column actual_start_date, drop column actual_end_date, drop column duration_days, drop column duration_hours, drop column absence_units, drop column third_party_reference;

alter table competency rename to competency_record;
alter table competency_record rename constraint competency_key to competency_record_key;
alter table competency_record drop column person_id, drop column competency_type, drop column competency_status, drop column competency_name, drop column date_from, drop column date_to, drop column competence_id;

alter table competence rename to competence_record;
alter table competence_record rename constraint competence_key to competence_record_key;
alter table competence_record drop column name, drop column description, drop column date_from, drop column date_to;

alter table qualification rename to qualification_record;
alter table qualification_record rename constraint qualification_key to qualification_record_key;
alter table qualification_record drop column person_id, drop column qualification_type, drop column title, drop column status, drop column awarded_date, drop column start_date, drop column end_date;

alter table person_extra_info rename to person_extra_info_record;
alter table person_extra_info_record rename constraint person_extra_info_key to person_extra_info_record_key;
alter table person_extra_info_record drop column person_id, drop column information_type, drop column information_category;

alter table special_information rename to special_information_record;
alter table special_information_record rename constraint special_information_key to special_information_record_key;
alter table special_information_record drop column person_id, drop column start_date, drop column end_date, drop column information_type;

drop index if exists person_entity, assignment_entity, position_entity, person_updated, assignment_updated;

create view person as
select r.*,
       r.raw[5]                     as employee_number,
       r.raw[6]                     as title,
       r.raw[7]                     as last_name,
       r.raw[8]                     as first_name,
       r.raw[9]                     as middle_names,
       r.raw[11]                    as preferred_name,
       esr_date(r.raw[17])          as hire_date,
       esr_date(r.raw[18])          as termination_date,
       r.raw[19]                    as termination_reason,
       r.raw[34]                    as system_person_type,
       r.raw[36]                    as office_email,
       esr_date(r.raw[37])          as nhs_start_date
from person_record r;

create view assignment as
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
       esr_date(r.raw[49])          as assignment_end_date
from assignment_record r;

create view position as
select r.*,
       r.raw[5]                     as position_number,
       r.raw[6]                     as position_name,
       esr_num(r.raw[7])            as budgeted_fte,
       r.raw[9]                     as job_staff_group,
       r.raw[10]                    as job_role,
       r.raw[12]                    as payscale,
       r.raw[15]                    as organisation_id,
       r.raw[16]                    as hiring_status
from position_record r;

create view organisation as
select r.*,
       r.raw[3]                     as name,
       r.raw[4]                     as organisation_type,
       esr_date(r.raw[5])           as date_from,
       esr_date(r.raw[6])           as date_to,
       r.raw[10]                    as default_cost_centre,
       r.raw[11]                    as parent_organisation_id,
       r.raw[12]                    as nacs_code,
       r.raw[13]                    as location_id,
       r.raw[15]                    as cost_centre_description
from organisation_record r;

create view location as
select r.*,
       r.raw[3]                     as location_code,
       r.raw[4]                     as description,
       esr_date(r.raw[5])           as inactive_date,
       r.raw[9]                     as town,
       r.raw[11]                    as postcode,
       r.raw[16]                    as site_code
from location_record r;

create view costing as
select r.*,
       r.raw[2]                     as person_id,
       r.raw[3]                     as assignment_id,
       esr_date(r.raw[5])           as start_date,
       esr_date(r.raw[6])           as end_date,
       r.raw[7]                     as entity_code,
       r.raw[9]                     as cost_centre,
       r.raw[10]                    as subjective,
       esr_num(r.raw[15])           as percentage_split
from costing_record r;

create view absence as
select r.*,
       r.raw[2]                     as person_id,
       r.raw[4]                     as absence_type,
       r.raw[5]                     as absence_reason,
       r.raw[6]                     as status,
       esr_date(r.raw[12])          as actual_start_date,
       esr_date(r.raw[14])          as actual_end_date,
       esr_num(r.raw[18])           as duration_days,
       esr_num(r.raw[19])           as duration_hours,
       r.raw[20]                    as absence_units,
       r.raw[34]                    as third_party_reference
from absence_record r;

create view competency as
select r.*,
       r.raw[2]                     as person_id,
       r.raw[4]                     as competency_type,
       r.raw[5]                     as competency_status,
       r.raw[6]                     as competency_name,
       esr_date(r.raw[7])           as date_from,
       esr_date(r.raw[8])           as date_to,
       r.raw[14]                    as competence_id
from competency_record r;

create view competence as
select r.*,
       r.raw[3]                     as name,
       r.raw[4]                     as description,
       esr_date(r.raw[5])           as date_from,
       esr_date(r.raw[6])           as date_to
from competence_record r;

create view qualification as
select r.*,
       r.raw[2]                     as person_id,
       r.raw[4]                     as qualification_type,
       r.raw[5]                     as title,
       r.raw[6]                     as status,
       esr_date(r.raw[8])           as awarded_date,
       esr_date(r.raw[9])           as start_date,
       esr_date(r.raw[10])          as end_date
from qualification_record r;

create view person_extra_info as
select r.*,
       r.raw[2]                     as person_id,
       r.raw[4]                     as information_type,
       r.raw[5]                     as information_category
from person_extra_info_record r;

create view special_information as
select r.*,
       r.raw[2]                     as person_id,
       esr_date(r.raw[4])           as start_date,
       esr_date(r.raw[5])           as end_date,
       r.raw[6]                     as information_type
from special_information_record r;

-- lookups the API, the published views and the threshold check make by typed value
create index person_employee_number on person_record ((raw[5]));
create index assignment_number on assignment_record ((raw[8]));
create index assignment_person on assignment_record ((raw[2]));
create index costing_assignment on costing_record ((raw[3]));
create index absence_person on absence_record ((raw[2]));
create index person_extra_info_person on person_extra_info_record ((raw[2]));
create index organisation_parent on organisation_record ((raw[11]));

-- Professional registrations: ET rows of Information Type 'NHS Regs and Memships' (outbound-rostering.md §4.11).
-- The dates are text as ESR sends them (DD/MM/YYYY HH:MM:SS); their meaning is inferred [I].
create view professional_registration as
select entity_id                as person_extra_info_id,
       person_id,
       raw[6]                   as registering_body,
       btrim(raw[7])            as registration_number,
       raw[8]                   as registered_from_text,
       raw[10]                  as expiry_text,
       raw[37]                  as register_part,
       record_status,
       updated_at
from person_extra_info
where information_type = 'NHS Regs and Memships';

-- The organisation tree with each node's depth and path from the top.
create view organisation_hierarchy as
with recursive tree as (
    select entity_id, parent_organisation_id, name, default_cost_centre, 0 as depth, array[entity_id] as path
    from organisation
    where record_status = 'CURRENT' and parent_organisation_id is null
    union all
    select o.entity_id, o.parent_organisation_id, o.name, o.default_cost_centre, t.depth + 1, t.path || o.entity_id
    from organisation o
    join tree t on o.parent_organisation_id = t.entity_id
    where o.record_status = 'CURRENT' and not o.entity_id = any (t.path)
)
select * from tree;

-- The contract views of V4, recreated over the typed views (see V4 for their purpose).
-- Every assignment slice ESR has sent and not deleted: neither deleted by a D row nor ended because a full file
-- no longer carried it (an ended assignment must not look payable to the inbound services). employee_number comes from the person's slice in force on
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
where a.record_status = 'CURRENT';

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

-- Change files: one slice function per date-tracked table (see V5 for the rules it applies).
do $generate$
declare
    t text;
begin
    foreach t in array array['person', 'assignment', 'position'] loop
        execute format($template$
create function apply_%1$s_changes(p_code text, p_type text, p_file bigint, p_file_name text, p_run date)
    returns void
    language plpgsql
as $body$
declare
    r       record;
    touched integer;
begin
    for r in select * from pg_temp.stage_row where entity_code = p_code order by line_no loop
        if r.is_delete then
            update %3$I set record_status = 'DELETED_BY_ESR', status_file = p_file_name, status_date = p_run,
                   source_file_id = p_file, updated_at = now()
            where entity_id = r.entity_id and record_status <> 'DELETED_BY_ESR';
            get diagnostics touched = row_count;
            if touched > 0 then
                insert into entity_change (file_id, entity_type, entity_id, change)
                values (p_file, p_type, r.entity_id, 'DELETED_BY_ESR');
            end if;
            continue;
        end if;
        -- slices starting on or after the new start that overlap it are removed
        delete from %3$I
        where entity_id = r.entity_id and record_status = 'CURRENT'
          and not (effective_start = r.effective_start and effective_end is not distinct from r.effective_end)
          and effective_start >= r.effective_start
          and (r.effective_end is null or effective_start <= r.effective_end);
        -- a slice starting earlier that overlaps is trimmed to end the day before
        update %3$I set effective_end = r.effective_start - 1, source_file_id = p_file, source_line = r.line_no,
               updated_at = now()
        where entity_id = r.entity_id and record_status = 'CURRENT' and effective_start < r.effective_start
          and (effective_end is null or effective_end >= r.effective_start);
        insert into %3$I as t (entity_id, effective_start, effective_end, raw, source_file_id, source_line)
        values (r.entity_id, r.effective_start, r.effective_end, r.raw, p_file, r.line_no)
        on conflict on constraint %2$I do update set raw = excluded.raw,
            source_file_id = excluded.source_file_id, source_line = excluded.source_line,
            record_status = 'CURRENT', status_file = null, status_date = null, updated_at = now();
        insert into entity_change (file_id, entity_type, entity_id, change)
        values (p_file, p_type, r.entity_id, 'UPSERTED');
    end loop;
end;
$body$
$template$, t, t || '_record_key', t || '_record');
    end loop;
end
$generate$;
