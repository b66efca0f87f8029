package health.patchwork.esr.attendance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.write.AttendanceFileWriter;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.export.ExportContent;
import health.patchwork.esr.support.export.ExportTarget;

import org.springframework.stereotype.Component;

/**
 * What goes into a TA file: every unsent ATT-row entry of the payroll's period, in the order the entries were made (a reversal
 * right before the claim that replaces it), written by the library's byte-exact writer.
 */
@Component
class TaFileContent implements ExportContent {

    private final ExportEntries entries;
    private final PayCodes payCodes;
    private final InboundWriterOptions options;

    TaFileContent(ExportEntries entries, PayCodes payCodes, AttendanceSettings settings) {
        this.entries = entries;
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
        // claim's lock and then sees whether the claim went into this file (ExportEntries.lockClaims)
        return entries.assignPendingOfPeriod(fileId, target.payroll(), target.period());
    }

    @Override
    public void write(long fileId, InboundFileName name, LocalDateTime createdAt, OutputStream out) {
        try (AttendanceFileWriter writer = AttendanceFileWriter.open(out, name, createdAt, options)) {
            entries.forEachRowOf(fileId, name.taxPeriod(), row -> writer.write(
                    payCodes.row(row.values(), row.mappingId(), createdAt.toLocalDate(), row.reversal()),
                    row.values().lineId()));
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
