package health.patchwork.esr.testsupport.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) standing in for a Trust's ESR mailbox: loopback only, random port, rooted in
 * a directory with {@code out/} and {@code in/}, a freshly generated host key that clients must pin through the
 * {@link #knownHosts() known_hosts file}, and public-key login only (no passwords). Host and client keys are ECDSA
 * (nistp256) unless started with {@link KeyType#ED25519}.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String USERNAME = "esr-mailbox";

    /** The type of the generated host and client keys. */
    public enum KeyType {
        /** ecdsa-sha2-nistp256, from the JDK alone. */
        ECDSA("id_ecdsa"),
        /** ssh-ed25519 (OpenSSH's default), through MINA's EdDSA support (Bouncy Castle on the classpath). */
        ED25519("id_ed25519");

        private final String clientKeyFile;

        KeyType(String clientKeyFile) {
            this.clientKeyFile = clientKeyFile;
        }
    }

    private final Path workDir;
    private final Path root;
    private final Path knownHosts;
    private final Path clientKey;
    private final KeyPair clientKeyPair;
    private final SshServer server;
    private final KeyType keyType;
    private volatile KeyPair hostKeyPair;
    private final AtomicInteger logins = new AtomicInteger();
    private final TransferStall stall = new TransferStall();

    private EmbeddedSftpServer(Path workDir, KeyType keyType) throws IOException, GeneralSecurityException {
        this.workDir = workDir;
        this.keyType = keyType;
        this.root = Files.createDirectories(workDir.resolve("mailbox"));
        Files.createDirectories(root.resolve("out"));
        Files.createDirectories(root.resolve("in"));
        this.knownHosts = workDir.resolve("known_hosts");
        this.clientKey = workDir.resolve(keyType.clientKeyFile);
        this.clientKeyPair = newKeyPair(keyType);
        this.hostKeyPair = newKeyPair(keyType);
        writePrivateKey(clientKeyPair, clientKey);

        server = SshServer.setUpDefaultServer();
        server.setHost(HOST);
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(hostKeyPair));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) -> {
            boolean accepted = USERNAME.equals(username) && KeyUtils.compareKeys(key, clientKeyPair.getPublic());
            if (accepted) {
                logins.incrementAndGet();
            }
            return accepted;
        });
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(stall);
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        writeKnownHosts();
    }

    /** Starts a server whose files, keys (ECDSA) and known_hosts live under {@code workDir}. */
    public static EmbeddedSftpServer start(Path workDir) {
        return start(workDir, KeyType.ECDSA);
    }

    /** Starts a server whose files, keys of {@code keyType} and known_hosts live under {@code workDir}. */
    public static EmbeddedSftpServer start(Path workDir, KeyType keyType) {
        try {
            return new EmbeddedSftpServer(Files.createDirectories(workDir), keyType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate SSH keys", e);
        }
    }

    /** Starts a server with ECDSA keys in a fresh temporary directory. */
    public static EmbeddedSftpServer start() {
        return start(KeyType.ECDSA);
    }

    /** Starts a server with host and client keys of {@code keyType} in a fresh temporary directory. */
    public static EmbeddedSftpServer start(KeyType keyType) {
        try {
            return start(Files.createTempDirectory("esr-sftp-"), keyType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return server.getPort();
    }

    public String username() {
        return USERNAME;
    }

    /** The server's file system root; remote {@code /out} is {@code root().resolve("out")}. */
    public Path root() {
        return root;
    }

    public Path resolve(String remotePath) {
        return root.resolve(remotePath.startsWith("/") ? remotePath.substring(1) : remotePath);
    }

    /** A known_hosts file naming this server's current host key for {@code [127.0.0.1]:port}. */
    public Path knownHosts() {
        return knownHosts;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The client's private key (OpenSSH format, no passphrase) that the server accepts. */
    public Path clientPrivateKey() {
        return clientKey;
    }

    /**
     * Replaces the host key the server presents, leaving the known_hosts file as it was: what a client sees when a
     * mailbox is rebuilt or impersonated.
     */
    public void changeHostKey() {
        try {
            hostKeyPair = newKeyPair(keyType);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // a rebuilt or impersonating server would not carry over the old connections either
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    /** Rewrites the known_hosts file to trust the current host key. */
    public void writeKnownHosts() {
        String line = "[" + HOST + "]:" + port() + " " + PublicKeyEntry.toString(hostKeyPair.getPublic()) + "\n";
        try {
            Files.writeString(knownHosts, line, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * From now on the server's SFTP subsystem stops answering file reads and writes, until {@link #resumeTransfers()};
     * the connection stays open and keep-alives are still answered (a frozen mailbox, not a dead one).
     */
    public void freezeTransfers() {
        stall.freeze();
    }

    /** Each block read or written is answered {@code perBlock} late, until {@link #resumeTransfers()}. */
    public void slowTransfers(Duration perBlock) {
        stall.slow(perBlock);
    }

    public void resumeTransfers() {
        stall.resume();
    }

    /** Public-key logins accepted so far (MINA may ask twice per login: a query, then the signed request). */
    public int logins() {
        return logins.get();
    }

    /** The OpenSSH SHA256 fingerprint of the host key the server presents now. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKeyPair.getPublic());
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        stall.resume();
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair(KeyType keyType) throws GeneralSecurityException {
        if (keyType == KeyType.ED25519) {
            // MINA's own route to an EdDSA key its signatures and key writers understand (Bouncy Castle's)
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void writePrivateKey(KeyPair keyPair, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "esr-test-client", null, out);
        }
    }
}
