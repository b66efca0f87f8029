package health.patchwork.esr.console.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that is not there, or that takes the connection and never answers, is a reading with its reason
 * within the timeout, never an exception; a missing token file is named without asking the service.
 */
class ServiceClientTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void nothingListeningIsUnreachable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Reading reading = client(URI.create("http://127.0.0.1:" + port), token()).get("/actuator/health").join();
        assertThat(reading.outcome()).isEqualTo(Reading.Outcome.UNREACHABLE);
        assertThat(reading.reason()).startsWith("nothing is listening at http://127.0.0.1:" + port);
    }

    @Test
    void aServiceThatNeverAnswersIsGivenUpAfterTheReadTimeout() throws Exception {
        List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();
            Reading reading = client(URI.create("http://127.0.0.1:" + silent.getLocalPort()), token())
                    .get("/actuator/health").join();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(reading.outcome()).isEqualTo(Reading.Outcome.UNREACHABLE);
            assertThat(reading.reason()).startsWith("no answer within");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            acceptor.interrupt();
        } finally {
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aMissingTokenFileIsNamedAndNothingIsAsked() {
        Path missing = dir.resolve("operator-token");
        Reading reading = client(URI.create("http://127.0.0.1:9"), new TokenFile(missing)).get("/x").join();
        assertThat(reading.outcome()).isEqualTo(Reading.Outcome.NO_CREDENTIALS);
        assertThat(reading.reason()).contains(missing.toString(), "cannot be read");
    }

    private TokenFile token() throws Exception {
        return new TokenFile(Files.writeString(dir.resolve("token"), "eyJhbGciOiJSUzI1NiJ9.e30.c2ln\n"));
    }

    private static ServiceClient client(URI base, ServiceToken token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        return new ServiceClient(EsrService.OUTBOUND, base, http, TIMEOUT, token, JsonMapper.builder().build());
    }
}
