package health.patchwork.esr.testsupport.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import health.patchwork.esr.testsupport.sftp.OpenSshServer.ClientKeyType;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenSSH test server itself, driven by a bare MINA client: set-up, freezing, key change and clean-up. */
class OpenSshServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SshClient client;
    private OpenSshServer server;

    @BeforeAll
    static void startClient() {
        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterAll
    static void stopClient() throws IOException {
        if (client != null) {
            client.stop();
        }
    }

    /** Per test, not in {@code @BeforeAll}: Surefire counts each as skipped, with the reason, instead of none run. */
    @BeforeEach
    void needsOpenSsh() {
        assumeTrue(OpenSshServer.available(), OpenSshServer::unavailableReason);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private SftpClient sftp(Path knownHosts, ClientKeyType key) throws IOException {
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        ClientSession session = client.connect(server.username(), server.host(), server.port()).verify(WAIT)
                .getSession();
        KeyPair identity = new FileKeyPairProvider(server.clientPrivateKey(key)).loadKeys(null).iterator().next();
        session.addPublicKeyIdentity(identity);
        try {
            session.auth().verify(WAIT);
            return SftpClientFactory.instance().createSftpClient(session).singleSessionInstance();
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private static List<String> names(SftpClient sftp, String folder) throws IOException {
        return StreamSupport.stream(sftp.readDir(folder).spliterator(), false).map(SftpClient.DirEntry::getFilename)
                .filter(name -> !name.startsWith(".")).sorted().toList();
    }

    @Test
    void servesAChrootedMailboxOnLoopbackBehindThePinnedHostKey() throws IOException {
        server = OpenSshServer.start();

        assertThat(Files.readString(server.knownHosts(), StandardCharsets.US_ASCII))
                .matches("\\[127\\.0\\.0\\.1]:" + server.port() + " ssh-ed25519 AAAA[A-Za-z0-9+/=]+\n");
        assertThat(server.hostKeyFingerprint()).startsWith("SHA256:");
        PosixFileAttributes root = Files.readAttributes(server.root(), PosixFileAttributes.class);
        assertThat(root.owner().getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(root.permissions())).isEqualTo("rwxr-xr-x");
        assertThat(Files.getOwner(server.outDir()).getName()).isEqualTo(OpenSshServer.USERNAME);
        assertThat(Files.getOwner(server.inDir()).getName()).isEqualTo(OpenSshServer.USERNAME);
        Files.writeString(server.outDir().resolve("GO.DAT"), "HDR");

        for (ClientKeyType key : ClientKeyType.values()) {
            try (SftpClient sftp = sftp(server.knownHosts(), key)) {
                assertThat(names(sftp, "/")).containsExactly("in", "out");
                assertThat(names(sftp, "/out")).containsExactly("GO.DAT");
            }
        }
        assertThat(Files.readString(server.log(), StandardCharsets.ISO_8859_1))
                .contains("Server listening on 127.0.0.1 port " + server.port());
    }

    @Test
    void freezeStopsTheSessionsAndUnfreezeResumesThem() throws Exception {
        server = OpenSshServer.start();
        try (SftpClient sftp = sftp(server.knownHosts(), ClientKeyType.ECDSA)) {
            assertThat(names(sftp, "/")).containsExactly("in", "out");
            List<Long> sessions = server.sessionPids();
            assertThat(sessions).isNotEmpty();

            server.freeze();

            assertThat(sessions).allSatisfy(pid -> assertThat(state(pid)).isEqualTo('T'));
            assertThat(state(server.listenerPid())).isNotEqualTo('T');
            CompletableFuture<List<String>> listing = CompletableFuture.supplyAsync(() -> {
                try {
                    return names(sftp, "/out");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the listener still runs: a new connection gets a new, running, session
            try (SftpClient other = sftp(server.knownHosts(), ClientKeyType.ECDSA)) {
                assertThat(names(other, "/")).containsExactly("in", "out");
            }
            assertThat(listing).isNotDone();

            server.unfreeze();

            assertThat(listing.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
            assertThat(sessions).allSatisfy(pid -> assertThat(state(pid)).isNotEqualTo('T'));
        }
    }

    @Test
    void freezingTheListenerTooLeavesNewConnectionsUnanswered() throws Exception {
        server = OpenSshServer.start();
        server.freeze(true);
        assertThat(state(server.listenerPid())).isEqualTo('T');
        server.unfreeze();
        assertThat(state(server.listenerPid())).isNotEqualTo('T');
        try (SftpClient sftp = sftp(server.knownHosts(), ClientKeyType.ECDSA)) {
            assertThat(names(sftp, "/")).containsExactly("in", "out");
        }
    }

    @Test
    void aChangedHostKeyKeepsThePortAndTheOldKnownHosts() throws IOException {
        server = OpenSshServer.start();
        int port = server.port();
        String knownHosts = Files.readString(server.knownHosts());
        String fingerprint = server.hostKeyFingerprint();
        SftpClient before = sftp(server.knownHosts(), ClientKeyType.ED25519);

        server.changeHostKey();

        assertThat(server.port()).isEqualTo(port);
        assertThat(server.hostKeyFingerprint()).isNotEqualTo(fingerprint);
        assertThat(Files.readString(server.knownHosts())).isEqualTo(knownHosts);
        // the old session went with the old server
        assertThatThrownBy(() -> names(before, "/")).isInstanceOf(IOException.class);
        before.close();
        assertThatThrownBy(() -> sftp(server.knownHosts(), ClientKeyType.ED25519)).isInstanceOf(IOException.class);

        server.writeKnownHosts();
        try (SftpClient sftp = sftp(server.knownHosts(), ClientKeyType.ED25519)) {
            assertThat(names(sftp, "/")).containsExactly("in", "out");
        }
    }

    @Test
    void closeStopsSshdAndRemovesTheChrootAndTheTemporaryFiles() throws IOException {
        server = OpenSshServer.start(OpenSshServer.HostKeyType.ECDSA);
        SftpClient open = sftp(server.knownHosts(), ClientKeyType.ECDSA);
        List<Long> pids = server.sessionPids();
        long listener = server.listenerPid();

        server.close();

        assertThat(pids).allSatisfy(pid -> assertThat(runningProcess(pid)).isFalse());
        assertThat(runningProcess(listener)).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(OpenSshServer.HOST, server.port()), 5000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(server.root()).doesNotExist();
        assertThat(server.workDir()).doesNotExist();
        open.close();
    }

    /** The state letter of a process ({@code T} = stopped), {@code 'X'} when it is gone. */
    private static char state(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 'X';
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2);
    }

    private static boolean runningProcess(long pid) throws IOException {
        char state = state(pid);
        return state != 'X' && state != 'Z';
    }
}
