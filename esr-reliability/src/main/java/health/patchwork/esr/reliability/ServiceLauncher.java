package health.patchwork.esr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.sandbox.SandboxRuntime;
import health.patchwork.esr.sandbox.ServiceProcess;

/** Starts a service jar of the checkout as a child process on a free port and waits until it answers health. */
public final class ServiceLauncher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path repository;
    private final Path logs;

    public ServiceLauncher(Path repository, Path home) {
        this.repository = repository;
        try {
            this.logs = Files.createDirectories(home.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ServiceProcess startHealthy(String module, Map<String, String> environment) throws InterruptedException {
        return startHealthyTogether(Map.of(module, environment)).get(0);
    }

    /**
     * Starts several services at once and waits until each answers health: their start-ups overlap, which on a
     * small machine takes little longer than one. In the order given; on a failure every one of them is killed.
     */
    public List<ServiceProcess> startHealthyTogether(Map<String, Map<String, String>> environments)
            throws InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (Map.Entry<String, Map<String, String>> service : environments.entrySet()) {
                started.add(ServiceProcess.start(repository, service.getKey(), freePort(), service.getValue(), logs));
            }
            for (ServiceProcess service : started) {
                SandboxRuntime.awaitHealthy(service, START_TIMEOUT);
            }
            return started;
        } catch (RuntimeException | InterruptedException e) {
            started.forEach(ServiceProcess::kill);
            throw e;
        }
    }

    public static String baseUrl(ServiceProcess service) {
        return "http://127.0.0.1:" + service.port();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
