package health.patchwork.esr.testsupport.sftp;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenSSH {@code sshd} (Debian's openssh-server) standing in for a Trust's ESR mailbox, started as a child
 * process: loopback only, a random free port, a freshly generated host key that clients pin through the
 * {@link #knownHosts() known_hosts file}, public-key login only, and SFTP only ({@code ForceCommand internal-sftp})
 * inside a root-owned, non-writable {@code ChrootDirectory} that holds writable {@code out/} and {@code in/} — the
 * way a hardened mailbox server is set up, so the suite also meets OpenSSH's own behaviour (algorithm negotiation,
 * rename semantics, permissions) and not only Apache MINA's.
 *
 * <p>Needs {@code /usr/sbin/sshd}, {@code ssh-keygen} and root: {@code ChrootDirectory} and switching to the mailbox
 * account only work for a root {@code sshd}. Tests check {@link #available()} first and are skipped, with
 * {@link #unavailableReason()} as the message, where it answers {@code false}.
 *
 * <p>The login is a dedicated system account, {@value #USERNAME}, created with {@code useradd} the first time it is
 * needed and then left in place (several servers, and several test JVMs, share it). Not root: with
 * {@code UsePAM no} OpenSSH refuses every login to an account whose password field is locked ({@code !…}), which
 * root's often is on an installed machine, while the dedicated account is created with {@code *} (no password, not
 * locked); and only a non-root account meets the chroot's permissions as a real mailbox account does (it cannot
 * write into the chroot itself, only into {@code out/} and {@code in/}).
 *
 * <p>The chroot must be root-owned and no path component may be group- or world-writable, which rules out anything
 * under {@code /tmp}: where the work directory is under such a folder (the default, a temporary directory), the
 * chroot is made under {@code /run} instead and removed by {@link #close()}.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    /** The mailbox account every server logs in, created on first use. */
    public static final String USERNAME = "esr-sftp-test";

    /** Debian's sshd; the system property {@code esr.test.sshd} points elsewhere (or nowhere, to see the skip). */
    static final Path SSHD = Path.of(System.getProperty("esr.test.sshd", "/usr/sbin/sshd"));
    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");
    private static final Path CHROOT_FALLBACK_PARENT = Path.of("/run");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;
    private static final int BIND_ATTEMPTS = 5;

    /** The host key the server presents, and the host-key algorithms it offers with it. */
    public enum HostKeyType {
        ED25519("ed25519", null, "ssh-ed25519"),
        ECDSA("ecdsa", null, "ecdsa-sha2-nistp256"),
        /** An RSA key (2048 bits) offered with OpenSSH's defaults: {@code rsa-sha2-512} and {@code rsa-sha2-256}. */
        RSA("rsa", null, "rsa-sha2-512"),
        /**
         * An RSA key offered only as SHA-1 {@code ssh-rsa} ({@code HostKeyAlgorithms ssh-rsa}): an old server our
         * client must refuse, since it accepts only {@code rsa-sha2-*} for RSA.
         */
        RSA_SHA1_ONLY("rsa", "ssh-rsa", "ssh-rsa"),
        /** A DSA key ({@code ssh-dss}), where this OpenSSH still has DSA (before 9.8): see {@link #supports}. */
        DSA("dsa", "ssh-dss", "ssh-dss");

        private final String keygenType;
        private final String hostKeyAlgorithms;
        private final String offeredAlgorithm;

        HostKeyType(String keygenType, String hostKeyAlgorithms, String offeredAlgorithm) {
            this.keygenType = keygenType;
            this.hostKeyAlgorithms = hostKeyAlgorithms;
            this.offeredAlgorithm = offeredAlgorithm;
        }

        /** The host-key algorithm the server offers first (the only one for the restricted types). */
        public String offeredAlgorithm() {
            return offeredAlgorithm;
        }
    }

    /** Client key types; {@link #DEFAULT} is whatever {@code ssh-keygen} makes without {@code -t}. */
    public enum ClientKeyType {
        /** {@code ssh-keygen} without {@code -t}: ed25519 from OpenSSH 9.5, RSA 3072 before (Debian 12 has 9.2). */
        DEFAULT(null),
        ED25519("ed25519"),
        ECDSA("ecdsa"),
        /** RSA, 2048 bits (quick to make; signs with rsa-sha2-512 or rsa-sha2-256). */
        RSA("rsa");

        private final String keygenType;

        ClientKeyType(String keygenType) {
            this.keygenType = keygenType;
        }
    }

    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Path root;
    private final boolean ownsRoot;
    private final Path knownHosts;
    private final Path authorizedKeys;
    private final Path config;
    private final Path log;
    private final Path pidFile;
    private final String hostKeyAlgorithmsOverride;
    private final String pubkeyAcceptedAlgorithms;
    private final Map<ClientKeyType, Path> clientKeys = new EnumMap<>(ClientKeyType.class);
    private final Set<Long> frozen = new LinkedHashSet<>();
    private int port;
    private int hostKeyGeneration;
    private HostKeyType hostKeyType;
    private Path hostKey;
    private Process sshd;
    private boolean closed;

    private OpenSshServer(Builder builder) throws IOException {
        if (!available()) {
            throw new IllegalStateException("OpenSSH server not usable here: " + unavailableReason());
        }
        this.ownsWorkDir = builder.workDir == null;
        this.workDir = Files.createDirectories(builder.workDir == null
                ? Files.createTempDirectory("esr-openssh-") : builder.workDir).toAbsolutePath();
        // sshd reads the authorized keys as the mailbox account: it must be able to reach them
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
        this.hostKeyAlgorithmsOverride = builder.hostKeyAlgorithms;
        this.pubkeyAcceptedAlgorithms = builder.pubkeyAcceptedAlgorithms;
        this.knownHosts = workDir.resolve("known_hosts");
        this.authorizedKeys = workDir.resolve("authorized_keys");
        this.config = workDir.resolve("sshd_config");
        this.log = workDir.resolve("sshd.log");
        this.pidFile = workDir.resolve("sshd.pid");
        Files.writeString(authorizedKeys, "", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(authorizedKeys, PosixFilePermissions.fromString("rw-r--r--"));

        UserPrincipal mailboxUser = ensureMailboxUser();
        this.ownsRoot = !chrootSafe(workDir);
        this.root = ownsRoot
                ? Files.createTempDirectory(CHROOT_FALLBACK_PARENT, "esr-openssh-mailbox-")
                : Files.createDirectories(workDir.resolve("mailbox"));
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String folder : List.of("out", "in")) {
                Path dir = Files.createDirectories(root.resolve(folder));
                Files.setOwner(dir, mailboxUser);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createDirectories(PRIVILEGE_SEPARATION_DIR);
            for (ClientKeyType type : builder.clientKeys) {
                clientPrivateKey(type);
            }
            this.hostKeyType = builder.hostKeyType;
            this.hostKey = generateHostKey(hostKeyType);
            startSshd(0);
            writeKnownHosts();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** An ed25519 host key, OpenSSH's default algorithms, in a fresh temporary directory. */
    public static OpenSshServer start() {
        return builder().start();
    }

    public static OpenSshServer start(HostKeyType hostKeyType) {
        return builder().hostKey(hostKeyType).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether an OpenSSH server can be started here; {@link #unavailableReason()} says why not. */
    public static boolean available() {
        return unavailableReason() == null;
    }

    /** Why {@link #available()} is {@code false}, in words for a skipped test; {@code null} when it is available. */
    public static String unavailableReason() {
        if (!Files.isExecutable(SSHD)) {
            return SSHD + " is missing: install Debian's openssh-server (apt-get install openssh-server; .ci/run"
                    + " does) to run the mailbox tests against a real OpenSSH";
        }
        if (findOnPath("ssh-keygen") == null) {
            return "ssh-keygen is missing: install openssh-client";
        }
        if (!isRoot()) {
            return "tests against a real OpenSSH sshd need root (ChrootDirectory and the switch to the mailbox"
                    + " account only work for a root sshd); running as " + System.getProperty("user.name");
        }
        if (!userExists() && findOnPath("useradd") == null) {
            return "useradd is missing, so the mailbox account " + USERNAME + " cannot be created";
        }
        return null;
    }

    /** Whether this OpenSSH can make and serve {@code type} (DSA went in OpenSSH 9.8/10.0). */
    public static boolean supports(HostKeyType type) {
        if (!available()) {
            return false;
        }
        if (type != HostKeyType.DSA) {
            return true;
        }
        synchronized (OpenSshServer.class) {
            if (dsaSupported == null) {
                dsaSupported = probeDsa();
            }
            return dsaSupported;
        }
    }

    private static Boolean dsaSupported;
    private static int[] sshdVersion;

    public String host() {
        return HOST;
    }

    public synchronized int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    /** The chroot: remote {@code /} is this folder, remote {@code /out} is {@link #outDir()}. */
    public Path root() {
        return root;
    }

    /** Where remote {@code /out} (ESR to us) is on this machine. */
    public Path outDir() {
        return root.resolve("out");
    }

    /** Where remote {@code /in} (us to ESR) is on this machine. */
    public Path inDir() {
        return root.resolve("in");
    }

    /** The local path of a remote path such as {@code /in/TA_….DAT}. */
    public Path resolve(String remotePath) {
        return root.resolve(remotePath.startsWith("/") ? remotePath.substring(1) : remotePath);
    }

    /** A known_hosts file pinning the host key the server presented when it was last written. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** An ed25519 client private key (OpenSSH format, no passphrase) the server accepts. */
    public Path clientPrivateKey() {
        return clientPrivateKey(ClientKeyType.ED25519);
    }

    /**
     * A client private key of {@code type} (OpenSSH format, no passphrase), made with {@code ssh-keygen} on first
     * use and added to the server's authorized keys (sshd reads them at every login, so no restart is needed).
     */
    public synchronized Path clientPrivateKey(ClientKeyType type) {
        Path key = clientKeys.get(type);
        if (key == null) {
            key = workDir.resolve("id_" + type.name().toLowerCase(java.util.Locale.ROOT));
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C",
                    "esr-test-client-" + type.name().toLowerCase(java.util.Locale.ROOT), "-f", key.toString()));
            if (type.keygenType != null) {
                command.addAll(1, List.of("-t", type.keygenType));
            }
            if (type == ClientKeyType.RSA) {
                // 2048 bits: what many Trusts registered, and much quicker to make than the default 3072
                command.addAll(1, List.of("-b", "2048"));
            }
            run(command);
            try {
                Files.writeString(authorizedKeys, publicKeyOf(key.resolveSibling(key.getFileName() + ".pub")) + "\n",
                        StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            clientKeys.put(type, key);
        }
        return key;
    }

    public synchronized HostKeyType hostKeyType() {
        return hostKeyType;
    }

    /** The public half of the current host key as OpenSSH writes it: {@code <type> <base64>}. */
    public synchronized String hostPublicKey() {
        return publicKeyOf(hostKey.resolveSibling(hostKey.getFileName() + ".pub"));
    }

    /** The current host key's fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:…}. */
    public synchronized String hostKeyFingerprint() {
        String line = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f",
                hostKey.resolveSibling(hostKey.getFileName() + ".pub").toString()));
        Matcher matcher = Pattern.compile("SHA256:[A-Za-z0-9+/]+").matcher(line);
        if (!matcher.find()) {
            throw new IllegalStateException("no fingerprint in ssh-keygen's answer: " + line);
        }
        return matcher.group();
    }

    /** Rewrites the known_hosts file to pin the current host key: {@code [127.0.0.1]:port <type> <base64>}. */
    public synchronized void writeKnownHosts() {
        try {
            Files.writeString(knownHosts, "[" + HOST + "]:" + port + " " + hostPublicKey() + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restarts sshd on the same port with a new host key of the same type, leaving known_hosts pinning the old one:
     * what a client sees when a mailbox is rebuilt or someone else answers in its place. Open sessions end.
     */
    public void changeHostKey() {
        changeHostKey(hostKeyType());
    }

    /** As {@link #changeHostKey()}, with a new key of {@code type} (and its algorithms). */
    public synchronized void changeHostKey(HostKeyType type) {
        stopSshd();
        try {
            hostKeyType = type;
            hostKey = generateHostKey(type);
            startSshd(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops (SIGSTOP) every sshd process serving a connection — every descendant of the listener — so that open
     * sessions go silent mid-conversation while their TCP connections stay up: a stalled mailbox. The listener keeps
     * accepting; new connections get their own, running, processes. {@link #unfreeze()} resumes them.
     */
    public void freeze() {
        freeze(false);
    }

    /**
     * As {@link #freeze()}; with {@code listenerToo} the listener stops as well, so that new connections are
     * accepted by the kernel but never answered (not even the SSH banner).
     */
    public synchronized void freeze(boolean listenerToo) {
        List<Long> pids = new ArrayList<>(sessionPids());
        if (listenerToo) {
            pids.add(0, sshd.pid());
        }
        signal("STOP", pids);
        frozen.addAll(pids);
        // a signal is delivered when its target next runs: return only once every one has stopped
        awaitState(pids, true);
    }

    /** Resumes (SIGCONT) whatever {@link #freeze()} stopped, and returns once they run again. */
    public synchronized void unfreeze() {
        List<Long> pids = List.copyOf(frozen);
        signal("CONT", pids);
        frozen.clear();
        awaitState(pids, false);
    }

    private void awaitState(List<Long> pids, boolean stopped) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (long pid : pids) {
            while (true) {
                char state = state(pid);
                boolean gone = state == 'X' || state == 'Z';
                if (gone || (state == 'T' || state == 't') == stopped) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sshd process " + pid + " still in state " + state + " after "
                            + (stopped ? "SIGSTOP" : "SIGCONT") + "; sshd log " + log + ":\n" + logTail());
                }
                sleep(5);
            }
        }
    }

    /** A process's state letter from {@code /proc} ({@code T} stopped, {@code Z} zombie), {@code X} when gone. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": the state follows the last ')'
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return 'X';
        }
    }

    /** Process ids of the sshd processes serving connections now (the listener's descendants). */
    public synchronized List<Long> sessionPids() {
        return sshd == null ? List.of() : sshd.descendants().map(ProcessHandle::pid).toList();
    }

    /** Process id of the listening sshd. */
    public synchronized long listenerPid() {
        return sshd.pid();
    }

    /** sshd's log (its stderr: {@code -e}, LogLevel VERBOSE). */
    public Path log() {
        return log;
    }

    /** The last lines of sshd's log, for failure messages. */
    public String logTail() {
        return tail(log);
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopSshd();
        if (ownsRoot && root != null) {
            deleteTree(root);
        }
        // a temporary work directory goes too (it holds private keys); one the caller gave stays, log and all
        if (ownsWorkDir) {
            deleteTree(workDir);
        }
    }

    // --- sshd process -------------------------------------------------------------------------------------------

    private void startSshd(int fixedPort) throws IOException {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= (fixedPort == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            int candidate = fixedPort == 0 ? freeLoopbackPort() : fixedPort;
            Files.writeString(config, sshdConfig(candidate), StandardCharsets.US_ASCII);
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            try {
                awaitListening(process, candidate);
                this.sshd = process;
                this.port = candidate;
                return;
            } catch (IllegalStateException e) {
                terminate(List.of(process.toHandle()));
                last = e;
                String newLog = Files.readString(log, StandardCharsets.ISO_8859_1)
                        .substring((int) Math.min(logStart, Files.size(log)));
                if (!(newLog.contains("Address already in use") || newLog.contains("Cannot bind any address"))) {
                    throw e;
                }
                // someone took the free port between our check and sshd's bind: try another
            }
        }
        throw last;
    }

    private void awaitListening(Process process, int candidate) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with status " + process.exitValue()
                        + " before listening on " + HOST + ":" + candidate + "; sshd log " + log + ":\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, candidate), 1000);
                socket.setSoTimeout(5000);
                String banner = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                if (banner != null && banner.startsWith("SSH-2.0-OpenSSH") && process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(20);
        }
        throw new IllegalStateException("sshd did not answer on " + HOST + ":" + candidate + " within "
                + START_TIMEOUT + "; sshd log " + log + ":\n" + logTail());
    }

    private void stopSshd() {
        if (sshd == null) {
            return;
        }
        List<ProcessHandle> sessions = sshd.descendants().toList();
        // a stopped process cannot act on SIGTERM: resume everything first
        List<Long> all = new ArrayList<>(sessions.stream().map(ProcessHandle::pid).toList());
        all.add(sshd.pid());
        signal("CONT", all);
        frozen.clear();
        // sessions first, while the listener still reaps them; then the listener
        terminate(sessions);
        terminate(List.of(sshd.toHandle()));
        sshd = null;
    }

    private static void terminate(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        if (!awaitGone(processes)) {
            processes.forEach(ProcessHandle::destroyForcibly);
            awaitGone(processes);
        }
    }

    /** Whether all of them ended (a zombie counts as ended: its parent, not us, must reap it). */
    private static boolean awaitGone(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (processes.stream().anyMatch(OpenSshServer::running)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        char state = state(process.pid());
        return state != 'Z' && state != 'X';
    }

    private String sshdConfig(int listenPort) {
        String hostKeyAlgorithms = hostKeyAlgorithmsOverride != null
                ? hostKeyAlgorithmsOverride : hostKeyType.hostKeyAlgorithms;
        StringBuilder text = new StringBuilder()
                .append("# generated by ").append(OpenSshServer.class.getName()).append('\n')
                .append("ListenAddress ").append(HOST).append(':').append(listenPort).append('\n')
                .append("HostKey ").append(hostKey).append('\n');
        if (hostKeyAlgorithms != null) {
            text.append("HostKeyAlgorithms ").append(hostKeyAlgorithms).append('\n');
        }
        text.append("PidFile ").append(pidFile).append('\n')
                .append("LogLevel VERBOSE\n")
                .append("AuthenticationMethods publickey\n")
                .append("PubkeyAuthentication yes\n")
                .append("AuthorizedKeysFile ").append(authorizedKeys).append('\n');
        if (pubkeyAcceptedAlgorithms != null) {
            text.append("PubkeyAcceptedAlgorithms ").append(pubkeyAcceptedAlgorithms).append('\n');
        }
        text.append("PasswordAuthentication no\n")
                .append("KbdInteractiveAuthentication no\n")
                .append("PermitRootLogin no\n")
                .append("AllowUsers ").append(USERNAME).append('\n')
                // the work directory is under /tmp, whose permissions StrictModes would object to
                .append("StrictModes no\n")
                .append("UsePAM no\n")
                .append("UseDNS no\n")
                .append("PrintMotd no\n")
                .append("DisableForwarding yes\n")
                .append("PermitTTY no\n");
        if (sshdVersionAtLeast(9, 8)) {
            // tests fail logins on purpose; OpenSSH 9.8+ would otherwise penalise 127.0.0.1 for it
            text.append("PerSourcePenalties no\n");
        }
        // (internal-sftp's own log would go to syslog, which has no /dev/log inside the chroot)
        text.append("Subsystem sftp internal-sftp\n")
                .append("ForceCommand internal-sftp\n")
                .append("ChrootDirectory ").append(root).append('\n');
        return text.toString();
    }

    private Path generateHostKey(HostKeyType type) {
        Path key = workDir.resolve("ssh_host_" + type.keygenType + "_key_" + (++hostKeyGeneration));
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type.keygenType, "-N", "", "-C",
                "esr-test-host", "-f", key.toString()));
        if (type.keygenType.equals("rsa")) {
            command.addAll(1, List.of("-b", "2048"));
        }
        run(command);
        return key;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static String publicKeyOf(Path pub) {
        try {
            String[] fields = Files.readString(pub, StandardCharsets.US_ASCII).trim().split("\\s+");
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root-owned and not group- or world-writable all the way up, as sshd demands of a ChrootDirectory. */
    private static boolean chrootSafe(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            PosixFileAttributes attributes = Files.readAttributes(p, PosixFileAttributes.class);
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (!"root".equals(attributes.owner().getName())
                    || permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
        }
        return true;
    }

    private static UserPrincipal ensureMailboxUser() throws IOException {
        synchronized (OpenSshServer.class) {
            for (int attempt = 1; !userExists(); attempt++) {
                ProcessResult result = exec(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/",
                        "--shell", "/usr/sbin/nologin", "--password", "*", "--comment", "ESR mailbox tests",
                        USERNAME));
                // another JVM may be creating it at the same moment (useradd then fails on the lock or "exists")
                if (result.status != 0 && !userExists()) {
                    if (attempt == 5) {
                        throw new IllegalStateException("could not create the mailbox account " + USERNAME
                                + " (useradd exit " + result.status + "): " + result.output);
                    }
                    sleep(200L * attempt);
                }
            }
        }
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USERNAME);
    }

    private static boolean userExists() {
        try {
            return exec(List.of("getent", "passwd", USERNAME)).status == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean probeDsa() {
        try {
            Path dir = Files.createTempDirectory("esr-openssh-dsa-");
            try {
                return exec(List.of("ssh-keygen", "-q", "-t", "dsa", "-N", "", "-f",
                        dir.resolve("key").toString())).status == 0 && !sshdVersionAtLeast(9, 8);
            } finally {
                deleteTree(dir);
            }
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static synchronized boolean sshdVersionAtLeast(int major, int minor) {
        if (sshdVersion == null) {
            sshdVersion = new int[] {0, 0};
            try {
                // "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 ..." (sshd -V, or its usage text)
                Matcher matcher = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)")
                        .matcher(exec(List.of(SSHD.toString(), "-V")).output);
                if (matcher.find()) {
                    sshdVersion = new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
                }
            } catch (IllegalStateException e) {
                // unknown: assume old
            }
        }
        return sshdVersion[0] > major || sshdVersion[0] == major && sshdVersion[1] >= minor;
    }

    private static Path findOnPath(String command) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        return Arrays.stream(path.split(":")).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String run(List<String> command) {
        ProcessResult result = exec(command);
        if (result.status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit " + result.status + ": "
                    + result.output);
        }
        return result.output;
    }

    private record ProcessResult(int status, String output) {
    }

    private static ProcessResult exec(List<String> command) {
        List<String> resolved = new ArrayList<>(command);
        Path executable = command.get(0).contains("/") ? Path.of(command.get(0)) : findOnPath(command.get(0));
        if (executable == null) {
            throw new IllegalStateException(command.get(0) + " not found");
        }
        resolved.set(0, executable.toString());
        try {
            Process process = new ProcessBuilder(resolved).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new ProcessResult(process.exitValue(), output.trim());
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        // the shell's kill builtin: /usr/bin/kill comes with procps, which a minimal Debian may lack
        List<String> command = new ArrayList<>(List.of("sh", "-c", "kill -" + signal + " \"$@\"", "sh"));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        // a process may have ended meanwhile: kill then fails for it, which is fine
        exec(command);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.exists(file)) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options of a server; {@link #start()} starts it. */
    public static final class Builder {

        private HostKeyType hostKeyType = HostKeyType.ED25519;
        private String hostKeyAlgorithms;
        private String pubkeyAcceptedAlgorithms;
        private Path workDir;
        private final Set<ClientKeyType> clientKeys = new LinkedHashSet<>();

        private Builder() {
        }

        /** The host key type (default ed25519). */
        public Builder hostKey(HostKeyType type) {
            this.hostKeyType = Objects.requireNonNull(type);
            return this;
        }

        /** sshd's {@code HostKeyAlgorithms}, overriding what the host key type implies. */
        public Builder hostKeyAlgorithms(String algorithms) {
            this.hostKeyAlgorithms = algorithms;
            return this;
        }

        /** sshd's {@code PubkeyAcceptedAlgorithms}, e.g. {@code rsa-sha2-256} to accept RSA client keys only so. */
        public Builder pubkeyAcceptedAlgorithms(String algorithms) {
            this.pubkeyAcceptedAlgorithms = algorithms;
            return this;
        }

        /** Client keys to make up front (others are made on first {@link #clientPrivateKey(ClientKeyType)}). */
        public Builder clientKeys(ClientKeyType... types) {
            clientKeys.addAll(List.of(types));
            return this;
        }

        /**
         * Where keys, config, log and known_hosts live, kept after {@link #close()} (default: a fresh temporary
         * directory, deleted by {@link #close()}).
         */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public OpenSshServer start() {
            try {
                return new OpenSshServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
