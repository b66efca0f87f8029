package health.patchwork.esr.outbound;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import health.patchwork.esr.testsupport.postgres.PostgresTestConfiguration;
import health.patchwork.esr.testsupport.sftp.SftpTestConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring test context of this module: the whole service on a random port, a real PostgreSQL and a real
 * SFTP mailbox, the poller off (tests drive the pickup themselves). Every test class uses exactly this, so the
 * context is built once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "esr.trust.vpd=123",
        "esr.outbound.polling-enabled=false",
        // stands aside from the election, so that SeveralInstancesTest's own instances can lead in this schema
        "esr.leader.candidate=false",
        "esr.outbound.min-file-age=0s",
        // any time of day, not only ESR's midnight boundary (SequenceTest reads it back from the GDR)
        "esr.outbound.full-refresh-cutover-time=18:30:15",
        "esr.outbound.work-dir=target/outbound-work",
        // one webhook endpoint, so that events are queued in the outbox (OutboxRows reads them); no instance of
        // this context leads, so nothing is ever sent to it
        "esr.notifications.endpoints[0].url=http://127.0.0.1:9/hook",
        "esr.notifications.endpoints[0].secret=whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
@Import({PostgresTestConfiguration.class, SftpTestConfiguration.class})
public @interface OutboundServiceTest {
}
