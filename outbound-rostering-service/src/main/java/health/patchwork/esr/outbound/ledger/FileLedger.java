package health.patchwork.esr.outbound.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file ledger: the truth about every file this service has seen or sent (docs/spec/README.md §2, §6.3). Each state change
 * is also written to {@code file_ledger_event}, so every attempt and its timing stays visible. A GO file held,
 * quarantined or applied is told to the platform ({@code outbound.file.*}) in the transaction of that change.
 */
@Repository
public class FileLedger {

    private static final String COLUMNS = LedgerRows.ENTRY_COLUMNS;

    /** The event detail when a local copy was found missing. */
    public static final String LOCAL_COPY_MISSING = "local copy missing; downloading again";

    private final JdbcClient jdbc;
    private final Notifications notifications;

    public FileLedger(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    public Optional<LedgerEntry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where id = :id").param("id", id)
                .query(LedgerRows::entry).optional();
    }

    /** Whether this exact remote delivery (name, size, modification time) is already known. */
    public boolean knowsDelivery(String fileName, long size, Instant modified) {
        return jdbc.sql("""
                select exists (select 1 from file_ledger where direction = 'FROM_ESR' and file_name = :name
                               and state <> 'DISCOVERED' -- a download that never finished is tried again
                               and (state = 'IGNORED' or (remote_size = :size
                                    and remote_modified is not distinct from cast(:modified as timestamptz))))""")
                .param("name", fileName).param("size", size).param("modified", LedgerRows.timestamp(modified))
                .query(Boolean.class).single();
    }

    /**
     * Starts a download attempt of a delivery and returns its row: the row an earlier attempt at the same delivery
     * (name, size, modification time) left DISCOVERED, or a new one. Either way its attempt count goes up, so a
     * download that keeps failing is one row with a count, not a row per poll.
     */
    public long discover(String fileName, long size, Instant modified, String extractType, Long sequence) {
        Optional<Long> again = jdbc.sql("""
                update file_ledger set download_attempts = download_attempts + 1, updated_at = now()
                where id = (select id from file_ledger where direction = 'FROM_ESR' and state = 'DISCOVERED'
                            and file_name = :name and remote_size = :size
                            and remote_modified is not distinct from cast(:modified as timestamptz)
                            order by id desc limit 1)
                returning id""")
                .param("name", fileName).param("size", size).param("modified", LedgerRows.timestamp(modified))
                .query(Long.class).optional();
        if (again.isPresent()) {
            return again.get();
        }
        long id = jdbc.sql("""
                insert into file_ledger (file_name, direction, extract_type, sequence_number, state, remote_size,
                                         remote_modified, download_attempts)
                values (:name, 'FROM_ESR', :type, :seq, 'DISCOVERED', :size, :modified, 1) returning id""")
                .param("name", fileName).param("type", extractType).param("seq", sequence).param("size", size)
                .param("modified", LedgerRows.timestamp(modified)).query(Long.class).single();
        event(id, LedgerState.DISCOVERED, null, null);
        return id;
    }

    /** Names of deliveries still waiting to be downloaded after a failed attempt. */
    public Set<String> namesWithFailedDownloads() {
        return Set.copyOf(jdbc.sql("""
                select distinct file_name from file_ledger
                where direction = 'FROM_ESR' and state = 'DISCOVERED' and last_failure is not null""")
                .query(String.class).list());
    }

    /**
     * A download attempt failed (or was refused): the row stays DISCOVERED, to be tried again on the next poll, with
     * the reason (an operator's words, never file content) on the row and as an event.
     */
    @Transactional
    public void downloadFailed(long id, String reason) {
        jdbc.sql("""
                update file_ledger set last_failure = :reason, last_failure_at = now(), updated_at = now()
                where id = :id""")
                .param("id", id).param("reason", reason).update();
        event(id, LedgerState.DISCOVERED, FileOutcome.DOWNLOAD_FAILED.name(), reason);
    }

