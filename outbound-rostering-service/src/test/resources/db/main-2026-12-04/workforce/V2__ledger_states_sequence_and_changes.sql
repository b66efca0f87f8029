-- The ledger grows what README §6.3 asks of it: the remote listing that identified a delivery, the header run
-- dates, counts per record type, the validation report, where the local copy is, and timings per state.
alter table file_ledger
    add column remote_size      bigint,
    add column remote_modified  timestamptz,
    add column run_date         timestamp,
    add column previous_run_date timestamp,
    add column line_count       bigint,
    add column record_counts    jsonb,
    add column unknown_counts   jsonb,
    add column warning_count    integer not null default 0,
    add column report           jsonb,
    add column local_path       text,
    add column archive_path     text,
    add column attempts         integer not null default 0,
    add column approved         boolean not null default false,
    add column downloaded_at    timestamptz,
    add column validated_at     timestamptz,
    add column applied_at       timestamptz,
    add column apply_millis     bigint,
    add column detail           text;

alter table file_ledger add constraint file_ledger_state check (state in
    ('DISCOVERED', 'DOWNLOADED', 'VALIDATED', 'APPLIED', 'HELD', 'QUARANTINED', 'IGNORED', 'DUPLICATE',
     'REJECTED', 'SUPERSEDED', 'SENT'));

create index file_ledger_state_idx on file_ledger (state) where state in ('DOWNLOADED', 'VALIDATED', 'HELD');

-- Every state change of every file, so that an operator sees each attempt and how long it took.
create table file_ledger_event (
    id          bigint generated always as identity primary key,
    file_id     bigint      not null references file_ledger (id),
    state       text        not null,
    outcome     text,
    detail      text,
    at          timestamptz not null default clock_timestamp()
);
create index file_ledger_event_file on file_ledger_event (file_id);

-- README §7.4: one row, the Trust's position in ESR's outbound sequence.
create table sequence_state (
    id               integer primary key default 1 check (id = 1),
    last_seq         bigint    not null default 0,
    last_run_date    timestamp,
    baseline         boolean   not null default false,
    refresh_pending  boolean   not null default false,
    refresh_requested_on date,
    updated_at       timestamptz not null default now()
);
insert into sequence_state (id) values (1);

-- The change feed: one row per entity touched by an applied file, in commit order (applies are serialised by an
-- advisory lock, so the identity order is the commit order and a cursor never skips a row).
create table entity_change (
    seq          bigint generated always as identity primary key,
    file_id      bigint      not null references file_ledger (id),
    entity_type  text        not null,
    entity_id    text        not null,
    change       text        not null check (change in ('UPSERTED', 'DELETED_BY_ESR', 'ENDED_BY_REFRESH')),
    applied_at   timestamptz not null default now()
);
