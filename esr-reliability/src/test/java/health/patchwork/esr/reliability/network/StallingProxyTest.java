package health.patchwork.esr.reliability.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

import health.patchwork.esr.reliability.network.CuttingProxy.Direction;
import health.patchwork.esr.reliability.network.StallingProxy.Thaw;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy on its own, in front of a server that sends 100 KB to every client: freeze, hold, thaw. */
class StallingProxyTest {

    private static final int SIZE = 100_000;

    private ServerSocket server;
    private StallingProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread sender = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread each = new Thread(() -> send(client));
                    each.setDaemon(true);
                    each.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        sender.setDaemon(true);
        sender.start();
        proxy = StallingProxy.start(server.getLocalPort());
    }

    private static void send(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            byte[] bytes = new byte[SIZE];
            Arrays.fill(bytes, (byte) 'x');
            out.write(bytes);
        } catch (IOException gone) {
            // the client left
        }
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    @Test
    void freezesAtTheArmedByteKeepsTheConnectionOpenAndSeesTheClientGiveUp() throws Exception {
        proxy.armStall(Direction.SERVER_TO_CLIENT, 30_000);
        try (Socket client = connect()) {
            client.setSoTimeout(500);
            long received = readUntilSilent(client.getInputStream());

            assertThat(received).isEqualTo(30_000);
            assertThat(proxy.frozen()).isTrue();
            assertThat(proxy.stalledConnectionClosedAfter()).isEmpty();
        }
        awaitClosedSeen();
        assertThat(proxy.stalledConnectionClosedAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
    }

    @Test
    void newConnectionsGetNothingWhileFrozenAndEverythingOnceResumed() throws Exception {
        proxy.armStall(Direction.SERVER_TO_CLIENT, 10_000);
        try (Socket first = connect()) {
            first.setSoTimeout(500);
            assertThat(readUntilSilent(first.getInputStream())).isEqualTo(10_000);
            assertThat(proxy.frozen()).isTrue();
            // a connection opened while frozen: accepted, and held like the rest (opening it only after the freeze
            // keeps it from racing the first to the armed byte)
            try (Socket second = connect()) {
                second.setSoTimeout(500);
                assertThat(readUntilSilent(second.getInputStream())).isZero();

                proxy.thaw(Thaw.RESUME);

                assertThat(readToEnd(first.getInputStream())).isEqualTo(SIZE - 10_000);
                assertThat(readToEnd(second.getInputStream())).isEqualTo(SIZE);
            }
        }
    }

    @Test
    void aDropResetsTheFrozenConnectionsAndTheNextOneIsForwarded() throws Exception {
        proxy.armStall(Direction.SERVER_TO_CLIENT, 10_000);
        try (Socket frozen = connect()) {
            frozen.setSoTimeout(500);
            assertThat(readUntilSilent(frozen.getInputStream())).isEqualTo(10_000);

            proxy.thaw(Thaw.DROP);

            frozen.setSoTimeout(5_000);
            long after;
            try {
                after = readToEnd(frozen.getInputStream());
            } catch (IOException reset) {
                after = 0;
            }
            assertThat(after).isZero();
        }
        try (Socket next = connect()) {
            next.setSoTimeout(5_000);
            assertThat(readToEnd(next.getInputStream())).isEqualTo(SIZE);
        }
    }

    private Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    /** Bytes read until nothing came for the socket's timeout. */
    private static long readUntilSilent(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (SocketTimeoutException silent) {
            // nothing more is coming
        }
        return total;
    }

    private static long readToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }

    private void awaitClosedSeen() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (proxy.stalledConnectionClosedAfter().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
