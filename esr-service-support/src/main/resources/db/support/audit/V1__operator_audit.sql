-- Who asked for which operation (approve, reject, reprocess, full refresh, export, finalise ...), on which file or
-- period, through which channel, and what came of it. Operators are named by their token's subject and display
-- claim; rows never hold personal data of staff (file names, ids and periods only).
-- "if not exists": schemas migrated before esr-service-support shipped this table have it from the service's own
-- migrations, in this same shape (docs/spec is silent; this is the suite's own table).
create table if not exists operator_audit (
    id            bigint generated always as identity primary key,
    requested_at  timestamptz not null default clock_timestamp(),
    finished_at   timestamptz,
    subject       text        not null,
    display_name  text,
    action        text        not null,
    target        text        not null,
    channel       text        not null check (channel in ('REST', 'ACTUATOR')),
    outcome       text        not null check (outcome in ('STARTED', 'DONE', 'REFUSED', 'FAILED')),
    detail        text
);
