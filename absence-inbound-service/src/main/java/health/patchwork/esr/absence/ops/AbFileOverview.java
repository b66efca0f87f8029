package health.patchwork.esr.absence.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The AB files this service made, as operators read them: period, run, rows, state and when each was sent. */
@Component
class AbFileOverview {

    /** @param period YYPP, e.g. 2708 @param run N (normal) or S (supplementary) */
    record AbFile(long id, String fileName, long sequence, String period, String run, String state, int rows,
                  Long sizeBytes, String sha256, Instant generatedAt, Instant uploadedAt) {
    }

    /** A file with its rows per operation (ADD, END, DEL) and how many absences they came from. */
    record AbFileReport(AbFile file, Map<String, Integer> rowsByOperation, int absences) {
    }

    private static final String COLUMNS = "id, file_name, sequence_number, tax_year, tax_period, period_run, state,"
            + " row_count, size_bytes, sha256, generated_at, uploaded_at";

    private final JdbcClient jdbc;

    AbFileOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AbFile> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from export_file order by id desc limit :limit")
                .param("limit", limit).query(AbFileOverview::file).list();
    }

    Optional<AbFileReport> report(long id) {
        return jdbc.sql("select " + COLUMNS + " from export_file where id = :id").param("id", id)
                .query(AbFileOverview::file).optional().map(file -> {
                    Map<String, Integer> byOperation = new TreeMap<>();
                    jdbc.sql("select operation, count(*) from export_row where file_id = :id group by operation")
                            .param("id", id).query(rs -> {
                                byOperation.put(rs.getString(1), rs.getInt(2));
                            });
                    int absences = jdbc.sql("select count(distinct absence_id) from export_row where file_id = :id")
                            .param("id", id).query(Integer.class).single();
                    return new AbFileReport(file, byOperation, absences);
                });
    }

    private static AbFile file(ResultSet rs, int row) throws SQLException {
        Timestamp uploaded = rs.getTimestamp("uploaded_at");
        return new AbFile(rs.getLong("id"), rs.getString("file_name"), rs.getLong("sequence_number"),
                "%02d%02d".formatted(rs.getInt("tax_year"), rs.getInt("tax_period")), rs.getString("period_run"),
                rs.getString("state"), rs.getInt("row_count"), (Long) rs.getObject("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("generated_at").toInstant(),
                uploaded == null ? null : uploaded.toInstant());
    }
}
