package health.patchwork.esr.reliability;

/**
 * One row of the summary table.
 *
 * @param trials how many times the fault was injected
 * @param passed trials whose end state equals a fault-free run's
 * @param lost items (records, lines, files) a fault-free run has and the trial lost
 * @param duplicated items the trial applied or sent more than once
 * @param note what a failing trial looked like, for the first one
 */
public record ScenarioResult(String scenario, long trials, long passed, long lost, long duplicated, String note) {

    public boolean allPassed() {
        return passed == trials && lost == 0 && duplicated == 0;
    }
}
