package health.patchwork.esr.attendance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of this module's service tests (cached and shared): the whole service on a random port with
 * a real PostgreSQL, a real SFTP mailbox, a fixed clock and the scheduled cut-off switched off (tests call it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esr.trust.vpd=123", "esr.attendance.export-schedule=-",
                // stands aside from the election, so that ScheduledCutOffTest's context leads in this schema
                "esr.leader.candidate=false",
                "esr.attendance.work-dir=target/attendance-work"})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class, AttendanceTestConfiguration.class})
public @interface ServiceTest {
}
