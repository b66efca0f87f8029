package health.patchwork.esr.attendance.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.calendar.TaxPeriod;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side for operators and payroll officers: lines, files, per-period totals. */
@Component
class StatusQueries {

    /** One ATT row of a line, sent or pending. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
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
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
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
                select e.kind, f.file_name, e.row_number, e.tax_year, e.tax_period, e.quantity, e.rate, e.amount
                from export_entry e left join export_file f on f.id = e.export_file_id
                where e.line_id = ? order by e.id""", (rs, i) -> new EntryView(rs.getString(1),
                rs.getString(2) == null ? "PENDING" : "EXPORTED", rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                new TaxPeriod(rs.getInt(4), rs.getInt(5)).yy() + new TaxPeriod(rs.getInt(4), rs.getInt(5)).pp(),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8)), lineId);
        boolean withdrawn = (Boolean) head.get(0)[1];
        boolean anySent = entries.stream().anyMatch(e -> e.fileName() != null);
        boolean anyPending = entries.stream().anyMatch(e -> e.fileName() == null);
        String lastSentClaim = entries.stream().filter(e -> e.kind().equals("CLAIM") && e.fileName() != null)
                .reduce((a, b) -> b).map(EntryView::fileName).orElse(null);
        String status = withdrawn ? (anySent ? "REVERSED" : "WITHDRAWN")
                : !anyPending ? "EXPORTED" : anySent ? "CORRECTION_PENDING" : "PENDING";
        return Optional.of(new LineView(lineId, status, lastSentClaim, (Integer) head.get(0)[0], entries));
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
            List<String> key = java.util.Arrays.asList(element, rs.getString(2));
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
        sorted.sort(java.util.Comparator.comparing(Total::element)
                .thenComparing(Total::costCentre, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return new PeriodSummary(period.yy() + period.pp(), files, sorted);
    }

    Optional<FileView> fileByName(String fileName) {
        return jdbc.query("""
                select id, file_name, sequence_number, state, row_count, sha256, size_bytes, generated_at, uploaded_at
                from export_file where file_name = ?""", (rs, i) -> FileView.of(
                new health.patchwork.esr.support.export.ExportedFile(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        health.patchwork.esr.support.export.ExportState.valueOf(rs.getString(4)), rs.getInt(5),
                        rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())), fileName)
                .stream().findFirst();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
