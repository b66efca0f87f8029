package health.patchwork.esr.attendance.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A claim the checks before a file goes have just held out of it, as the platform is told of it ({@code line.held}).
 *
 * @param check the check's code ({@code ASSIGNMENT_ENDED}, ...)
 * @param since since when the claim is held: kept from the first time while it stays held, so with the line and the
 *              check it names one hold however many exports find it again
 */
public record NewlyHeld(String lineId, String assignmentNumber, LocalDate dateWorked, String check, Instant since) {
}
