-- Every inbound file (TA, AB) a service has generated, and whether it reached the mailbox (support.export).
-- Sequence numbers are per Trust per file type and gap-free: a number is consumed only when its file is uploaded
-- (docs/spec/README.md §8).
-- "if not exists": schemas migrated before esr-service-support shipped this table have it from the service's own
-- migrations; V2 brings any such table to the current shape.
create table if not exists export_file (
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
