package health.patchwork.esr.outbound;

import java.util.Map;
import java.util.Set;

import health.patchwork.esr.testsupport.TableOwnershipTest;

/**
 * One owner per table in workforce: the owners, and the classes that still name a table they do not own (to be moved
 * into the owner; the list may only shrink). Tables of esr-service-support's features belong to their support class.
 */
class OutboundTableOwnershipTest extends TableOwnershipTest {

    @Override
    protected String schema() {
        return "workforce";
    }

    @Override
    protected Map<String, String> owners() {
        return Map.ofEntries(
                Map.entry("absence_record", "WorkforceMerger"),
                Map.entry("assignment_record", "WorkforceMerger"),
                Map.entry("competence_record", "WorkforceMerger"),
                Map.entry("competency_record", "WorkforceMerger"),
                Map.entry("costing_record", "WorkforceMerger"),
                Map.entry("entity_change", "WorkforceMerger"),
                Map.entry("file_ledger", "FileLedger"),
                Map.entry("file_ledger_event", "FileLedger"),
                Map.entry("int_lock", "JdbcLockRegistry"),
                Map.entry("location_record", "WorkforceMerger"),
                Map.entry("operator_audit", "AuditTrail"),
                Map.entry("organisation_record", "WorkforceMerger"),
                Map.entry("person_extra_info_record", "WorkforceMerger"),
                Map.entry("person_record", "WorkforceMerger"),
                Map.entry("position_record", "WorkforceMerger"),
                Map.entry("qualification_record", "WorkforceMerger"),
                Map.entry("sequence_state", "SequenceStore"),
                Map.entry("special_information_record", "WorkforceMerger"));
    }

    @Override
    protected Map<String, Set<String>> notYetMoved() {
        return Map.of();
    }
}
