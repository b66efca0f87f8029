package health.patchwork.esr.outbound.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import health.patchwork.esr.outbound.ledger.FileReport;
import health.patchwork.esr.outbound.ledger.FileReports;
import org.springframework.stereotype.Component;


/** The ledger as operators read it: state, counts and the time each step took, and one file's full report. */
@Component
class FileOverview {

    /**
     * One file: where it is, how big, and when each step happened.
     *
     * @param attempts times it was validated
     * @param downloadAttempts times its download was started; more than one means earlier ones failed
     * @param lastFailure why the last failed download failed (an operator's words), null if none did
     */
    record FileSummary(long id, String fileName, String direction, String extractType, Long sequenceNumber,
                       String state, String outcome, Long sizeBytes, Long lineCount, int warningCount, int attempts,
                       Instant discoveredAt, Instant downloadedAt, Instant validatedAt, Instant appliedAt,
                       Long applyMillis, Instant updatedAt, String detail, int downloadAttempts, String lastFailure,
                       Instant lastFailureAt) {
    }


    private static final String COLUMNS = "id, file_name, direction, extract_type, sequence_number, state, outcome,"
            + " size_bytes, line_count, warning_count, attempts, discovered_at, downloaded_at, validated_at,"
            + " applied_at, apply_millis, updated_at, detail, download_attempts, last_failure, last_failure_at";

    private final JdbcClient jdbc;
    private final FileReports reports;

    FileOverview(JdbcClient jdbc, FileReports reports) {
        this.jdbc = jdbc;
        this.reports = reports;
    }

    List<FileSummary> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger order by id desc limit :limit")
                .param("limit", limit).query(FileOverview::summary).list();
    }

    Optional<FileSummary> summary(long id) {
        return jdbc.sql("select " + COLUMNS + " from file_ledger where id = :id")
                .param("id", id).query(FileOverview::summary).optional();
    }

    Optional<FileReport<FileSummary>> report(long id) {
        return summary(id).map(file -> reports.of(id, file));
    }

    private static FileSummary summary(ResultSet rs, int row) throws SQLException {
        return new FileSummary(rs.getLong("id"), rs.getString("file_name"), rs.getString("direction"),
                rs.getString("extract_type"), (Long) rs.getObject("sequence_number"), rs.getString("state"),
                rs.getString("outcome"), (Long) rs.getObject("size_bytes"), (Long) rs.getObject("line_count"),
                rs.getInt("warning_count"), rs.getInt("attempts"), instant(rs, "discovered_at"),
                instant(rs, "downloaded_at"), instant(rs, "validated_at"), instant(rs, "applied_at"),
                (Long) rs.getObject("apply_millis"), instant(rs, "updated_at"), rs.getString("detail"),
                rs.getInt("download_attempts"), rs.getString("last_failure"), instant(rs, "last_failure_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
