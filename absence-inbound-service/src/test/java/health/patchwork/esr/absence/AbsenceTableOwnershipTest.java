package health.patchwork.esr.absence;

import java.util.Map;
import java.util.Set;

import health.patchwork.esr.testsupport.TableOwnershipTest;

/**
 * One owner per table in absence: every class that needs a table asks its owner. Tables of esr-service-support's
 * features belong to their support class.
 */
class AbsenceTableOwnershipTest extends TableOwnershipTest {

    @Override
    protected String schema() {
        return "absence";
    }

    @Override
    protected Map<String, String> owners() {
        return Map.ofEntries(
                Map.entry("absence", "AbsenceStore"),
                Map.entry("export_file", "ExportLedger"),
                Map.entry("export_file_event", "ExportLedger"),
                Map.entry("export_row", "ExportRows"),
                Map.entry("finalised_period", "FinalisedPeriods"),
                Map.entry("int_lock", "JdbcLockRegistry"),
                Map.entry("operator_audit", "AuditTrail"));
    }

    @Override
    protected Map<String, Set<String>> notYetMoved() {
        return Map.of();
    }
}
