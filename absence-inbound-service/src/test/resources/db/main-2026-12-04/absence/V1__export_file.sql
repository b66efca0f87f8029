-- Every AB file this service has generated, and whether it reached the mailbox. Sequence numbers are per
-- Trust per file type and gap-free: a number is consumed only when its file is uploaded (spec README §8).
create table export_file (
    id               bigint generated always as identity primary key,
    file_name        text        not null unique,
    sequence_number  bigint      not null unique,
    period_type      char(1)     not null check (period_type in ('W', 'F', 'L', 'M')),
    period_run       char(1)     not null check (period_run in ('N', 'S')),
    tax_year         smallint    not null,
    tax_period       smallint    not null,
    state            text        not null check (state in ('GENERATED', 'UPLOADED')),
    row_count        integer     not null,
    sha256           char(64),
    size_bytes       bigint,
    generated_at     timestamptz not null default now(),
    uploaded_at      timestamptz
);
