package health.patchwork.esr.support.golive;

import java.util.List;

/**
 * The answer of {@code GET /actuator/golive}.
 *
 * @param ready no check failed (warnings allowed)
 * @param checks every check, in order
 * @param checklist plain text for the ESR service request: the Trust, its interfaces, the mailbox, our key, the
 *                  folders and the results
 */
public record GoLiveReport(boolean ready, List<ReadinessCheck> checks, String checklist) {
}
