package health.patchwork.esr.attendance.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.attendance.period.PayDateView;
import health.patchwork.esr.support.payroll.PayDate;
import health.patchwork.esr.support.web.FieldError;

/**
 * The outcome of one posted line.
 *
 * @param index position in the posted batch (0-based)
 * @param errors why it was rejected, each naming the field by its JSON path, e.g. {@code lines[3].payCode}
 * @param warnings accepted, but worth a look (e.g. the assignment's T&amp;A flag is not set in ESR)
 * @param exportedIn a correction or withdrawal that queued a reversal: the file that carried the claim it reverses
 *        (also when that file was being made while the change arrived, so the change could not stop the claim)
 * @param payDate an accepted line's pay date: payroll, period, run, cut-off, and whether it is late, told now rather
 *        than on payday
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record LineResult(int index, String lineId, LineOutcome outcome, List<FieldError> errors,
                         List<FieldError> warnings, String exportedIn, PayDateView payDate) {

    static LineResult ok(int index, String lineId, LineOutcome outcome) {
        return ok(index, lineId, outcome, null);
    }

    static LineResult ok(int index, String lineId, LineOutcome outcome, String exportedIn) {
        return new LineResult(index, lineId, outcome, List.of(), List.of(), exportedIn, null);
    }

    static LineResult rejected(int index, String lineId, List<FieldError> errors) {
        return new LineResult(index, lineId, LineOutcome.REJECTED, List.copyOf(errors), List.of(), null, null);
    }

    LineResult withWarnings(List<FieldError> value) {
        return new LineResult(index, lineId, outcome, errors, List.copyOf(value), exportedIn, payDate);
    }

    LineResult paid(PayDate date) {
        return new LineResult(index, lineId, outcome, errors, warnings, exportedIn, PayDateView.of(date));
    }

    boolean accepted() {
        return outcome != LineOutcome.REJECTED;
    }
}
