package health.patchwork.esr.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * Command-line arguments that start a service against the shared test database and an embedded mailbox: a valid
 * baseline that start-up tests spoil one setting at a time.
 */
public final class StartupArguments {

    private final Map<String, String> values = new LinkedHashMap<>();

    private StartupArguments() {
    }

    public static StartupArguments validFor(EmbeddedSftpServer mailbox) {
        SharedPostgres.Endpoint database = SharedPostgres.endpoint();
        StartupArguments arguments = new StartupArguments();
        arguments.with("spring.main.web-application-type", "none")
                .with("spring.datasource.url", database.jdbcUrl())
                .with("spring.datasource.username", database.username())
                .with("spring.datasource.password", database.password())
                .with("esr.trust.vpd", "123")
                .with("esr.mailbox.host", mailbox.host())
                .with("esr.mailbox.port", String.valueOf(mailbox.port()))
                .with("esr.mailbox.username", mailbox.username())
                .with("esr.mailbox.private-key", mailbox.clientPrivateKey().toString())
                .with("esr.mailbox.known-hosts", mailbox.knownHosts().toString());
        return arguments;
    }

    public StartupArguments with(String property, String value) {
        values.put(property, value);
        return this;
    }

    public StartupArguments without(String property) {
        values.remove(property);
        return this;
    }

    public String[] toArray() {
        return values.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
