package health.patchwork.esr.attendance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.attendance.mapping.ClaimValues;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.write.AttendanceFileWriter;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.export.ExportContent;
import health.patchwork.esr.support.export.ExportTarget;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What goes into a TA file: every unsent ATT-row entry of the period, in the order the entries were made (a reversal
 * right before the claim that replaces it), written by the library's byte-exact writer.
 */
@Component
class TaFileContent implements ExportContent {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PayCodes payCodes;
    private final InboundWriterOptions options;

    TaFileContent(JdbcTemplate jdbc, TransactionTemplate transactions, PayCodes payCodes, AttendanceSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.payCodes = payCodes;
        this.options = InboundWriterOptions.defaults()
                .withAttColumnCount(Integer.parseInt(settings.attColumnCount()))
                .withRecordSeparator(settings.recordSeparator().text(), settings.terminateLastRecord())
                .withTransliteration(settings.transliterationTable());
    }

    @Override
    public int assign(long fileId, ExportTarget target) {
        // the file's rows are its entries in id order (a reversal right before its replacement claim). The tagged rows
        // stay locked until the file is recorded: a correction or withdrawal of one of these lines waits on its
        // claim's lock and then sees whether the claim went into this file (CorrectionStore.lock)
        return jdbc.update("""
                update export_entry set export_file_id = ?
                where export_file_id is null and tax_year = ? and tax_period = ?""",
                fileId, target.period().taxYear(), target.period().period());
    }

    @Override
    public void write(long fileId, InboundFileName name, LocalDateTime createdAt, OutputStream out) {
        // a cursor needs a transaction; during generation this joins the one that tagged the entries
        transactions.executeWithoutResult(status -> {
            try (AttendanceFileWriter writer = AttendanceFileWriter.open(out, name, createdAt, options)) {
                jdbc.query(con -> {
                    var ps = con.prepareStatement("""
                            select line_id, kind, assignment_number, earned_date, pay_code, quantity, rate, amount,
                                   cost_centre, mapping_id
                            from export_entry where tax_year = ? and tax_period = ? and export_file_id = ?
                            order by id""");
                    ps.setFetchSize(FETCH_SIZE);
                    ps.setInt(1, name.taxYear());
                    ps.setInt(2, name.period());
                    ps.setLong(3, fileId);
                    return ps;
                }, rs -> {
                    ClaimValues claim = new ClaimValues(rs.getString(1), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            rs.getBigDecimal(8), rs.getString(9));
                    writer.write(payCodes.row(claim, (Long) rs.getObject(10, Long.class), createdAt.toLocalDate(),
                            "REVERSAL".equals(rs.getString(2))), claim.lineId());
                });
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
