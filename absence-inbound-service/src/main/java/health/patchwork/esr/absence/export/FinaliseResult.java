package health.patchwork.esr.absence.export;

/**
 * The answer to finalising a period.
 *
 * @param payroll ESR's name of the period's payroll where the Trust configures several; null for its one payroll
 * @param file the AB file written and delivered now, null when nothing was due
 * @param rows its ABS rows
 */
public record FinaliseResult(String period, String payroll, String file, int rows) {
}
