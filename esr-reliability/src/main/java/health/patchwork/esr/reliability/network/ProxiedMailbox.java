package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

/**
 * A service's view of the mailbox through a {@link CuttingProxy} or a {@link StallingProxy}: it dials the proxy's
 * port and still verifies the mailbox's own host key, pinned for the address it dials ({@code [127.0.0.1]:proxyPort}),
 * exactly as known_hosts names a host on a non-standard port. Nothing about host-key checking is relaxed for the test.
 */
final class ProxiedMailbox {

    private ProxiedMailbox() {
    }

    /** {@code environment} with the mailbox port and known_hosts file pointing at the proxy. */
    static Map<String, String> environment(Map<String, String> environment, EmbeddedSftpServer mailbox,
            CuttingProxy proxy, Path home) throws IOException {
        return environment(environment, mailbox, proxy.port(), home);
    }

    /** The same for any loopback proxy listening on {@code proxyPort}. */
    static Map<String, String> environment(Map<String, String> environment, EmbeddedSftpServer mailbox,
            int proxyPort, Path home) throws IOException {
        String line = Files.readString(mailbox.knownHosts(), StandardCharsets.US_ASCII).strip();
        String direct = "[" + mailbox.host() + "]:" + mailbox.port() + " ";
        if (!line.startsWith(direct)) {
            throw new IllegalStateException("unexpected known_hosts line for " + direct.strip());
        }
        Path knownHosts = home.resolve("known_hosts-proxy-" + proxyPort);
        Files.writeString(knownHosts, "[" + mailbox.host() + "]:" + proxyPort + " "
                + line.substring(direct.length()) + "\n", StandardCharsets.US_ASCII);
        Map<String, String> own = new LinkedHashMap<>(environment);
        own.put("ESR_MAILBOX_PORT", String.valueOf(proxyPort));
        own.put("ESR_MAILBOX_KNOWNHOSTS", knownHosts.toString());
        return own;
    }
}
