package health.patchwork.esr.attendance.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.attendance.intake.TimesheetLineStore;
import health.patchwork.esr.attendance.intake.TimesheetLineStore.StoredLine;
import health.patchwork.esr.attendance.ledger.Entry;
import health.patchwork.esr.attendance.ledger.EntryKind;
import health.patchwork.esr.attendance.ledger.ExportEntries;
import health.patchwork.esr.attendance.ledger.HeldClaim;
import health.patchwork.esr.attendance.ledger.PeriodTotal;
import health.patchwork.esr.attendance.mapping.PayCodes;
import health.patchwork.esr.attendance.period.PayDateView;
import health.patchwork.esr.attendance.period.PayDates;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.support.payroll.PayDate;
import health.patchwork.esr.support.payroll.PayPlacement;
import health.patchwork.esr.support.payroll.PayrollCalendar;
import health.patchwork.esr.support.export.ExportLedger;
import health.patchwork.esr.support.export.ExportedFile;

import org.springframework.stereotype.Component;

/**
 * Read side for operators and payroll officers: lines, files, per-period totals. Each view asks the owners once: the
 * lines from the line store, their entries from the ATT-row ledger, then the files those entries went into.
 */
@Component
class StatusQueries {

    /** Where one ATT row is: waiting for a file, held out of files by a check, or sent. */
    enum EntryStatus { PENDING, HELD, EXPORTED }

    /** Where a line is, over all its ATT rows. */
    enum LineStatus {
        /** Not sent yet. */
        PENDING,
        /**
         * Not sent: a check before export holds its claim out of files (its entry says which and why); checked again
         * at each export of its payroll period, it goes once the feed or the platform puts it right.
         */
        HELD,
        /** Sent, in {@code fileName}. */
        EXPORTED,
        /** Sent; a correction waits for the next file. */
        CORRECTION_PENDING,
        /** Withdrawn after it was sent. */
        REVERSED,
        /** Withdrawn before it was sent. */
        WITHDRAWN
    }

    /**
     * One ATT row of a line, sent or pending.
     *
     * @param heldBy     the check holding it out of files (e.g. ASSIGNMENT_ENDED), while it is held
     * @param heldReason why, naming no person
     * @param warning    what a check noted for it; it goes into its file all the same
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntryView(EntryKind kind, EntryStatus status, String fileName, Integer rowNumber, String period,
                     BigDecimal quantity, BigDecimal rate, BigDecimal amount, String heldBy, String heldReason,
                     String warning) {
    }

    /** @param payDate where the line's latest claim goes or went: payroll, period, run, cut-off, lateness */
    record LineView(String lineId, LineStatus status, String fileName, int version, List<EntryView> entries,
                    @JsonInclude(JsonInclude.Include.NON_NULL) PayDateView payDate) {
    }

    /** Totals of one element and cost centre (null: the assignment's own costing); reversals count negative. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Total(String element, String costCentre, int rows, BigDecimal quantity, BigDecimal amount, int pendingRows) {
    }

    /**
     * @param payroll   ESR's name of the payroll; left out for the single payroll of a deployment without them
     * @param heldLines how many of the period's lines a check holds out of files
     * @param held      those lines (the first {@value #HELD_LISTED}), with the check and its reason
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PeriodSummary(String period, List<FileView> files, List<Total> totals, String payroll, int heldLines,
                         List<HeldClaim> held) {
    }

    static final int HELD_LISTED = 1_000;

    private final TimesheetLineStore lines;
    private final ExportEntries entries;
    private final ExportLedger files;
    private final PayCodes payCodes;
    private final PayDates payDates;

    StatusQueries(TimesheetLineStore lines, ExportEntries entries, ExportLedger files, PayCodes payCodes,
                  PayDates payDates) {
        this.lines = lines;
        this.entries = entries;
        this.files = files;
        this.payCodes = payCodes;
        this.payDates = payDates;
    }

    Optional<LineView> line(String lineId) {
        return lines.find(List.of(lineId)).stream().findFirst().map(line -> {
            List<Entry> ofLine = entries.ofLine(lineId);
            return view(line, ofLine, fileNames(ofLine), payDates.runsAsSent());
        });
    }

    /** Many lines at once (row numbers left out); ids not known are left out of the answer. */
    List<LineView> lines(List<String> lineIds) {
        List<StoredLine> known = lines.find(lineIds);
        Map<String, List<Entry>> byLine = new HashMap<>();
        List<Entry> all = entries.ofLines(known.stream().map(StoredLine::lineId).toList());
        all.forEach(entry -> byLine.computeIfAbsent(entry.lineId(), id -> new ArrayList<>()).add(entry));
        Map<Long, String> names = fileNames(all);
        UnaryOperator<PayDate> runsAsSent = payDates.runsAsSent();
        return known.stream().map(line -> view(line, byLine.getOrDefault(line.lineId(), List.of()), names,
                runsAsSent)).toList();
    }

