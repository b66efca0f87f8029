package health.patchwork.esr.absence.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import health.patchwork.esr.absence.mapping.AbsenceDetails;
import health.patchwork.esr.absence.store.ExportRows;
import health.patchwork.esr.formats.write.AbsenceOperation;

import org.junit.jupiter.api.Test;

/** The operations of docs/spec/inbound-files.md §3.4, without a database. */
class ExportPlannerTest {

    static final AbsenceDetails OPEN = new AbsenceDetails("20000002", "Sickness", "S11 Back Problems", "D", true,
            LocalDate.of(2026, 10, 26), null, null, null, null, true, null, LocalDate.of(2026, 10, 26));
    static final AbsenceDetails CLOSED = new AbsenceDetails("20000002", "Sickness", "S11 Back Problems", "D", true,
            LocalDate.of(2026, 10, 26), null, LocalDate.of(2026, 10, 30), null, new BigDecimal("5"), false,
            LocalDate.of(2026, 11, 2), LocalDate.of(2026, 10, 26));

    static List<AbsenceOperation> plan(Optional<AbsenceDetails> desired, AbsenceOperation sentOperation,
            AbsenceDetails sent) {
        Optional<ExportRows.Row> last = sentOperation == null ? Optional.empty()
                : Optional.of(new ExportRows.Row("A1", "PWH-A1", 1, sentOperation, sent));
        return ExportPlanner.plan("A1", "PWH-A1", 2, desired, last).stream().map(ExportRows.Row::operation).toList();
    }

    @Test
    void firstSendIsAdd() {
        assertThat(plan(Optional.of(OPEN), null, null)).containsExactly(AbsenceOperation.ADD);
    }

    @Test
    void nothingChangedSendsNothing() {
        assertThat(plan(Optional.of(OPEN), AbsenceOperation.ADD, OPEN)).isEmpty();
    }

    @Test
    void anOpenEndedAbsenceNowClosedIsEnd() {
        assertThat(plan(Optional.of(CLOSED), AbsenceOperation.ADD, OPEN)).containsExactly(AbsenceOperation.END);
    }

    @Test
    void anyOtherChangeIsDeleteThenAdd() {
        AbsenceDetails moved = new AbsenceDetails("20000002", "Sickness", "S11 Back Problems", "D", true,
                LocalDate.of(2026, 10, 27), null, LocalDate.of(2026, 10, 30), null, new BigDecimal("4"), false, null,
                LocalDate.of(2026, 10, 26));
        assertThat(plan(Optional.of(moved), AbsenceOperation.ADD, OPEN))
                .containsExactly(AbsenceOperation.DEL, AbsenceOperation.ADD);
        assertThat(plan(Optional.of(moved), AbsenceOperation.END, CLOSED))
                .containsExactly(AbsenceOperation.DEL, AbsenceOperation.ADD);
    }

    @Test
    void cancelledAfterSendingIsDeleteAndBeforeSendingIsNothing() {
        assertThat(plan(Optional.empty(), AbsenceOperation.END, CLOSED)).containsExactly(AbsenceOperation.DEL);
        assertThat(plan(Optional.empty(), null, null)).isEmpty();
        assertThat(plan(Optional.empty(), AbsenceOperation.DEL, CLOSED)).isEmpty();
    }

    @Test
    void theDeleteCarriesWhatESRHolds() {
        AbsenceDetails otherPost = new AbsenceDetails("20000002-2", "Sickness", "S11 Back Problems", "D", true,
                LocalDate.of(2026, 10, 26), null, null, null, null, true, null, LocalDate.of(2026, 10, 26));
        List<ExportRows.Row> rows = ExportPlanner.plan("A1", "PWH-A1", 2, Optional.of(otherPost),
                Optional.of(new ExportRows.Row("A1", "PWH-A1", 1, AbsenceOperation.ADD, OPEN)));
        assertThat(rows).extracting(r -> r.details().assignmentNumber()).containsExactly("20000002", "20000002-2");
    }
}
