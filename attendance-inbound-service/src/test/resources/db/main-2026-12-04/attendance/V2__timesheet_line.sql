-- Approved timesheet lines as the platform posted them (latest content), keyed by the platform's line id.
create table timesheet_line (
    line_id            text        primary key,
    assignment_number  text        not null,
    earned_date        date        not null,
    pay_code           text        not null,
    quantity           numeric(9, 2) not null,
    rate               numeric(12, 4),
    amount             numeric(12, 2),
    cost_centre        text,
    -- SHA-256 of the content above: a re-post with the same hash is a no-op
    content_hash       char(64)    not null,
    version            integer     not null default 1,
    withdrawn          boolean     not null default false,
    received_at        timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- The ATT-row ledger (spec README §8): every row that is or will be written. A CLAIM carries a line's values; a
-- REVERSAL negates an exported CLAIM (inbound-files.md §2.3). Rows are snapshots, so that a file can be regenerated
-- byte for byte and a reversal repeats exactly what was sent. export_file_id is null while pending.
create table export_entry (
    id                 bigint      generated always as identity primary key,
    line_id            text        not null references timesheet_line (line_id),
    line_version       integer     not null,
    kind               text        not null check (kind in ('CLAIM', 'REVERSAL')),
    reverses_entry_id  bigint      references export_entry (id),
    assignment_number  text        not null,
    earned_date        date        not null,
    pay_code           text        not null,
    quantity           numeric(9, 2) not null,
    rate               numeric(12, 4),
    amount             numeric(12, 2),
    cost_centre        text,
    -- the payroll period whose file carries the row, and when that period's normal run is cut off
    tax_year           smallint    not null,
    tax_period         smallint    not null,
    cut_off            timestamptz not null,
    export_file_id     bigint      references export_file (id),
    row_number         integer,
    created_at         timestamptz not null default now(),
    check ((export_file_id is null) = (row_number is null)),
    check (kind = 'CLAIM' or reverses_entry_id is not null)
);

-- at most one unsent claim per line: an amendment before export rewrites it
create unique index export_entry_one_pending_claim on export_entry (line_id)
    where export_file_id is null and kind = 'CLAIM';
-- an exported claim is reversed at most once
create unique index export_entry_one_reversal on export_entry (reverses_entry_id) where kind = 'REVERSAL';
create index export_entry_pending on export_entry (tax_year, tax_period, id) where export_file_id is null;
create index export_entry_by_line on export_entry (line_id, id);
create unique index export_entry_row on export_entry (export_file_id, row_number);
