-- Absences the platform has sent us, as they should stand in ESR now. The platform's absence id is the
-- idempotency key; `reference` (the id with the configured prefix) is what ESR sees in ABS field 18 and echoes
-- back in outbound ABA field 33. Only ESR-relevant fields are kept: no names, no free text.
create table absence (
    absence_id          text        primary key,
    reference           text        not null unique check (reference ~ '^[A-Z0-9-]{1,30}$'),
    category            text        not null,
    platform_reason     text,
    assignment_number   text        not null,
    absence_type        text        not null,
    absence_reason      text,
    units               char(1)     not null check (units in ('D', 'H')),
    sickness            boolean     not null,
    start_date          date        not null,
    start_time          time,
    end_date            date,
    end_time            time,
    duration_days       numeric(9, 2),
    duration_hours      numeric(9, 2),
    open_ended          boolean     not null,
    return_to_work_date date,
    notification_date   date,
    -- payroll period of the start date as YY * 100 + PP, in the Trust's period type
    period_key          integer     not null,
    cancelled           boolean     not null default false,
    -- SHA-256 of the item as first posted: a re-post with the same content is a no-op, different content a conflict
    request_hash        char(64)    not null,
    -- bumped on every change of content; compared with what was sent and what ESR confirmed
    revision            integer     not null default 1,
    sent_revision       integer,
    confirmed_revision  integer,
    confirmed_at        timestamptz,
    esr_absence_id      text,
    -- why the last export left it out (field and reason, never the value); cleared by the next change
    rejection           text,
    received_at         timestamptz not null,
    updated_at          timestamptz not null,
    check (open_ended = (end_date is null))
);

create index absence_pending on absence (period_key) where sent_revision is distinct from revision;

-- Every ABS row written to an AB file, with the values written (the effective date is the file's creation date).
-- The latest row of an absence is what ESR holds from us; recovery regenerates a lost file from these rows.
create table export_row (
    file_id             bigint      not null references export_file (id),
    row_number          integer     not null,
    absence_id          text        not null references absence (absence_id),
    revision            integer     not null,
    operation           text        not null check (operation in ('ADD', 'END', 'DEL')),
    reference           text        not null,
    assignment_number   text        not null,
    absence_type        text,
    absence_reason      text,
    units               char(1),
    sickness            boolean,
    start_date          date,
    start_time          time,
    end_date            date,
    end_time            time,
    duration_days       numeric(9, 2),
    duration_hours      numeric(9, 2),
    open_ended          boolean,
    return_to_work_date date,
    notification_date   date,
    primary key (file_id, row_number)
);

create index export_row_absence on export_row (absence_id, file_id);

-- Payroll periods an operator, the platform or the monthly fallback has finalised.
create table finalised_period (
    period_type  char(1)     not null check (period_type in ('W', 'F', 'L', 'M')),
    period_key   integer     not null,
    finalised_at timestamptz not null,
    finalised_by text        not null,
    primary key (period_type, period_key)
);
