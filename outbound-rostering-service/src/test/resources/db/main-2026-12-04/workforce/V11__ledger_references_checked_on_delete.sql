-- The workforce tables and the change feed name the file that wrote each row (source_file_id, file_id). As foreign
-- keys these cost one trigger call and one lookup of file_ledger per written row (250,000 feed rows took 1.5 s
-- with the key and 0.5 s without, in one experiment on the benchmark machine). The apply writes only the id of the
-- ledger row it holds in the same transaction, so the inserting side of the reference cannot go wrong; what the
-- keys still guarded is the other side, a ledger row deleted while rows name it. That check moves to the ledger
-- itself: deleting a file that any row names fails with the same error (23503) as before. Ledger rows are deleted
-- rarely, one at a time.

do $drop$
declare
    r record;
begin
    for r in select conrelid::regclass as tbl, conname
             from pg_constraint
             where contype = 'f' and confrelid = 'file_ledger'::regclass
               and conrelid <> 'file_ledger_event'::regclass
    loop
        execute format('alter table %s drop constraint %I', r.tbl, r.conname);
    end loop;
end
$drop$;

create function refuse_delete_of_named_file() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1 from entity_change where file_id = old.id)
       or exists (select 1 from person_record where source_file_id = old.id)
       or exists (select 1 from assignment_record where source_file_id = old.id)
       or exists (select 1 from position_record where source_file_id = old.id)
       or exists (select 1 from organisation_record where source_file_id = old.id)
       or exists (select 1 from location_record where source_file_id = old.id)
       or exists (select 1 from costing_record where source_file_id = old.id)
       or exists (select 1 from absence_record where source_file_id = old.id)
       or exists (select 1 from competency_record where source_file_id = old.id)
       or exists (select 1 from competence_record where source_file_id = old.id)
       or exists (select 1 from qualification_record where source_file_id = old.id)
       or exists (select 1 from person_extra_info_record where source_file_id = old.id)
       or exists (select 1 from special_information_record where source_file_id = old.id) then
        raise exception 'file % is named by workforce rows or the change feed', old.id
            using errcode = 'foreign_key_violation';
    end if;
    return old;
end
$$;

create trigger file_ledger_named_files before delete on file_ledger
    for each row execute function refuse_delete_of_named_file();
