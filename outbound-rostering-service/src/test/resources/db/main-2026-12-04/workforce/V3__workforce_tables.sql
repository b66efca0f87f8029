-- The Trust's workforce as ESR sends it (outbound-rostering.md §4). One table per stored record type, all of the
-- same shape: the entity's own ID, effective dates for the date-tracked types (PR, AS, PO), the raw field array
-- exactly as sent (README §6.2: empty values are NULL elements; field i is raw[i+1]), a record status, and the
-- file and line that last wrote the row. The typed columns the platform needs are generated from raw, so that a
-- re-mapping is a migration and never a refresh.
--
-- Rows are never physically deleted by a D row or a full refresh: DELETED_BY_ESR (D row) and ENDED_BY_REFRESH
-- (absent from a full file) keep them for audit (README §7.1, §7.2, §9 #18). Slices of date-tracked types that an
-- overlapping slice removes or a full file replaces are deleted: the file that carried them stays archived.

-- YYYYMMDD (or the date part of YYYYMMDD HHMMSS) as a date; 47121231 is ESR's open end. Immutable, unlike a
-- cast, so that generated columns may use it. Values were validated before they got here.
create function esr_date(v text) returns date
    language sql immutable parallel safe
    return case when v is null or v = '' or left(v, 8) = '47121231' then null
                else make_date(substr(v, 1, 4)::int, substr(v, 5, 2)::int, substr(v, 7, 2)::int) end;

create function esr_num(v text) returns numeric
    language sql immutable parallel safe
    return case when v is null or v = '' then null else v::numeric end;


-- PR
create table person (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date not null,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    employee_number          text generated always as (raw[5]) stored,
    title                    text generated always as (raw[6]) stored,
    last_name                text generated always as (raw[7]) stored,
    first_name               text generated always as (raw[8]) stored,
    middle_names             text generated always as (raw[9]) stored,
    preferred_name           text generated always as (raw[11]) stored,
    hire_date                date generated always as (esr_date(raw[17])) stored,
    termination_date         date generated always as (esr_date(raw[18])) stored,
    termination_reason       text generated always as (raw[19]) stored,
    system_person_type       text generated always as (raw[34]) stored,
    office_email             text generated always as (raw[36]) stored,
    nhs_start_date           date generated always as (esr_date(raw[37])) stored,
    constraint person_key unique nulls not distinct (entity_id, effective_start, effective_end)
);

create index person_entity on person (entity_id);

-- AS
create table assignment (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date not null,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    earliest_start_date      date generated always as (esr_date(raw[6])) stored,
    assignment_type          text generated always as (raw[7]) stored,
    assignment_number        text generated always as (raw[8]) stored,
    assignment_status        text generated always as (raw[9]) stored,
    user_assignment_status   text generated always as (raw[10]) stored,
    location_id              text generated always as (raw[14]) stored,
    assignment_category      text generated always as (raw[21]) stored,
    primary_flag             text generated always as (raw[22]) stored,
    normal_hours             numeric generated always as (esr_num(raw[23])) stored,
    hours_frequency          text generated always as (raw[24]) stored,
    grade_contract_hours     numeric generated always as (esr_num(raw[25])) stored,
    fte                      numeric generated always as (esr_num(raw[26])) stored,
    organisation_id          text generated always as (raw[28]) stored,
    position_id              text generated always as (raw[29]) stored,
    position_name            text generated always as (raw[30]) stored,
    grade                    text generated always as (raw[31]) stored,
    job_name                 text generated always as (raw[35]) stored,
    ta_flag                  text generated always as (raw[37]) stored,
    contract_end_date        date generated always as (esr_date(raw[41])) stored,
    assignment_end_date      date generated always as (esr_date(raw[49])) stored,
    constraint assignment_key unique nulls not distinct (entity_id, effective_start, effective_end)
);

create index assignment_entity on assignment (entity_id);

-- PO
create table position (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date not null,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    position_number          text generated always as (raw[5]) stored,
    position_name            text generated always as (raw[6]) stored,
    budgeted_fte             numeric generated always as (esr_num(raw[7])) stored,
    job_staff_group          text generated always as (raw[9]) stored,
    job_role                 text generated always as (raw[10]) stored,
    payscale                 text generated always as (raw[12]) stored,
    organisation_id          text generated always as (raw[15]) stored,
    hiring_status            text generated always as (raw[16]) stored,
    constraint position_key unique nulls not distinct (entity_id, effective_start, effective_end)
);

create index position_entity on position (entity_id);

-- OR
create table organisation (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    name                     text generated always as (raw[3]) stored,
    organisation_type        text generated always as (raw[4]) stored,
    date_from                date generated always as (esr_date(raw[5])) stored,
    date_to                  date generated always as (esr_date(raw[6])) stored,
    default_cost_centre      text generated always as (raw[10]) stored,
    parent_organisation_id   text generated always as (raw[11]) stored,
    nacs_code                text generated always as (raw[12]) stored,
    location_id              text generated always as (raw[13]) stored,
    cost_centre_description  text generated always as (raw[15]) stored,
    constraint organisation_key unique (entity_id)
);

-- LC
create table location (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    location_code            text generated always as (raw[3]) stored,
    description              text generated always as (raw[4]) stored,
    inactive_date            date generated always as (esr_date(raw[5])) stored,
    town                     text generated always as (raw[9]) stored,
    postcode                 text generated always as (raw[11]) stored,
    site_code                text generated always as (raw[16]) stored,
    constraint location_key unique (entity_id)
);

-- CO
create table costing (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    assignment_id            text generated always as (raw[3]) stored,
    start_date               date generated always as (esr_date(raw[5])) stored,
    end_date                 date generated always as (esr_date(raw[6])) stored,
    entity_code              text generated always as (raw[7]) stored,
    cost_centre              text generated always as (raw[9]) stored,
    subjective               text generated always as (raw[10]) stored,
    percentage_split         numeric generated always as (esr_num(raw[15])) stored,
    constraint costing_key unique (entity_id)
);

-- AB
create table absence (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    absence_type             text generated always as (raw[4]) stored,
    absence_reason           text generated always as (raw[5]) stored,
    status                   text generated always as (raw[6]) stored,
    actual_start_date        date generated always as (esr_date(raw[12])) stored,
    actual_end_date          date generated always as (esr_date(raw[14])) stored,
    duration_days            numeric generated always as (esr_num(raw[18])) stored,
    duration_hours           numeric generated always as (esr_num(raw[19])) stored,
    absence_units            text generated always as (raw[20]) stored,
    third_party_reference    text generated always as (raw[34]) stored,
    constraint absence_key unique (entity_id)
);

-- CM
create table competency (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    competency_type          text generated always as (raw[4]) stored,
    competency_status        text generated always as (raw[5]) stored,
    competency_name          text generated always as (raw[6]) stored,
    date_from                date generated always as (esr_date(raw[7])) stored,
    date_to                  date generated always as (esr_date(raw[8])) stored,
    competence_id            text generated always as (raw[14]) stored,
    constraint competency_key unique (entity_id)
);

-- CD
create table competence (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    name                     text generated always as (raw[3]) stored,
    description              text generated always as (raw[4]) stored,
    date_from                date generated always as (esr_date(raw[5])) stored,
    date_to                  date generated always as (esr_date(raw[6])) stored,
    constraint competence_key unique (entity_id)
);

-- QL
create table qualification (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    qualification_type       text generated always as (raw[4]) stored,
    title                    text generated always as (raw[5]) stored,
    status                   text generated always as (raw[6]) stored,
    awarded_date             date generated always as (esr_date(raw[8])) stored,
    start_date               date generated always as (esr_date(raw[9])) stored,
    end_date                 date generated always as (esr_date(raw[10])) stored,
    constraint qualification_key unique (entity_id)
);

-- ET
create table person_extra_info (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    information_type         text generated always as (raw[4]) stored,
    information_category     text generated always as (raw[5]) stored,
    constraint person_extra_info_key unique (entity_id)
);

-- ST
create table special_information (
    id               bigint generated always as identity primary key,
    entity_id        text        not null,
    effective_start  date,
    effective_end    date,
    raw              text[]      not null,
    record_status    text        not null default 'CURRENT'
                     check (record_status in ('CURRENT', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    status_file      text,
    status_date      date,
    source_file_id   bigint      not null references file_ledger (id),
    source_line      bigint      not null,
    updated_at       timestamptz not null default now(),
    person_id                text generated always as (raw[2]) stored,
    start_date               date generated always as (esr_date(raw[4])) stored,
    end_date                 date generated always as (esr_date(raw[5])) stored,
    information_type         text generated always as (raw[6]) stored,
    constraint special_information_key unique (entity_id)
);

create index person_employee_number on person (employee_number);
create index person_updated on person (updated_at);
create index assignment_number on assignment (assignment_number);
create index assignment_person on assignment (person_id);
create index assignment_updated on assignment (updated_at);
create index costing_assignment on costing (assignment_id);
create index absence_person on absence (person_id);
create index person_extra_info_person on person_extra_info (person_id);
create index organisation_parent on organisation (parent_organisation_id);

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
