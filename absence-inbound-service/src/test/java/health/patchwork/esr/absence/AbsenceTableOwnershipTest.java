package health.patchwork.esr.absence;

import java.util.Map;
import java.util.Set;

import health.patchwork.esr.testsupport.TableOwnershipTest;

/**
 * One owner per table in absence: the owners, and the classes that still name a table they do not own (to be moved
 * into the owner; the list may only shrink). Tables of esr-service-support's features belong to their support class.
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
        return Map.of(
                "absence", Set.of("AbsenceExportHealth", "AbsenceStatusQuery", "UnconfirmedGauge"),
                "export_file", Set.of("AbsenceStatusQuery", "PeriodStatusController"),
                "export_row", Set.of("AbFileOverview", "AbsenceStatusQuery"),
                "finalised_period", Set.of("AbsenceExportHealth"));
    }
}
