package health.patchwork.esr.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * The environment the scenarios start services with: the sandbox's, without in-process mailbox retries. The
 * scenarios measure what happens when a delivery fails (a 503, recovery, each file exactly once), which a retry
 * would only postpone by a minute or two; the retries themselves are tested in esr-service-support
 * (FileExporterTest, MailboxRetryTest).
 */
public final class HarnessEnvironment {

    private HarnessEnvironment() {
    }

    public static Map<String, String> of(SharedPostgres.Endpoint database, EmbeddedSftpServer mailbox, String vpd,
                                         Path home) throws IOException {
        Map<String, String> environment = new HashMap<>(SandboxRuntime.serviceEnvironment(database, mailbox, vpd,
                home));
        environment.put("ESR_MAILBOX_RETRY_MAXRETRIES", "0");
        return environment;
    }
}
