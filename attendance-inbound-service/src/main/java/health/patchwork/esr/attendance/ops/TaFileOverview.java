package health.patchwork.esr.attendance.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The TA files this service made, as operators read them: period, run, rows, state and when each was sent. */
@Component
class TaFileOverview {

    /** @param period YYPP, e.g. 2708 @param run N (normal) or S (supplementary) */
    record TaFile(long id, String fileName, long sequence, String period, String run, String state, int rows,
                  Long sizeBytes, String sha256, Instant generatedAt, Instant uploadedAt) {
    }

    /** A file with its rows per kind (claims, reversals) and how many timesheet lines they came from. */
    record TaFileReport(TaFile file, Map<String, Integer> rowsByKind, int timesheetLines) {
    }

    private static final String COLUMNS = "id, file_name, sequence_number, tax_year, tax_period, period_run, state,"
            + " row_count, size_bytes, sha256, generated_at, uploaded_at";

    private final JdbcClient jdbc;

    TaFileOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TaFile> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from export_file order by id desc limit :limit")
                .param("limit", limit).query(TaFileOverview::file).list();
    }

    Optional<TaFileReport> report(long id) {
        return jdbc.sql("select " + COLUMNS + " from export_file where id = :id").param("id", id)
                .query(TaFileOverview::file).optional().map(file -> {
                    Map<String, Integer> byKind = new java.util.TreeMap<>();
                    jdbc.sql("select kind, count(*) from export_entry where export_file_id = :id group by kind")
                            .param("id", id).query(rs -> {
                                byKind.put(rs.getString(1), rs.getInt(2));
                            });
                    int lines = jdbc.sql("select count(distinct line_id) from export_entry where export_file_id = :id")
                            .param("id", id).query(Integer.class).single();
                    return new TaFileReport(file, byKind, lines);
                });
    }

    private static TaFile file(ResultSet rs, int row) throws SQLException {
        Timestamp uploaded = rs.getTimestamp("uploaded_at");
        return new TaFile(rs.getLong("id"), rs.getString("file_name"), rs.getLong("sequence_number"),
                "%02d%02d".formatted(rs.getInt("tax_year"), rs.getInt("tax_period")), rs.getString("period_run"),
                rs.getString("state"), rs.getInt("row_count"), (Long) rs.getObject("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("generated_at").toInstant(),
                uploaded == null ? null : uploaded.toInstant());
    }
}