    private LineView view(StoredLine line, List<Entry> ofLine, Map<Long, String> fileNames,
                          UnaryOperator<PayDate> runsAsSent) {
        List<EntryView> views = ofLine.stream().map(entry -> new EntryView(entry.kind(),
                entry.held() ? EntryStatus.HELD : entry.pending() ? EntryStatus.PENDING : EntryStatus.EXPORTED,
                fileNames.get(entry.fileId()), entry.rowNumber(), label(entry.period()), entry.quantity(),
                entry.rate(), entry.amount(), entry.held() ? entry.check().heldCheck() : null,
                entry.held() ? entry.check().heldReason() : null,
                entry.check() == null ? null : entry.check().warning())).toList();
        boolean anySent = ofLine.stream().anyMatch(entry -> !entry.pending());
        boolean anyPending = ofLine.stream().anyMatch(Entry::pending);
        String lastSentClaim = views.stream().filter(e -> e.kind() == EntryKind.CLAIM && e.fileName() != null)
                .reduce((a, b) -> b).map(EntryView::fileName).orElse(null);
        LineStatus status = line.withdrawn() ? (anySent ? LineStatus.REVERSED : LineStatus.WITHDRAWN)
                : ofLine.stream().anyMatch(Entry::held) ? LineStatus.HELD
                : !anyPending ? LineStatus.EXPORTED : anySent ? LineStatus.CORRECTION_PENDING : LineStatus.PENDING;
        PayDateView payDate = line.withdrawn() ? null : ofLine.stream().filter(e -> e.kind() == EntryKind.CLAIM)
                .reduce((a, b) -> b).map(claim -> payDateOf(claim, fileNames, runsAsSent)).orElse(null);
        return new LineView(line.lineId(), status, lastSentClaim, line.version(), views, payDate);
    }

    /** A sent claim's run is its file's; a pending one's is settled by the ledger, as when it was posted. */
    private PayDateView payDateOf(Entry claim, Map<Long, String> fileNames, UnaryOperator<PayDate> runsAsSent) {
        Optional<PayrollCalendar> payroll = payDates.payrolls().named(claim.payroll());
        if (payroll.isEmpty()) {
            return null;
        }
        PayPlacement placed = new PayPlacement(claim.payroll(), payroll.get().periodType(), claim.period(),
                claim.cutOff());
        boolean ownPeriod = payroll.get().placementOf(claim.dateWorked()).period().equals(claim.period());
        PayDate expected = new PayDate(placed, PeriodRun.NORMAL, ownPeriod ? PayDate.Lateness.ON_TIME
                : PayDate.Lateness.NEXT_PERIOD);
        if (claim.pending()) {
            return PayDateView.of(runsAsSent.apply(expected));
        }
        PeriodRun run = InboundFileName.parse(fileNames.getOrDefault(claim.fileId(), ""))
                .map(InboundFileName::periodRun).orElse(PeriodRun.NORMAL);
        PayDate.Lateness lateness = !ownPeriod ? PayDate.Lateness.NEXT_PERIOD
                : run == PeriodRun.SUPPLEMENTARY ? PayDate.Lateness.SUPPLEMENTARY_RUN : PayDate.Lateness.ON_TIME;
        return PayDateView.of(new PayDate(placed, run, lateness));
    }

    /** The names of the files these entries went into, by file id, in one query. */
    private Map<Long, String> fileNames(List<Entry> sent) {
        Set<Long> ids = new HashSet<>();
        sent.stream().filter(entry -> !entry.pending()).forEach(entry -> ids.add(entry.fileId()));
        Map<Long, String> names = new HashMap<>();
        files.byIds(ids).forEach((id, file) -> names.put(id, file.fileName()));
        return names;
    }

    PeriodSummary summary(String payroll, TaxPeriod period) {
        Map<List<String>, Total> totals = new LinkedHashMap<>();
        for (PeriodTotal row : entries.totalsOf(payroll, period)) {
            String element = payCodes.elementOf(row.payCode());
            Total add = new Total(element, row.costCentre(), row.rows(), row.quantity(), row.amount(),
                    row.pendingRows());
            totals.merge(Arrays.asList(element, row.costCentre()), add, (a, b) -> new Total(a.element(),
                    a.costCentre(), a.rows() + b.rows(), a.quantity().add(b.quantity()), sum(a.amount(), b.amount()),
                    a.pendingRows() + b.pendingRows()));
        }
        List<FileView> ofPeriod = files.ofPeriod(payroll, period).stream()
                .map(file -> FileView.of(file, entries)).toList();
        List<Total> sorted = new ArrayList<>(totals.values());
        sorted.sort(Comparator.comparing(Total::element)
                .thenComparing(Total::costCentre, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new PeriodSummary(period.yy() + period.pp(), ofPeriod, sorted, payroll,
                entries.countHeldOf(payroll, period), entries.heldOf(payroll, period, HELD_LISTED));
    }

    Optional<FileView> fileByName(String fileName) {
        return files.byName(fileName).map(file -> FileView.of(file, entries));
    }

    private static String label(TaxPeriod period) {
        return period.yy() + period.pp();
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