    /**
     * The local copy of a file that needs it (downloaded, validated, held, or an operator asked to reprocess it) is
     * gone, e.g. a work folder lost with its container: the row goes back to DISCOVERED, so that the next listing
     * downloads the delivery again into this same row. An approval is dropped with the copy: the file is checked
     * afresh. Returns whether the row was in one of {@code states}.
     */
    @Transactional
    public boolean localCopyMissing(long id, LedgerState... states) {
        List<String> names = Arrays.stream(states).map(Enum::name).toList();
        int updated = jdbc.sql("""
                update file_ledger set state = 'DISCOVERED', outcome = null, detail = :detail, local_path = null,
                       approved = false, updated_at = now()
                where id = :id and state in (:states)""")
                .param("id", id).param("states", names).param("detail", LOCAL_COPY_MISSING).update();
        if (updated > 0) {
            event(id, LedgerState.DISCOVERED, null, LOCAL_COPY_MISSING);
        }
        return updated > 0;
    }

    /** Files whose local copy in {@code incoming/} is still needed: downloaded, being processed, or held. */
    public List<LedgerEntry> keptInIncoming() {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where direction = 'FROM_ESR'"
                        + " and state in ('DOWNLOADED', 'VALIDATED', 'HELD') and local_path is not null order by id")
                .query(LedgerRows::entry).list();
    }

    /**
     * Records a name that is not ours, once (docs/spec/README.md §4: leave it alone, report it once), as
     * {@link health.patchwork.esr.support.logging.Redaction#remoteName} made it printable and short.
     */
    public boolean ignoreOnce(String fileName, long size, Instant modified) {
        int inserted = jdbc.sql("""
                insert into file_ledger (file_name, direction, state, outcome, remote_size, remote_modified)
                select cast(:name as text), 'FROM_ESR', 'IGNORED', 'IGNORED_NOT_OURS', cast(:size as bigint),
                       cast(:modified as timestamptz)
                where not exists (select 1 from file_ledger where file_name = cast(:name as text) and state = 'IGNORED')""")
                .param("name", fileName).param("size", size).param("modified", LedgerRows.timestamp(modified)).update();
        return inserted > 0;
    }

    /** Records an uploaded or dry-run file that never came through the mailbox. */
    public long register(String fileName, String direction, String extractType, Long sequence, LedgerState state,
                         String outcome) {
        long id = jdbc.sql("""
                insert into file_ledger (file_name, direction, extract_type, sequence_number, state, outcome)
                values (:name, :direction, :type, :seq, :state, :outcome) returning id""")
                .param("name", fileName).param("direction", direction).param("type", extractType)
                .param("seq", sequence).param("state", state.name()).param("outcome", outcome)
                .query(Long.class).single();
        event(id, state, outcome, null);
        return id;
    }

    public void downloaded(long id, String sha256, long size, String localPath) {
        jdbc.sql("""
                update file_ledger set sha256 = :sha, size_bytes = :size, local_path = :path, state = 'DOWNLOADED',
                       downloaded_at = now(), updated_at = now() where id = :id""")
                .param("id", id).param("sha", sha256).param("size", size).param("path", localPath).update();
        event(id, LedgerState.DOWNLOADED, null, null);
    }

    /**
     * Stores the validation result: header dates, counts and the report (structural, never personal data). Only on
     * a file still being processed (DOWNLOADED or VALIDATED): false, and nothing written, when it has moved on
     * meanwhile (applied, held, quarantined by another instance), so a late validation never sets it back.
     */
    public boolean validated(long id, LedgerState state, String outcome, LocalDateTime runDate,
                             LocalDateTime previousRunDate, long lineCount, String countsJson, String unknownJson,
                             int warnings, String reportJson) {
        int updated = jdbc.sql("""
                update file_ledger set state = :state, outcome = :outcome, run_date = :run,
                       previous_run_date = :previous, line_count = :lines, record_counts = cast(:counts as jsonb),
                       unknown_counts = cast(:unknown as jsonb), warning_count = :warnings,
                       report = cast(:report as jsonb), validated_at = now(), attempts = attempts + 1,
                       updated_at = now()
                where id = :id and state in ('DOWNLOADED', 'VALIDATED')""")
                .param("id", id).param("state", state.name()).param("outcome", outcome).param("run", runDate)
                .param("previous", previousRunDate).param("lines", lineCount).param("counts", countsJson)
                .param("unknown", unknownJson).param("warnings", warnings).param("report", reportJson).update();
        if (updated > 0) {
            event(id, state, outcome, null);
        }
        return updated > 0;
    }

    /** The file is the same content as one applied before: nothing to do, ever (outcome DUPLICATE_NOOP). */
    public void duplicate(long id, long sameAs) {
        transition(id, LedgerState.DUPLICATE, "DUPLICATE_NOOP", "same content as ledger entry " + sameAs);
    }

    /**
     * The file waits: for a full refresh, the missing sequence or an operator's approval (the outcome says which).
     * The platform is told with the outcome as the reason; the detail stays here (it may quote the file).
     */
    @Transactional
    public void hold(long id, String outcome, String detail) {
        transition(id, LedgerState.HELD, outcome, detail);
        tell(EventType.OUTBOUND_FILE_HELD, id, Map.of("reason", outcome));
    }

    /** The file is set aside, nothing of it applied; its report says why (a REJECTED_ outcome). */
    @Transactional
    public void quarantine(long id, String outcome, String detail) {
        transition(id, LedgerState.QUARANTINED, outcome, detail);
        tell(EventType.OUTBOUND_FILE_QUARANTINED, id, Map.of("reason", outcome));
    }

    /** A held file goes on to be applied: approved, or its turn came after a full file. */
    public void release(long id, String why) {
        transition(id, LedgerState.VALIDATED, null, why);
    }

    /** The file starts again from its downloaded copy (an operator's reprocess). */
    public void reprocess(long id, String why) {
        transition(id, LedgerState.DOWNLOADED, null, why);
    }

    /** A held change file that a later full file made pointless. */
    public void supersede(long id, String byFullFile) {
        transition(id, LedgerState.SUPERSEDED, "SUPERSEDED", "superseded by full file " + byFullFile);
    }

    private void transition(long id, LedgerState state, String outcome, String detail) {
        jdbc.sql("""
                update file_ledger set state = :state, outcome = :outcome, detail = :detail, updated_at = now(),
                       applied_at = case when cast(:state as text) = 'APPLIED' then now() else applied_at end
                where id = :id""")
                .param("id", id).param("state", state.name()).param("outcome", outcome).param("detail", detail)
                .update();
        event(id, state, outcome, detail);
    }

    /**
     * What an apply changed, as the platform is told it: the change-feed rows it wrote are those with {@code after <
     * seq <= upTo} (none when they are equal), counted by entity type and change.
     */
    public record AppliedChanges(long after, long upTo, List<ChangeTally> counts) {
    }

    /** Change-feed rows of one entity type and change. */
    public record ChangeTally(String entityType, String change, long count) {
    }

    /** The file was applied: called in the apply's transaction, so the event exists exactly when the apply does. */
    @Transactional
    public void applied(long id, long millis, AppliedChanges changes) {
        transition(id, LedgerState.APPLIED, "APPLIED", null);
        jdbc.sql("update file_ledger set apply_millis = :ms where id = :id").param("id", id).param("ms", millis)
                .update();
        if (!notifications.wanted(EventType.OUTBOUND_FILE_APPLIED)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> cursor = new LinkedHashMap<>();
        cursor.put("after", Long.toString(changes.after()));
        cursor.put("upTo", Long.toString(changes.upTo()));
        data.put("cursor", cursor);
        data.put("changeCount", changes.counts().stream().mapToLong(ChangeTally::count).sum());
        data.put("counts", changes.counts().stream().map(tally -> (Object) Map.of("entityType", tally.entityType(),
                "change", tally.change(), "count", tally.count())).toList());
        tell(EventType.OUTBOUND_FILE_APPLIED, id, data);
    }

    /**
     * Tells the platform of the file's new state: names, ids, the state and codes only. Never the ledger's detail
     * or report text, which may quote a row of the file.
     */
    private void tell(EventType type, long id, Map<String, Object> more) {
        if (!notifications.wanted(type)) {
            return;
        }
        LedgerEntry entry = find(id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileName", entry.fileName());
        data.put("fileId", entry.id());
        data.put("state", entry.state().name());
        if (entry.extractType() != null) {
            data.put("extractType", entry.extractType());
        }
        if (entry.sequenceNumber() != null) {
            data.put("sequenceNumber", entry.sequenceNumber());
        }
        data.putAll(more);
        notifications.publish(Notification.of(type, "file:" + entry.fileName(), data));
    }

    public void approve(long id) {
        jdbc.sql("update file_ledger set approved = true, updated_at = now() where id = :id").param("id", id).update();
    }

    public void moved(long id, String localPath, String archivePath) {
        jdbc.sql("update file_ledger set local_path = :local, archive_path = :archive, updated_at = now()"
                        + " where id = :id")
                .param("id", id).param("local", localPath).param("archive", archivePath).update();
    }

    /**
     * The local copy at {@code path} (archive or quarantine) was deleted by retention: the row stays, for
     * idempotency and audit, marked with when its content went (the mark and its event in one transaction).
     */
    @Transactional
    public void contentPurged(String path, Instant at) {
        List<Long> ids = jdbc.sql("""
                update file_ledger set content_purged_at = :at, updated_at = now()
                where (archive_path = :path or local_path = :path) and content_purged_at is null returning id""")
                .param("path", path).param("at", LedgerRows.timestamp(at)).query(Long.class).list();
        for (long id : ids) {
            jdbc.sql("""
                    insert into file_ledger_event (file_id, state, outcome, detail)
                    select id, state, outcome, 'local copy purged by retention' from file_ledger where id = :id""")
                    .param("id", id).update();
        }
    }

    /** Whether retention deleted the file's local copy (it cannot come back from here: ESR must send it again). */
    public boolean isContentPurged(long id) {
        return jdbc.sql("select content_purged_at is not null from file_ledger where id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Another delivery with the same content that was applied (or is waiting to be): a duplicate. */
    public Optional<LedgerEntry> sameContent(String sha256, long exceptId) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where sha256 = :sha and id <> :id"
                        + " and direction = 'FROM_ESR' and state in ('APPLIED', 'HELD', 'SUPERSEDED')"
                        + " order by id limit 1")
                .param("sha", sha256).param("id", exceptId).query(LedgerRows::entry).optional();
    }

    /** An earlier delivery under the same name with other content that was applied or held. */
    public Optional<LedgerEntry> sameNameOtherContent(String fileName, String sha256, long exceptId) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where file_name = :name and id <> :id"
                        + " and direction = 'FROM_ESR' and sha256 is distinct from cast(:sha as text)"
                        + " and state in ('APPLIED', 'HELD', 'SUPERSEDED') order by id limit 1")
                .param("name", fileName).param("sha", sha256).param("id", exceptId).query(LedgerRows::entry)
                .optional();
    }

    /** Files downloaded but neither applied nor parked: what a restart carries on with, in sequence order. */
    public List<LedgerEntry> unfinished() {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where direction = 'FROM_ESR'"
                        + " and state in ('DOWNLOADED', 'VALIDATED') order by sequence_number nulls last, id")
                .query(LedgerRows::entry).list();
    }

    /** Change files held by the sequence rules, in sequence order. */
    public List<LedgerEntry> heldChangeFiles() {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where direction = 'FROM_ESR' and state = 'HELD'"
                        + " and extract_type = 'CHANGE' and outcome in ('HELD_SEQUENCE_GAP', 'HELD_AWAITING_REFRESH')"
                        + " order by sequence_number, id")
                .query(LedgerRows::entry).list();
    }

    public List<LedgerEntry> page(long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger order by id desc offset :offset limit :limit")
                .param("offset", offset).param("limit", limit).query(LedgerRows::entry).list();
    }

    /** A file and the moment something happened to it. */
    public record Moment(String fileName, Instant at) {
    }

    /** How many files are in the state now. */
    public long countInState(LedgerState state) {
        return jdbc.sql("select count(*) from file_ledger where state = :state").param("state", state.name())
                .query(Long.class).single();
    }

    /** Quarantined GO files whose content is still kept (not yet purged by retention). */
    public long quarantinedKept() {
        return jdbc.sql("select count(*) from file_ledger where direction = 'FROM_ESR' and state = 'QUARANTINED'"
                + " and content_purged_at is null").query(Long.class).single();
    }

    /** When the last full-refresh request we sent was recorded. */
    public Optional<Instant> lastRefreshRequestSent() {
        return jdbc.sql("select max(discovered_at) from file_ledger where direction = 'TO_ESR' and state = 'SENT'")
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    /** The GO file ESR delivered last (ignored names aside), when it was seen. */
    public Optional<Moment> lastReceived() {
        return last("discovered_at", "state <> 'IGNORED'");
    }

    /** The GO file applied last, when it was applied. */
    public Optional<Moment> lastApplied() {
        return last("applied_at", "state = 'APPLIED'");
    }

    private Optional<Moment> last(String column, String condition) {
        return jdbc.sql("select file_name, " + column + " from file_ledger where direction = 'FROM_ESR' and "
                        + condition + " and " + column + " is not null order by " + column + " desc limit 1")
                .query((rs, n) -> new Moment(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** The newest {@code limit} files as operators read them. */
    public List<FileSummary> recentSummaries(int limit) {
        return jdbc.sql("select " + LedgerRows.SUMMARY_COLUMNS + " from file_ledger order by id desc limit :limit")
                .param("limit", limit).query(LedgerRows::summary).list();
    }

    public Optional<FileSummary> summary(long id) {
        return jdbc.sql("select " + LedgerRows.SUMMARY_COLUMNS + " from file_ledger where id = :id")
                .param("id", id).query(LedgerRows::summary).optional();
    }

    /** The file's state, its row locked until the caller's transaction ends; empty when there is no such file. */
    public Optional<LedgerState> lockState(long id) {
        return jdbc.sql("select state from file_ledger where id = :id for update").param("id", id)
                .query(String.class).optional().map(LedgerState::valueOf);
    }

    /** The first other GO file with the same content as file {@code id} that was applied. */
    public Optional<Long> appliedWithSameContent(long id) {
        return jdbc.sql("""
                select id from file_ledger where direction = 'FROM_ESR' and state = 'APPLIED' and id <> :id
                and sha256 = (select sha256 from file_ledger where id = :id) order by id limit 1""")
                .param("id", id).query(Long.class).optional();
    }

    /** Every state change and failed download of the file, oldest first. */
    public List<FileReport.Event> events(long id) {
        return jdbc.sql("select state, outcome, detail, at from file_ledger_event where file_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new FileReport.Event(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** What validation recorded of a file, as jsonb text: record counts, unknown record types, the report. */
    public record Documents(String recordCounts, String unknownRecordTypes, String report) {
    }

    /** The validation documents of ledger entry {@code id} in one read; all null when it was never validated. */
    public Documents documents(long id) {
        return jdbc.sql("select record_counts::text, unknown_counts::text, report::text from file_ledger where id = :id")
                .param("id", id).query((rs, n) -> new Documents(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(new Documents(null, null, null));
    }

    private void event(long id, LedgerState state, String outcome, String detail) {
        jdbc.sql("insert into file_ledger_event (file_id, state, outcome, detail) values (:id, :state, :outcome, :detail)")
                .param("id", id).param("state", state.name()).param("outcome", outcome).param("detail", detail)
                .update();
    }
}
