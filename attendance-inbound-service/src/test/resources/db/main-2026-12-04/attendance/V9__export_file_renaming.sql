-- RENAMING: the file's complete temporary file is on the mailbox (upload_part names it) and its rename to the final
-- name may have happened. Committed before the rename is asked for, so that recovery can tell a rename that never
-- happened (the temporary file is still there: rename it) from a file ESR collected before the ledger said UPLOADED
-- (neither name is there: record it as collected, never send it again).
alter table export_file drop constraint export_file_state_check;
alter table export_file add constraint export_file_state_check
    check (state in ('GENERATED', 'RENAMING', 'UPLOADED'));
alter table export_file add column upload_part text;
alter table export_file add constraint export_file_renaming_names_its_part
    check (state <> 'RENAMING' or upload_part is not null);
-- how an UPLOADED file is known to have reached the mailbox: RENAMED (we renamed it), FOUND (recovery found it under
-- its final name with the recorded content), COLLECTED (recovery found neither name: ESR had taken it); null on rows
-- from before this version
alter table export_file add column delivery text
    check (delivery in ('RENAMED', 'FOUND', 'COLLECTED'));

-- every state change of a file, with what recovery found
create table export_file_event (
    id       bigint generated always as identity primary key,
    file_id  bigint      not null references export_file (id),
    at       timestamptz not null default now(),
    state    text        not null check (state in ('GENERATED', 'RENAMING', 'UPLOADED')),
    detail   text
);
create index export_file_event_file on export_file_event (file_id, id);
