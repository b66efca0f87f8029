package health.patchwork.esr.absence.intake;

import java.util.List;

/** {@code POST /api/v1/absences}: a batch of absences, each accepted or refused on its own. */
public record AbsenceBatch(List<AbsenceRequest> absences) {
}
