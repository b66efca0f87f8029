package health.patchwork.esr.outbound;

import java.util.List;

import health.patchwork.esr.testsupport.SchemaUpgradeTest;

/** A schema that main of 4 December 2026 migrated (before esr-service-support shipped its tables) starts up to date. */
class SchemaUpgradeFromMainTest extends SchemaUpgradeTest {

    @Override
    protected Class<?> application() {
        return OutboundRosteringApplication.class;
    }

    @Override
    protected String schema() {
        return "workforce";
    }

    @Override
    protected String[] earlierMigrations() {
        // the service's migrations of today and those it gave up to esr-service-support
        return new String[] {"classpath:db/migration/workforce", "classpath:db/main-2026-12-04/workforce"};
    }

    @Override
    protected List<String> earlierRows() {
        return List.of(
                "insert into operator_audit (subject, action, target, channel, outcome)"
                        + " values ('operator-1', 'EXPORT', 'period 2026/08', 'REST', 'DONE')",
                "insert into int_lock (lock_key, region, created_date, expired_after)"
                        + " values ('00000000-0000-0000-0000-000000000001', 'earlier', now(), now())");
    }

    @Override
    protected List<String> supportHistories() {
        return List.of("flyway_support_audit_history", "flyway_support_leader_history");
    }
}
