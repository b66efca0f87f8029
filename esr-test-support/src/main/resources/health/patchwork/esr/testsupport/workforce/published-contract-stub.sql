-- Stand-in for the read-only contract outbound-rostering-service publishes in the workforce schema, for the tests
-- of the inbound services (which must not depend on the outbound service's internals). The real objects are views
-- over the workforce tables; outbound's contract test checks that they have exactly these columns and types.
create schema if not exists workforce;

-- Every assignment slice ESR has sent and not deleted. An assignment is active on day d when
-- effective_start <= d and (effective_end is null or d <= effective_end), and its status is payable.
create table if not exists workforce.published_assignment (
    assignment_id        text    not null,
    assignment_number    text    not null,
    person_id            text    not null,
    employee_number      text,
    effective_start      date    not null,
    effective_end        date,
    assignment_status    text,
    ta_flag              text,
    cost_centre          text,
    updated_at           timestamptz not null default now(),
    -- the slice's ESR payroll (ASA fields 11 and 12), which routes a line to its payroll's calendar and file
    payroll_name         text,
    payroll_period_type  text
);

-- Absences ESR has echoed back in the outbound feed (ABA rows), with the reference we sent in the AB file.
create table if not exists workforce.published_absence (
    absence_attendance_id  text    not null,
    person_id              text    not null,
    third_party_reference  text,
    absence_type           text,
    absence_reason         text,
    actual_start_date      date,
    actual_end_date        date,
    duration_days          numeric,
    duration_hours         numeric,
    absence_units          text,
    deleted_by_esr         boolean not null default false,
    applied_at             timestamptz not null default now()
);
