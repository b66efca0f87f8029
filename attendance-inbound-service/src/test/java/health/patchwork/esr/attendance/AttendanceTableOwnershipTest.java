package health.patchwork.esr.attendance;

import java.util.Map;
import java.util.Set;

import health.patchwork.esr.testsupport.TableOwnershipTest;

/**
 * One owner per table in attendance: every class that needs a table asks its owner. Tables of esr-service-support's
 * features belong to their support class.
 */
class AttendanceTableOwnershipTest extends TableOwnershipTest {

    @Override
    protected String schema() {
        return "attendance";
    }

    @Override
    protected Map<String, String> owners() {
        return Map.ofEntries(
                Map.entry("export_entry", "ExportEntries"),
                Map.entry("export_file", "ExportLedger"),
                Map.entry("export_file_event", "ExportLedger"),
                Map.entry("int_lock", "JdbcLockRegistry"),
                Map.entry("operator_audit", "AuditTrail"),
                Map.entry("pay_code_mapping", "PayCodeVersions"),
                Map.entry("timesheet_line", "TimesheetLineStore"));
    }

    @Override
    protected Map<String, Set<String>> notYetMoved() {
        return Map.of();
    }
}
