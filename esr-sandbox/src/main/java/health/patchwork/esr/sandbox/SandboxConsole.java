package health.patchwork.esr.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.testsupport.security.TestTokens;

/**
 * The ESR console (esr-console), started by the run command after the services when its jar is built: it reads the
 * three services with an operator token the sandbox mints into a file (renewed every half hour: tokens live an hour),
 * and people sign in with one local account whose password is made here and printed. Not part of
 * {@link SandboxRuntime}: the end-to-end test and the reliability harness run before the console's jar is built.
 */
final class SandboxConsole implements AutoCloseable {

    static final String MODULE = "esr-console";
    static final String USERNAME = "operator";

    private final ServiceProcess process;
    private final String password;
    private final ScheduledExecutorService renewal;

    private SandboxConsole(ServiceProcess process, String password, ScheduledExecutorService renewal) {
        this.process = process;
        this.password = password;
        this.renewal = renewal;
    }

    /** Starts the console on the port after the services', or nothing when its jar is not built. */
    static Optional<SandboxConsole> start(SandboxRuntime runtime) throws IOException, InterruptedException {
        SandboxRuntime.Options options = runtime.options();
        try {
            ServiceProcess.findJar(options.repository(), MODULE);
        } catch (IllegalStateException notBuilt) {
            return Optional.empty();
        }
        Path token = options.home().resolve("console-operator-token");
        writeToken(token);
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-console-token");
            thread.setDaemon(true);
            return thread;
        });
        renewal.scheduleAtFixedRate(() -> writeToken(token), 30, 30, TimeUnit.MINUTES);
        String password = newPassword();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ESR_CONSOLE_SERVICES_OUTBOUND", runtime.baseUrl(SandboxService.OUTBOUND));
        env.put("ESR_CONSOLE_SERVICES_ATTENDANCE", runtime.baseUrl(SandboxService.ATTENDANCE));
        env.put("ESR_CONSOLE_SERVICES_ABSENCE", runtime.baseUrl(SandboxService.ABSENCE));
        env.put("ESR_CONSOLE_SERVICES_CREDENTIALS_MODE", "token-file");
        env.put("ESR_CONSOLE_SERVICES_CREDENTIALS_TOKENFILE", token.toString());
        env.put("ESR_CONSOLE_SIGNIN_MODE", "local");
        env.put("ESR_CONSOLE_SIGNIN_LOCAL_USERNAME", USERNAME);
        env.put("ESR_CONSOLE_SIGNIN_LOCAL_PASSWORD", password);
        Path logs = Files.createDirectories(options.home().resolve("logs"));
        ServiceProcess process = ServiceProcess.start(options.repository(), MODULE,
                options.firstPort() + SandboxService.values().length, env, logs);
        try {
            SandboxRuntime.awaitHealthy(process, Duration.ofMinutes(2));
        } catch (InterruptedException | RuntimeException e) {
            process.close();
            renewal.shutdownNow();
            throw e;
        }
        return Optional.of(new SandboxConsole(process, password, renewal));
    }

    String url() {
        return "http://127.0.0.1:" + process.port() + "/";
    }

    String password() {
        return password;
    }

    Path log() {
        return process.log();
    }

    private static void writeToken(Path file) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, TestTokens.operator());
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        renewal.shutdownNow();
        process.close();
    }
}
