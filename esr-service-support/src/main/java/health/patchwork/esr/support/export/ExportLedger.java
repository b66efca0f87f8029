package health.patchwork.esr.support.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * The file ledger: table {@code export_file} in the service's schema (first on the connection's search path), one row
 * per generated file, and {@code export_file_event}, one row per state change. Sequence numbers are per file type
 * and gap-free: the next number is one above the highest recorded, and a file stays in the ledger until it is
 * uploaded, so a number is never skipped or reused. Every state change is conditional on the state it leaves, so a
 * stale writer changes nothing.
 */
public class ExportLedger {

    private static final String COLUMNS = "id, file_name, sequence_number, state, row_count, sha256, size_bytes,"
            + " generated_at, uploaded_at";

    private static final RowMapper<ExportedFile> ROW = ExportLedger::map;

    private static final String SUMMARY_COLUMNS = "id, file_name, sequence_number, tax_year, tax_period, period_run,"
            + " state, row_count, size_bytes, sha256, generated_at, uploaded_at, delivery, payroll";

    private static final RowMapper<ExportFileSummary> SUMMARY = ExportLedger::summary;

    private final JdbcTemplate jdbc;

    public ExportLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence number the next file of this type gets; {@code first} when there has been none. */
    public long nextSequence(InboundFileType type, long first) {
        Long max = jdbc.queryForObject("select max(sequence_number) from export_file where file_name like ?",
                Long.class, type.name() + "\\_%");
        return max == null ? first : max + 1;
    }

    /** Records a new file of {@code payroll} (null: the deployment's one payroll) as GENERATED with no rows yet. */
    public long insertGenerated(InboundFileName name, String payroll, Instant generatedAt) {
        long id = jdbc.queryForObject("""
                insert into export_file (file_name, sequence_number, period_type, period_run, tax_year, tax_period,
                                         payroll, state, row_count, generated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'GENERATED', 0, ?)
                returning id""", Long.class,
                name.format(), name.sequence(), String.valueOf(name.periodType().code()),
                String.valueOf(name.periodRun().code()), name.taxYear(), name.period(), payroll,
                Timestamp.from(generatedAt));
        event(id, ExportState.GENERATED, null);
        return id;
    }

    /**
     * Removes a file that turned out to have no rows, with its event, before it was written anywhere: as if it had
     * never been recorded (its sequence number is the next file's), while the rest of its transaction commits.
     */
    public void discardEmpty(long id) {
        jdbc.update("delete from export_file_event where file_id = ?", id);
        int deleted = jdbc.update("delete from export_file where id = ? and state = 'GENERATED' and row_count = 0",
                id);
        if (deleted != 1) {
            throw new IllegalStateException("export file " + id + " is not an empty GENERATED file");
        }
    }

    public void recordContent(long id, int rowCount, String sha256, long sizeBytes) {
        jdbc.update("update export_file set row_count = ?, sha256 = ?, size_bytes = ? where id = ?",
                rowCount, sha256, sizeBytes, id);
    }

    /**
     * GENERATED to RENAMING, naming the attempt's complete temporary file on the mailbox. False when the file is no
     * longer GENERATED (another exporter got there first): the caller must not rename.
     */
    public boolean markRenaming(long id, String temporaryName) {
        int updated = jdbc.update("update export_file set state = 'RENAMING', upload_part = ? where id = ?"
                + " and state = 'GENERATED'", temporaryName, id);
        if (updated > 0) {
            event(id, ExportState.RENAMING, "renaming " + temporaryName);
        }
        return updated > 0;
    }

    /** The temporary file a RENAMING file is being renamed from. */
    public Optional<String> uploadPart(long id) {
        return jdbc.queryForList("select upload_part from export_file where id = ?", String.class, id).stream()
                .filter(Objects::nonNull).findFirst();
    }

    /**
     * GENERATED or RENAMING to UPLOADED, saying how that is known; a no-op when it already is. True when this call
     * marked it (so that what tells of the upload is told once).
     */
    public boolean markUploaded(long id, Instant at, ExportDelivery delivery, String detail) {
        int updated = jdbc.update("update export_file set state = 'UPLOADED', uploaded_at = ?, delivery = ?"
                + " where id = ? and state in ('GENERATED', 'RENAMING')", Timestamp.from(at), delivery.name(), id);
        if (updated > 0) {
            event(id, ExportState.UPLOADED, detail == null ? delivery.name() : delivery.name() + ": " + detail);
        }
        return updated > 0;
    }

    /** Files of this type not yet known to be on the mailbox (GENERATED or RENAMING), oldest first. */
    public List<ExportedFile> pending(InboundFileType type) {
        return jdbc.query("select " + COLUMNS + " from export_file where state in ('GENERATED', 'RENAMING')"
                + " and file_name like ? order by sequence_number", ROW, type.name() + "\\_%");
    }

