package health.patchwork.esr.testsupport.sftp;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * An embedded SFTP mailbox for a Spring test context, and the {@code esr.mailbox.*} settings that point the service
 * at it with its host key pinned. The server is a bean so that it lives exactly as long as the (cached) context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SftpTestConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedSftpServer esrMailboxServer() {
        return EmbeddedSftpServer.start();
    }

    @Bean
    DynamicPropertyRegistrar esrMailboxProperties(EmbeddedSftpServer server) {
        return registry -> {
            registry.add("esr.mailbox.host", server::host);
            registry.add("esr.mailbox.port", server::port);
            registry.add("esr.mailbox.username", server::username);
            registry.add("esr.mailbox.private-key", () -> server.clientPrivateKey().toString());
            registry.add("esr.mailbox.known-hosts", () -> server.knownHosts().toString());
        };
    }
}
