package health.patchwork.esr.outbound;

import health.patchwork.esr.testsupport.SchemaUpgradeTest;

/** A schema that main of 4 December 2026 migrated (before esr-service-support shipped its tables) starts up to date. */
class SchemaUpgradeFromMainTest extends SchemaUpgradeTest {

    SchemaUpgradeFromMainTest() {
        super(OutboundRosteringApplication.class, "workforce", null);
    }
}
