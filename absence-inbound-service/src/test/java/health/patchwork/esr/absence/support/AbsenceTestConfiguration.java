package health.patchwork.esr.absence.support;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** What every test of this service shares: a settable clock, a crash switch in the exporter and the workforce contract stub. */
@TestConfiguration(proxyBeanMethods = false)
public class AbsenceTestConfiguration {

    public static final Instant START = Instant.parse("2026-11-03T09:35:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    CrashSwitch crashSwitch() {
        return new CrashSwitch();
    }

    @Bean
    WorkforceContractStub workforceContractStub(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(
                "health/patchwork/esr/testsupport/workforce/published-contract-stub.sql")).execute(dataSource);
        return new WorkforceContractStub();
    }

    /** Marker: the stub tables exist. */
    public static final class WorkforceContractStub {
    }
}
