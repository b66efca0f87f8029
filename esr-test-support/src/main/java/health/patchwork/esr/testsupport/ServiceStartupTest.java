package health.patchwork.esr.testsupport;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Base of the start-up tests: starts a service with one setting spoiled at a time (from a {@link #valid() valid}
 * baseline against the shared database and an embedded mailbox) and captures what it prints.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class ServiceStartupTest {

    private static EmbeddedSftpServer mailbox;

    @BeforeAll
    static void startMailbox() {
        mailbox = EmbeddedSftpServer.start();
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.close();
    }

    /** Arguments with which the service starts. */
    protected static StartupArguments valid() {
        return StartupArguments.validFor(mailbox);
    }

    /** Starts the application and stops it again; a bad setting makes this throw. */
    protected static void run(Class<?> application, StartupArguments arguments) {
        SpringApplication.run(application, arguments.toArray()).close();
    }
}
