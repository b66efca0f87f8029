-- Applies the staged rows of one date-tracked type (PR, AS, PO) of a change file, one row at a time in file order,
-- because the rules of README §7.1 and §7.3 depend on order: a D row removes every slice of the ID, and an A slice
-- trims the stored slice that starts before it and overlaps, and removes those that start on or after its start.
-- Runs inside the file's apply transaction, over the transaction's pg_temp.stage_row; a change file is small.
create function apply_dated_changes(p_table text, p_code text, p_type text, p_file bigint, p_file_name text,
                                    p_run date)
    returns void
    language plpgsql
as $$
declare
    r       record;
    touched integer;
begin
    for r in select * from pg_temp.stage_row where entity_code = p_code order by line_no loop
        if r.is_delete then
            execute format('with d as (update %I set record_status = ''DELETED_BY_ESR'', status_file = $1,'
                           ' status_date = $2, source_file_id = $3, updated_at = now()'
                           ' where entity_id = $4 and record_status <> ''DELETED_BY_ESR'' returning 1)'
                           ' select count(*) from d', p_table)
                into touched using p_file_name, p_run, p_file, r.entity_id;
            if touched > 0 then
                insert into entity_change (file_id, entity_type, entity_id, change)
                values (p_file, p_type, r.entity_id, 'DELETED_BY_ESR');
            end if;
            continue;
        end if;
        -- slices starting on or after the new start that overlap it are removed
        execute format('delete from %I where entity_id = $1 and record_status = ''CURRENT'''
                       ' and not (effective_start = $2 and effective_end is not distinct from $3)'
                       ' and effective_start >= $2 and ($3 is null or effective_start <= $3)', p_table)
            using r.entity_id, r.effective_start, r.effective_end;
        -- a slice starting earlier that overlaps is trimmed to end the day before
        execute format('update %I set effective_end = $2 - 1, source_file_id = $3, source_line = $4,'
                       ' updated_at = now()'
                       ' where entity_id = $1 and record_status = ''CURRENT'' and effective_start < $2'
                       ' and (effective_end is null or effective_end >= $2)', p_table)
            using r.entity_id, r.effective_start, p_file, r.line_no;
        execute format('insert into %I as t (entity_id, effective_start, effective_end, raw, source_file_id,'
                       ' source_line) values ($1, $2, $3, $4, $5, $6)'
                       ' on conflict on constraint %I do update set raw = excluded.raw,'
                       ' source_file_id = excluded.source_file_id, source_line = excluded.source_line,'
                       ' record_status = ''CURRENT'', status_file = null, status_date = null, updated_at = now()',
                       p_table, p_table || '_key')
            using r.entity_id, r.effective_start, r.effective_end, r.raw, p_file, r.line_no;
        insert into entity_change (file_id, entity_type, entity_id, change)
        values (p_file, p_type, r.entity_id, 'UPSERTED');
    end loop;
end;
$$;
