package health.patchwork.esr.attendance.status;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.support.export.ExportState;
import health.patchwork.esr.support.export.ExportedFile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side for operators and payroll officers: lines, files, per-period totals. */
@Component
class StatusQueries {

    /** One ATT row of a line, sent or pending. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(String kind, String status, String fileName, Integer rowNumber, String period, BigDecimal quantity,
                     BigDecimal rate, BigDecimal amount) {
    }

    /**
     * @param status PENDING (not sent yet), EXPORTED (in {@code fileName}), CORRECTION_PENDING (sent; a correction
     *               waits for the next file), REVERSED (withdrawn after it was sent), WITHDRAWN (withdrawn unsent)
     */
    record LineView(String lineId, String status, String fileName, int version, List<EntryView> entries) {
    }

    /** Totals of one element and cost centre (null: the assignment's own costing); reversals count negative. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Total(String element, String costCentre, int rows, BigDecimal quantity, BigDecimal amount, int pendingRows) {
    }

    record PeriodSummary(String period, List<FileView> files, List<Total> totals) {
    }

    private final JdbcTemplate jdbc;
    private final PayCodes payCodes;

    StatusQueries(JdbcTemplate jdbc, PayCodes payCodes) {
        this.jdbc = jdbc;
        this.payCodes = payCodes;
    }

    Optional<LineView> line(String lineId) {
        List<Object[]> head = jdbc.query("select version, withdrawn from timesheet_line where line_id = ?",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getBoolean(2)}, lineId);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<EntryView> entries = jdbc.query("""
                select e.kind, f.file_name,
                       (select count(*) from export_entry o where o.tax_year = e.tax_year and o.tax_period = e.tax_period
                               and o.export_file_id = e.export_file_id and o.id <= e.id)
                           as row_number,
                       e.tax_year, e.tax_period, e.quantity, e.rate, e.amount
                from export_entry e left join export_file f on f.id = e.export_file_id
                where e.line_id = ? order by e.id""", (rs, i) -> new EntryView(rs.getString(1),
                rs.getString(2) == null ? "PENDING" : "EXPORTED", rs.getString(2),
                rs.getString(2) == null ? null : rs.getInt(3),
                label(rs.getInt(4), rs.getInt(5)),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)), lineId);
        return Optional.of(view(lineId, (Integer) head.get(0)[0], (Boolean) head.get(0)[1], entries));
    }

    /** Many lines at once (row numbers left out); ids not known are left out of the answer. */
    List<LineView> lines(List<String> lineIds) {
        Map<String, List<EntryView>> entries = new LinkedHashMap<>();
        Map<String, Object[]> heads = new LinkedHashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select l.line_id, l.version, l.withdrawn, e.kind, f.file_name, e.tax_year, e.tax_period,
                           e.quantity, e.rate, e.amount
                    from timesheet_line l
                    left join export_entry e on e.line_id = l.line_id
                    left join export_file f on f.id = e.export_file_id
                    where l.line_id = any (?) order by l.line_id, e.id""");
            ps.setArray(1, con.createArrayOf("text", lineIds.toArray()));
            return ps;
        }, rs -> {
            String id = rs.getString(1);
            heads.putIfAbsent(id, new Object[] {rs.getInt(2), rs.getBoolean(3)});
            List<EntryView> list = entries.computeIfAbsent(id, k -> new ArrayList<>());
            if (rs.getString(4) != null) {
                list.add(new EntryView(rs.getString(4), rs.getString(5) == null ? "PENDING" : "EXPORTED",
                        rs.getString(5), null, label(rs.getInt(6), rs.getInt(7)), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10)));
            }
        });
        List<LineView> views = new ArrayList<>();
        heads.forEach((id, head) -> views.add(view(id, (Integer) head[0], (Boolean) head[1], entries.get(id))));
        return views;
    }

    private static LineView view(String lineId, int version, boolean withdrawn, List<EntryView> entries) {
        boolean anySent = entries.stream().anyMatch(e -> e.fileName() != null);
        boolean anyPending = entries.stream().anyMatch(e -> e.fileName() == null);
        String lastSentClaim = entries.stream().filter(e -> e.kind().equals("CLAIM") && e.fileName() != null)
                .reduce((a, b) -> b).map(EntryView::fileName).orElse(null);
        String status = withdrawn ? (anySent ? "REVERSED" : "WITHDRAWN")
                : !anyPending ? "EXPORTED" : anySent ? "CORRECTION_PENDING" : "PENDING";
        return new LineView(lineId, status, lastSentClaim, version, entries);
    }

    PeriodSummary summary(TaxPeriod period) {
        Map<List<String>, Total> totals = new LinkedHashMap<>();
        jdbc.query("""
                select pay_code, cost_centre,
                       count(*) as rows,
                       sum(case when kind = 'REVERSAL' then -quantity else quantity end) as quantity,
                       sum(case when kind = 'REVERSAL' then -amount else amount end) as amount,
                       count(*) filter (where export_file_id is null) as pending
                from export_entry where tax_year = ? and tax_period = ?
                group by pay_code, cost_centre order by pay_code, cost_centre nulls first""", rs -> {
            String element = payCodes.elementOf(rs.getString(1));
            List<String> key = Arrays.asList(element, rs.getString(2));
            Total add = new Total(element, rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                    rs.getInt(6));
            totals.merge(key, add, (a, b) -> new Total(a.element(), a.costCentre(), a.rows() + b.rows(),
                    a.quantity().add(b.quantity()), sum(a.amount(), b.amount()), a.pendingRows() + b.pendingRows()));
        }, period.taxYear(), period.period());
        List<FileView> files = jdbc.queryForList(
                "select file_name from export_file where tax_year = ? and tax_period = ? order by sequence_number",
                String.class, period.taxYear(), period.period()).stream()
                .map(name -> fileByName(name).orElseThrow()).toList();
        List<Total> sorted = new ArrayList<>(totals.values());
        sorted.sort(Comparator.comparing(Total::element)
                .thenComparing(Total::costCentre, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new PeriodSummary(period.yy() + period.pp(), files, sorted);
    }

    Optional<FileView> fileByName(String fileName) {
        return jdbc.query("""
                select id, file_name, sequence_number, state, row_count, sha256, size_bytes, generated_at, uploaded_at
                from export_file where file_name = ?""", (rs, i) -> FileView.of(
                new ExportedFile(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        ExportState.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())), fileName)
                .stream().findFirst();
    }

    private static String label(int taxYear, int period) {
        TaxPeriod p = new TaxPeriod(taxYear, period);
        return p.yy() + p.pp();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