    /**
     * What a service's export health component shows of its files, the same in every service: the file sent last
     * ({@code lastFileSent}: name and time, or "none yet") and the files not yet known to be on the mailbox
     * ({@code filesNotConfirmedOnMailbox}).
     */
    public Map<String, Object> healthDetails() {
        Object lastSent = lastUploaded()
                .<Object>map(file -> Map.of("file", file.fileName(), "at", String.valueOf(file.uploadedAt())))
                .orElse("none yet");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastFileSent", lastSent);
        details.put("filesNotConfirmedOnMailbox", notYetUploaded());
        return details;
    }

    /** Names of the files of any type not yet known to be on the mailbox, in sequence order (for health). */
    private List<String> notYetUploaded() {
        return jdbc.queryForList("select file_name from export_file where state <> 'UPLOADED' order by sequence_number",
                String.class);
    }

    /** The file uploaded last, if any. */
    private Optional<ExportFileSummary> lastUploaded() {
        return jdbc.query("select " + SUMMARY_COLUMNS + " from export_file where state = 'UPLOADED'"
                + " order by uploaded_at desc limit 1", SUMMARY).stream().findFirst();
    }

    /** Every state change of a file, oldest first. */
    public List<ExportFileEvent> events(long id) {
        return jdbc.query("select at, state, detail from export_file_event where file_id = ? order by id",
                (rs, n) -> new ExportFileEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)), id);
    }

    private void event(long id, ExportState state, String detail) {
        jdbc.update("insert into export_file_event (file_id, state, detail) values (?, ?, ?)", id, state.name(),
                detail);
    }

    public Optional<ExportedFile> byName(String fileName) {
        return jdbc.query("select " + COLUMNS + " from export_file where file_name = ?", ROW, fileName).stream()
                .findFirst();
    }

    public Optional<ExportedFile> byId(long id) {
        return jdbc.query("select " + COLUMNS + " from export_file where id = ?", ROW, id).stream().findFirst();
    }

    /** The newest files first, as operators list them. */
    public List<ExportFileSummary> recent(int limit) {
        return jdbc.query("select " + SUMMARY_COLUMNS + " from export_file order by id desc limit ?", SUMMARY, limit);
    }

    public Optional<ExportFileSummary> summary(long id) {
        return jdbc.query("select " + SUMMARY_COLUMNS + " from export_file where id = ?", SUMMARY, id).stream()
                .findFirst();
    }

    /**
     * Whether the normal (N) run of this payroll's period has been generated already, so later files are
     * supplementary.
     */
    public boolean hasNormalRun(ExportTarget target) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from export_file where file_name like ? and period_type = ? and period_run = ?
                               and tax_year = ? and tax_period = ? and payroll is not distinct from ?)""",
                Boolean.class, target.fileType().name() + "\\_%", String.valueOf(target.periodType().code()),
                String.valueOf(PeriodRun.NORMAL.code()), target.period().taxYear(), target.period().period(),
                target.payroll()));
    }

    /**
     * The files with these ids, by id, in one query: a read model that holds file ids (a service's export rows) asks
     * here for the files rather than joining the ledger's table. Ids with no file are left out.
     */
    public Map<Long, ExportedFile> byIds(Collection<Long> ids) {
        Map<Long, ExportedFile> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("select " + COLUMNS + " from export_file where id = any (?) order by id", ROW,
                new SqlArrayValue("bigint", ids.toArray())).forEach(file -> found.put(file.id(), file));
        return found;
    }

    /** The files made for one payroll's period (payroll null: the single payroll), in sequence order. */
    public List<ExportedFile> ofPeriod(String payroll, TaxPeriod period) {
        return jdbc.query("select " + COLUMNS + " from export_file where tax_year = ? and tax_period = ?"
                + " and payroll is not distinct from ? order by sequence_number", ROW, period.taxYear(),
                period.period(), payroll);
    }

    /** The files made for a payroll period number, of every payroll, in sequence order. */
    public List<ExportedFile> ofPeriod(TaxPeriod period) {
        return jdbc.query("select " + COLUMNS + " from export_file where tax_year = ? and tax_period = ?"
                + " order by sequence_number", ROW, period.taxYear(), period.period());
    }

    private static ExportedFile map(ResultSet rs, int row) throws SQLException {
        Timestamp uploaded = rs.getTimestamp("uploaded_at");
        return new ExportedFile(rs.getLong("id"), rs.getString("file_name"), rs.getLong("sequence_number"),
                ExportState.valueOf(rs.getString("state")), rs.getInt("row_count"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getTimestamp("generated_at").toInstant(),
                uploaded == null ? null : uploaded.toInstant());
    }

    private static ExportFileSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp uploaded = rs.getTimestamp("uploaded_at");
        return new ExportFileSummary(rs.getLong("id"), rs.getString("file_name"), rs.getLong("sequence_number"),
                "%02d%02d".formatted(rs.getInt("tax_year"), rs.getInt("tax_period")), rs.getString("period_run"),
                rs.getString("state"), rs.getInt("row_count"), (Long) rs.getObject("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("generated_at").toInstant(),
                uploaded == null ? null : uploaded.toInstant(), rs.getString("delivery"), rs.getString("payroll"));
    }
}
