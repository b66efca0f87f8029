package health.patchwork.esr.reliability;

/**
 * One row of the summary table.
 *
 * @param trials how many times the fault was injected
 * @param passed trials whose end state equals a fault-free run's
 * @param lost items (records, lines, files) a fault-free run has and the trial lost
 * @param duplicated items the trial applied or sent more than once
 * @param note what a failing trial looked like, for the first one
 * @param duplicatesAllowed whether a duplicate is by design, counted but no failure: a webhook is delivered at least
 *                          once, and the receiver drops a repeat by its id
 */
public record ScenarioResult(String scenario, long trials, long passed, long lost, long duplicated, String note,
                             boolean duplicatesAllowed) {

    public ScenarioResult(String scenario, long trials, long passed, long lost, long duplicated, String note) {
        this(scenario, trials, passed, lost, duplicated, note, false);
    }

    /** A row of an at-least-once scenario: {@code duplicated} counts what was delivered more than once. */
    public static ScenarioResult atLeastOnce(String scenario, long trials, long passed, long lost, long duplicated,
                                             String note) {
        return new ScenarioResult(scenario, trials, passed, lost, duplicated, note, true);
    }

    public boolean allPassed() {
        return passed == trials && lost == 0 && (duplicatesAllowed || duplicated == 0);
    }
}
