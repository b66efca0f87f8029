package health.patchwork.esr.attendance.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.patchwork.esr.support.web.FieldError;

/**
 * The outcome of one posted line.
 *
 * @param index position in the posted batch (0-based)
 * @param errors why it was rejected, each naming the field by its JSON path, e.g. {@code lines[3].payCode}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LineResult(int index, String lineId, LineOutcome outcome, List<FieldError> errors) {

    static LineResult ok(int index, String lineId, LineOutcome outcome) {
        return new LineResult(index, lineId, outcome, List.of());
    }

    static LineResult rejected(int index, String lineId, List<FieldError> errors) {
        return new LineResult(index, lineId, LineOutcome.REJECTED, List.copyOf(errors));
    }

    boolean accepted() {
        return outcome != LineOutcome.REJECTED;
    }
}
