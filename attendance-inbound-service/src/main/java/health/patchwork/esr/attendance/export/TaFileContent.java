package health.patchwork.esr.attendance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import health.patchwork.esr.attendance.config.AttendanceSettings;
import health.patchwork.esr.attendance.ledger.CheckMark;
import health.patchwork.esr.attendance.ledger.DayClaim;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.NewlyHeld;
import health.patchwork.esr.attendance.ledger.PendingClaim;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.write.AttendanceFileWriter;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.export.ExportContent;
import health.patchwork.esr.support.export.ExportTarget;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;
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
    private final List<String> inactiveStatuses;
    private final Notifications notifications;

    TaFileContent(ExportEntries entries, PayCodes payCodes, AttendanceSettings settings, JdbcClient jdbc,
                  Notifications notifications) {
        this.entries = entries;
        this.notifications = notifications;
        this.payCodes = payCodes;
        this.options = InboundWriterOptions.defaults()
                .withAttColumnCount(Integer.parseInt(settings.attColumnCount()))
                .withRecordSeparator(settings.recordSeparator().text(), settings.terminateLastRecord())
                .withTransliteration(settings.transliterationTable());
        this.workforce = new PublishedSlices(jdbc);
        this.inactiveStatuses = List.copyOf(settings.inactiveAssignmentStatuses());
        this.checks = settings.checksBeforeExport()
                ? new ClaimChecks(settings.inactiveAssignmentStatuses(), payCodes::countsAsWorkedHours) : null;
    }

    @Override
    public int assign(long fileId, ExportTarget target) {
        // the file's rows are its entries in id order (a reversal right before its replacement claim). The tagged rows
        // stay locked until the file is recorded: a correction or withdrawal of one of these lines waits on its
        // claim's lock and then sees whether the claim went into this file (ExportEntries.lockClaims). So the claims
        // checked below are exactly the claims tagged, and those a check holds are taken out again
        int rows = entries.assignPendingOfPeriod(fileId, target.payroll(), target.period());
        return checks == null || rows == 0 ? rows : rows - holdFailing(fileId, target);
    }

    /**
     * Checks the file's claims against the workforce now and the other lines of their days, and takes out those that
     * fail; returns how many. Only the few claims a set-based query singles out (no payable slice on the date, or a
     * day shared with another line) are looked at one by one.
     */
    private int holdFailing(long fileId, ExportTarget target) {
        List<DayClaim> sharedDays = entries.sharedDaysOf(fileId, target.period());
        Map<Long, PendingClaim> subject = new LinkedHashMap<>();
        entries.unpayableIn(fileId, target.period(), inactiveStatuses).forEach(c -> subject.put(c.entryId(), c));
        sharedDays.stream().filter(DayClaim::inFile).forEach(d -> subject.putIfAbsent(d.claim().entryId(), d.claim()));
        if (subject.isEmpty()) {
            entries.recordChecks(fileId, target.period(), List.of());
            return 0;
        }
        Map<String, List<AssignmentSlice>> slices = workforce.of(subject.values().stream()
                .map(PendingClaim::assignmentNumber).collect(Collectors.toSet()));
        Map<String, List<ClaimChecks.Finding>> byLine = checks.check(
                subject.values().stream().map(TaFileContent::claim).toList(), slices,
                sharedDays.stream().map(d -> claim(d.claim())).toList()).stream()
                .collect(Collectors.groupingBy(ClaimChecks.Finding::lineId));
        List<CheckMark> marks = subject.values().stream()
                .map(c -> mark(c.entryId(), byLine.getOrDefault(c.lineId(), List.of()))).toList();
        List<NewlyHeld> holds = entries.recordChecks(fileId, target.period(), marks);
        int held = holds.size();
        tell(holds, target);
        if (held > 0) {
            log.warn("{} {}: {} claim(s) held out of the file by the checks before export",
                    target.payroll() == null ? "TA" : "TA of payroll '" + target.payroll() + "'",
                    target.period().yy() + target.period().pp(), held);
        }
        return held;
    }

    /**
     * {@code line.held}, in the file's transaction (so a generation rolled back tells nothing): one event per line and
     * hold. A claim still held at the next export keeps its check and since-when, so it is not told again; held anew
     * after it went, or by another check, it is.
     */
    private void tell(List<NewlyHeld> holds, ExportTarget target) {
        if (holds.isEmpty() || !notifications.wanted(EventType.LINE_HELD)) {
            return;
        }
        Map<String, List<NewlyHeld>> byHold = holds.stream().collect(Collectors.groupingBy(
                h -> h.lineId() + ":" + h.check() + ":" + h.since(), LinkedHashMap::new, Collectors.toList()));
        byHold.forEach((key, ofLine) -> {
            NewlyHeld first = ofLine.get(0);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("lineId", first.lineId());
            data.put("assignmentNumber", first.assignmentNumber());
            data.put("dateWorked", first.dateWorked().toString());
            data.put("payroll", target.payroll());
            data.put("period", target.period().yy() + target.period().pp());
            data.put("check", first.check());
            data.put("heldSince", first.since().toString());
            data.put("claims", ofLine.size());
            notifications.publish(Notification.of(EventType.LINE_HELD, "line:" + first.lineId(), data).once(key));
        });
    }

    private static ClaimChecks.Claim claim(PendingClaim c) {
        return new ClaimChecks.Claim(c.lineId(), c.assignmentNumber(), c.dateWorked(), c.payCode(), c.quantity());
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
