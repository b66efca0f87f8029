package health.patchwork.esr.outbound.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges the staged rows of one file into the workforce tables, set-based, inside the caller's transaction, and
 * writes one change-feed row per entity it changes (docs/spec/README.md §6.2, §7). Table names come from {@link StoredType}
 * constants, never from input. It owns the change feed too: each merge statement writes its feed rows in the same
 * statement as the rows it changes, so the feed's readers ask here as well.
 */
@Component
public class WorkforceMerger {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkforceMerger.class);

    private final JdbcClient jdbc;

    public WorkforceMerger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is being merged: the file's ledger id and name, its run date, and whether it is a full snapshot. */
    public record Merge(long fileId, String fileName, LocalDate runDate, boolean full) {
    }

    public void merge(Merge merge) {
        for (StoredType type : StoredType.values()) {
            long started = System.nanoTime();
            if (merge.full() && isEmpty(type)) {
                // a first snapshot: nothing to compare with, replace or end, so a plain insert does
                insertAll(type, merge);
                log.debug("Loaded {} of {} into an empty table in {} ms", type, merge.fileName(),
                        (System.nanoTime() - started) / 1_000_000);
                continue;
            }
            if (type.dateTracked()) {
                if (merge.full()) {
                    replaceSlices(type, merge);
                } else {
                    jdbc.sql("select apply_" + type.view() + "_changes(:code, :type, :file, :fileName, :run)")
                            .param("code", type.entityCode())
                            .param("type", type.name()).param("file", merge.fileId())
                            .param("fileName", merge.fileName()).param("run", merge.runDate())
                            .query().singleRow();
                }
            } else {
                upsertLatest(type, merge);
                deleteLatest(type, merge);
            }
            if (merge.full()) {
                endAbsent(type, merge);
            }
            log.debug("Merged {} of {} in {} ms", type, merge.fileName(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private boolean isEmpty(StoredType type) {
        return jdbc.sql("select not exists (select 1 from " + type.table() + ")").query(Boolean.class).single();
    }

    /** First snapshot of a type: the last row of each key in file order, inserted; one feed row per entity. */
    private void insertAll(StoredType type, Merge merge) {
        String key = type.dateTracked() ? "entity_id, effective_start, effective_end" : "entity_id";
        jdbc.sql("""
                with incoming as (
                    select distinct on (%2$s) entity_id, effective_start, effective_end, raw, line_no
                    from pg_temp.stage_row where entity_code = :code and not is_delete
                    order by %2$s, line_no desc),
                inserted as (
                    insert into %1$s (entity_id, effective_start, effective_end, raw, source_file_id, source_line)
                    select entity_id, effective_start, effective_end, raw, :file, line_no from incoming
                    returning entity_id)
                insert into entity_change (file_id, entity_type, entity_id, change)
                select :file, :type, entity_id, 'UPSERTED' from (select distinct entity_id from inserted) e
                order by entity_id
                """.formatted(type.table(), key))
                .param("code", type.entityCode()).param("file", merge.fileId()).param("type", type.name())
                .update();
    }

    /** Non-date-tracked types are keyed by their own ID: the last row of an ID in file order wins. */
    private void upsertLatest(StoredType type, Merge merge) {
        jdbc.sql("""
                with latest as (
                    select distinct on (entity_id) entity_id, is_delete, raw, line_no
                    from pg_temp.stage_row where entity_code = :code
                    order by entity_id, line_no desc),
                upserted as (
                    insert into %1$s as t (entity_id, raw, source_file_id, source_line)
                    select entity_id, raw, :file, line_no from latest where not is_delete
                    on conflict (entity_id) do update set raw = excluded.raw,
                        source_file_id = excluded.source_file_id, source_line = excluded.source_line,
                        record_status = 'CURRENT', status_file = null, status_date = null, updated_at = now()
                    where t.raw is distinct from excluded.raw or t.record_status <> 'CURRENT'
                    returning t.entity_id)
                insert into entity_change (file_id, entity_type, entity_id, change)
                select :file, :type, entity_id, 'UPSERTED' from upserted order by entity_id
                """.formatted(type.table()))
                .param("code", type.entityCode()).param("file", merge.fileId()).param("type", type.name())
                .update();
    }

    private void deleteLatest(StoredType type, Merge merge) {
        jdbc.sql("""
                with latest as (
                    select distinct on (entity_id) entity_id, is_delete
                    from pg_temp.stage_row where entity_code = :code
                    order by entity_id, line_no desc),
                deleted as (
                    update %1$s t set record_status = 'DELETED_BY_ESR', status_file = :fileName,
                        status_date = :run, source_file_id = :file, updated_at = now()
                    from latest l
                    where l.is_delete and t.entity_id = l.entity_id and t.record_status <> 'DELETED_BY_ESR'
                    returning t.entity_id)
                insert into entity_change (file_id, entity_type, entity_id, change)
                select :file, :type, entity_id, 'DELETED_BY_ESR' from deleted order by entity_id
                """.formatted(type.table()))
                .param("code", type.entityCode()).param("file", merge.fileId()).param("type", type.name())
                .param("fileName", merge.fileName()).param("run", merge.runDate())
                .update();
    }

    /**
     * Full file, date-tracked type: the file's slices of an ID replace all stored slices of that ID (docs/spec/README.md §7.2).
     * Identical slices are left untouched, so re-applying the same snapshot changes nothing.
     */
    private void replaceSlices(StoredType type, Merge merge) {
        jdbc.sql("""
                with incoming as (
                    select distinct on (entity_id, effective_start, effective_end)
                           entity_id, effective_start, effective_end, raw, line_no
                    from pg_temp.stage_row where entity_code = :code and not is_delete
                    order by entity_id, effective_start, effective_end, line_no desc),
                removed as (
                    delete from %1$s t
                    where t.entity_id in (select entity_id from incoming)
                      and not exists (select 1 from incoming i where i.entity_id = t.entity_id
                                      and i.effective_start = t.effective_start
                                      and i.effective_end is not distinct from t.effective_end)
                    returning t.entity_id),
                upserted as (
                    insert into %1$s as t (entity_id, effective_start, effective_end, raw, source_file_id, source_line)
                    select entity_id, effective_start, effective_end, raw, :file, line_no from incoming
                    on conflict on constraint %1$s_key do update set raw = excluded.raw,
                        source_file_id = excluded.source_file_id, source_line = excluded.source_line,
                        record_status = 'CURRENT', status_file = null, status_date = null, updated_at = now()
                    where t.raw is distinct from excluded.raw or t.record_status <> 'CURRENT'
                    returning t.entity_id)
                insert into entity_change (file_id, entity_type, entity_id, change)
                select distinct :file, :type, entity_id, 'UPSERTED'
                from (select entity_id from removed union select entity_id from upserted) changed
                """.formatted(type.table()))
                .param("code", type.entityCode()).param("file", merge.fileId()).param("type", type.name())
                .update();
    }

    /** Full file: every entity held as current but absent from the snapshot is ended, never deleted. */
    private void endAbsent(StoredType type, Merge merge) {
        jdbc.sql("""
                with ended as (
                    update %1$s t set record_status = 'ENDED_BY_REFRESH', status_file = :fileName,
                        status_date = :run, updated_at = now()
                    where t.record_status = 'CURRENT'
                      and t.source_file_id <> :file -- rows this file just wrote are in it by definition
                      and not exists (select 1 from pg_temp.stage_row s where s.entity_code = :code
                                      and s.entity_id = t.entity_id and not s.is_delete)
                    returning t.entity_id)
                insert into entity_change (file_id, entity_type, entity_id, change)
                select distinct :file, :type, entity_id, 'ENDED_BY_REFRESH' from ended
                """.formatted(type.table()))
                .param("code", type.entityCode()).param("file", merge.fileId()).param("type", type.name())
                .param("fileName", merge.fileName()).param("run", merge.runDate())
                .update();
    }
    /** One change-feed row as its readers see it. */
    public record FeedRow(long seq, String entityType, String entityId, String change, long fileId,
                          Instant appliedAt) {
    }

    /** Feed rows after {@code seq}, oldest first, at most {@code limit}. */
    public List<FeedRow> changesAfter(long seq, int limit) {
        return jdbc.sql("select seq, entity_type, entity_id, change, file_id, applied_at"
                        + " from entity_change where seq > :after order by seq limit :limit")
                .param("after", seq).param("limit", limit)
                .query((rs, n) -> new FeedRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The first {@code limit} feed rows of one file, in feed order. */
    List<DryRun.Change> changesOf(long fileId, int limit) {
        return jdbc.sql("select entity_type, entity_id, change from entity_change"
                        + " where file_id = :id order by seq limit :limit")
                .param("id", fileId).param("limit", limit)
                .query((rs, n) -> new DryRun.Change(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The feed's last sequence number, 0 while it is empty. */
    long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from entity_change").query(Long.class).single();
    }

    /**
     * A first snapshot COPYed straight into the type's empty table ({@link FirstSnapshotLoad}): one feed row per
     * entity now held.
     */
    void feedSnapshot(StoredType type, long fileId) {
        String entities = type.dateTracked() ? "(select distinct entity_id from " + type.table() + ") e" : type.table();
        jdbc.sql("insert into entity_change (file_id, entity_type, entity_id, change)"
                        + " select :file, :type, entity_id, 'UPSERTED' from " + entities)
                .param("file", fileId).param("type", type.name()).update();
    }

    /**
     * A change file may touch one entity several times (two slices of an assignment, a D then an A): the feed keeps
     * the last, which says what the entity became, so that a reader sees each entity once per file.
     */
    void keepLastChangePerEntity(long feedBefore) {
        jdbc.sql("delete from entity_change a using entity_change b where a.seq > :before and b.seq > :before"
                        + " and b.seq > a.seq"
                        + " and a.entity_type = b.entity_type and a.entity_id = b.entity_id")
                .param("before", feedBefore).update();
    }

    /** Feed rows after {@code feedBefore}, counted by entity type and change. */
    List<FileApplier.ChangeCount> changeCounts(long feedBefore) {
        return jdbc.sql("select entity_type, change, count(*) from entity_change where seq > :before"
                        + " group by entity_type, change order by entity_type, change")
                .param("before", feedBefore)
                .query((rs, n) -> new FileApplier.ChangeCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }
}
