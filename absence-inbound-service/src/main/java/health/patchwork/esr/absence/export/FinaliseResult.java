package health.patchwork.esr.absence.export;

/**
 * The answer to finalising a period.
 *
 * @param file the AB file written and delivered now, null when nothing was due
 * @param rows its ABS rows
 */
public record FinaliseResult(String period, String file, int rows) {
}
