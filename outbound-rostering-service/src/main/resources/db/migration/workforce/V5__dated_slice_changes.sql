-- Applies the staged rows of one date-tracked type (PR, AS, PO) of a change file, one row at a time in file order,
-- because the rules of README §7.1 and §7.3 depend on order: a D row removes every slice of the ID, and an A slice
-- trims the stored slice that starts before it and overlaps, and removes those that start on or after its start.
-- Runs inside the file's apply transaction, over the transaction's pg_temp.stage_row; a change file is small.
--
-- One function per table (apply_person_changes, apply_assignment_changes, apply_position_changes), generated here
-- from one template, so that its statements are static SQL whose plans PL/pgSQL caches: a thousand-row change file
-- then runs in a fraction of the time dynamic SQL would take.
do $generate$
declare
    t text;
begin
    foreach t in array array['person', 'assignment', 'position'] loop
        execute format($template$
create function apply_%1$s_changes(p_code text, p_type text, p_file bigint, p_file_name text, p_run date)
    returns void
    language plpgsql
as $body$
declare
    r       record;
    touched integer;
begin
    for r in select * from pg_temp.stage_row where entity_code = p_code order by line_no loop
        if r.is_delete then
            update %1$I set record_status = 'DELETED_BY_ESR', status_file = p_file_name, status_date = p_run,
                   source_file_id = p_file, updated_at = now()
            where entity_id = r.entity_id and record_status <> 'DELETED_BY_ESR';
            get diagnostics touched = row_count;
            if touched > 0 then
                insert into entity_change (file_id, entity_type, entity_id, change)
                values (p_file, p_type, r.entity_id, 'DELETED_BY_ESR');
            end if;
            continue;
        end if;
        -- slices starting on or after the new start that overlap it are removed
        delete from %1$I
        where entity_id = r.entity_id and record_status = 'CURRENT'
          and not (effective_start = r.effective_start and effective_end is not distinct from r.effective_end)
          and effective_start >= r.effective_start
          and (r.effective_end is null or effective_start <= r.effective_end);
        -- a slice starting earlier that overlaps is trimmed to end the day before
        update %1$I set effective_end = r.effective_start - 1, source_file_id = p_file, source_line = r.line_no,
               updated_at = now()
        where entity_id = r.entity_id and record_status = 'CURRENT' and effective_start < r.effective_start
          and (effective_end is null or effective_end >= r.effective_start);
        insert into %1$I as t (entity_id, effective_start, effective_end, raw, source_file_id, source_line)
        values (r.entity_id, r.effective_start, r.effective_end, r.raw, p_file, r.line_no)
        on conflict on constraint %2$I do update set raw = excluded.raw,
            source_file_id = excluded.source_file_id, source_line = excluded.source_line,
            record_status = 'CURRENT', status_file = null, status_date = null, updated_at = now();
        insert into entity_change (file_id, entity_type, entity_id, change)
        values (p_file, p_type, r.entity_id, 'UPSERTED');
    end loop;
end;
$body$
$template$, t, t || '_key');
    end loop;
end
$generate$;
