package health.patchwork.esr.attendance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.attendance.ledger.CheckMark;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.PendingClaim;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.write.AttendanceFileWriter;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.export.ExportContent;
import health.patchwork.esr.support.export.ExportTarget;
import health.patchwork.esr.support.workforce.AssignmentSlice;
import health.patchwork.esr.support.workforce.PublishedSlices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What goes into a TA file: every unsent ATT-row entry of the payroll's period that passes the checks before a file
 * goes, in the order the entries were made (a reversal right before the claim that replaces it), written by the
 * library's byte-exact writer. A claim a check fails is held out with its reason and checked again at the period's
 * next export; reversals always go.
 */
@Component
class TaFileContent implements ExportContent {

    private static final Logger log = LoggerFactory.getLogger(TaFileContent.class);

    private final ExportEntries entries;
    private final PayCodes payCodes;
    private final InboundWriterOptions options;
    private final PublishedSlices workforce;
    private final ClaimChecks checks;

    TaFileContent(ExportEntries entries, PayCodes payCodes, AttendanceSettings settings, JdbcClient jdbc) {
        this.entries = entries;
        this.payCodes = payCodes;
        this.options = InboundWriterOptions.defaults()
                .withAttColumnCount(Integer.parseInt(settings.attColumnCount()))
                .withRecordSeparator(settings.recordSeparator().text(), settings.terminateLastRecord())
                .withTransliteration(settings.transliterationTable());
        this.workforce = new PublishedSlices(jdbc);
        this.checks = new ClaimChecks(settings.inactiveAssignmentStatuses(), payCodes::countsAsWorkedHours);
    }

    @Override
    public int assign(long fileId, ExportTarget target) {
        // the period's pending claims are locked first: a correction or withdrawal of one of these lines waits on its
        // claim's lock until the file is recorded, and then sees whether the claim went (ExportEntries.lockClaims)
        List<PendingClaim> pending = entries.lockPendingClaimsOf(target.payroll(), target.period());
        long[] passed = check(pending, target);
        return entries.assignChecked(fileId, target.payroll(), target.period(), passed);
    }

    /** Checks the claims against the workforce now and the other lines of their days; returns the ids that may go. */
    private long[] check(List<PendingClaim> pending, ExportTarget target) {
        if (pending.isEmpty()) {
            return new long[0];
        }
        List<ClaimChecks.Claim> claims = pending.stream().map(c -> new ClaimChecks.Claim(c.lineId(),
                c.assignmentNumber(), c.dateWorked(), c.payCode(), c.quantity())).toList();
        List<ClaimChecks.Claim> sameDay = entries.liveClaimsOnDaysOfPending(target.payroll(), target.period())
                .stream().map(c -> new ClaimChecks.Claim(c.lineId(), c.assignmentNumber(), c.dateWorked(),
                        c.payCode(), c.quantity())).toList();
        Map<String, List<AssignmentSlice>> slices = workforce.of(pending.stream()
                .map(PendingClaim::assignmentNumber).collect(Collectors.toSet()));
        Map<String, List<ClaimChecks.Finding>> byLine = checks.check(claims, slices, sameDay).stream()
                .collect(Collectors.groupingBy(ClaimChecks.Finding::lineId));
        List<CheckMark> changed = new ArrayList<>();
        long[] passed = new long[pending.size()];
        int count = 0;
        int held = 0;
        for (PendingClaim claim : pending) {
            CheckMark mark = mark(claim.entryId(), byLine.getOrDefault(claim.lineId(), List.of()));
            if (!mark.sameFinding(claim.mark())) {
                changed.add(mark);
            }
            if (mark.held()) {
                held++;
            } else {
                passed[count++] = claim.entryId();
            }
        }
        entries.recordChecks(changed);
        if (held > 0) {
            log.warn("{} {}: {} of {} pending claims held out of the file by the checks before export",
                    target.payroll() == null ? "TA" : "TA of payroll '" + target.payroll() + "'",
                    target.period().yy() + target.period().pp(), held, pending.size());
        }
        return Arrays.copyOf(passed, count);
    }

    /** The first failing check holds the claim; every warning goes with it, in check order. */
    private static CheckMark mark(long entryId, List<ClaimChecks.Finding> findings) {
        ClaimChecks.Finding hold = findings.stream().filter(f -> f.check().hold()).findFirst().orElse(null);
        String warnings = findings.stream().filter(f -> !f.check().hold()).map(ClaimChecks.Finding::reason)
                .reduce((a, b) -> a + "; " + b).orElse(null);
        return new CheckMark(entryId, hold == null ? null : hold.check().name(),
                hold == null ? null : hold.reason(), warnings);
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
