-- Every file this service has seen in the mailbox or sent to it, and every attempt to process it.
-- The ledger, not the remote folder, decides whether a file is picked up again (spec README §2, §6.3).
create table file_ledger (
    id               bigint generated always as identity primary key,
    file_name        text        not null,
    direction        text        not null check (direction in ('FROM_ESR', 'TO_ESR')),
    sha256           char(64),
    size_bytes       bigint,
    extract_type     text check (extract_type in ('FULL', 'CHANGE', 'REFRESH_REQUEST')),
    sequence_number  bigint,
    state            text        not null,
    outcome          text,
    discovered_at    timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index file_ledger_name on file_ledger (file_name);
create index file_ledger_sha256 on file_ledger (sha256);
