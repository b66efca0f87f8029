package health.patchwork.esr.outbound.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/** How {@link FileLedger}'s rows read as {@link LedgerEntry} and {@link FileSummary}: the columns and the mapping. */
final class LedgerRows {

    static final String ENTRY_COLUMNS = "id, file_name, direction, sha256, size_bytes, extract_type,"
            + " sequence_number, state, outcome, run_date, previous_run_date, local_path, archive_path, approved,"
            + " attempts, discovered_at, updated_at, detail, download_attempts, last_failure, last_failure_at";

    static final String SUMMARY_COLUMNS = "id, file_name, direction, extract_type, sequence_number, state, outcome,"
            + " size_bytes, line_count, warning_count, attempts, discovered_at, downloaded_at, validated_at,"
            + " applied_at, apply_millis, updated_at, detail, download_attempts, last_failure, last_failure_at";

    private LedgerRows() {
    }

    static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("file_name"), rs.getString("direction"),
                rs.getString("sha256"), (Long) rs.getObject("size_bytes"), rs.getString("extract_type"),
                (Long) rs.getObject("sequence_number"), LedgerState.valueOf(rs.getString("state")),
                rs.getString("outcome"), rs.getObject("run_date", LocalDateTime.class),
                rs.getObject("previous_run_date", LocalDateTime.class), rs.getString("local_path"),
                rs.getString("archive_path"), rs.getBoolean("approved"), rs.getInt("attempts"),
                rs.getTimestamp("discovered_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("detail"), rs.getInt("download_attempts"), rs.getString("last_failure"),
                instant(rs, "last_failure_at"));
    }

    static FileSummary summary(ResultSet rs, int row) throws SQLException {
        return new FileSummary(rs.getLong("id"), rs.getString("file_name"), rs.getString("direction"),
                rs.getString("extract_type"), (Long) rs.getObject("sequence_number"), rs.getString("state"),
                rs.getString("outcome"), (Long) rs.getObject("size_bytes"), (Long) rs.getObject("line_count"),
                rs.getInt("warning_count"), rs.getInt("attempts"), instant(rs, "discovered_at"),
                instant(rs, "downloaded_at"), instant(rs, "validated_at"), instant(rs, "applied_at"),
                (Long) rs.getObject("apply_millis"), instant(rs, "updated_at"), rs.getString("detail"),
                rs.getInt("download_attempts"), rs.getString("last_failure"), instant(rs, "last_failure_at"));
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
