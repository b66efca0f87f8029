package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a server that passes bytes through until it is {@linkplain #armCut armed}; then,
 * once a chosen number of bytes has flowed in one direction (counted over every connection from the moment it was
 * armed), it forwards only up to that byte and drops every open connection, as a failing network or firewall does.
 * It cuts once per arming and passes everything through afterwards, so the client's retry can complete.
 */
public final class CuttingProxy implements AutoCloseable {

    /** Which way the counted bytes flow. */
    public enum Direction { CLIENT_TO_SERVER, SERVER_TO_CLIENT }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong[] counted = {new AtomicLong(), new AtomicLong()};
    private volatile Direction cutDirection;
    private volatile long cutAfter = -1;
    private volatile boolean resetOnCut;
    private volatile int cuts;

    private CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::accept, "cutting-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free loopback port forwarding to {@code 127.0.0.1:targetPort}. */
    public static CuttingProxy start(int targetPort) throws IOException {
        return new CuttingProxy(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Cut every connection once {@code bytes} more bytes have flowed in {@code direction}. With {@code reset} the
     * sockets close with a TCP reset, otherwise with an orderly close mid-stream.
     */
    public synchronized void armCut(Direction direction, long bytes, boolean reset) {
        counted[direction.ordinal()].set(0);
        this.resetOnCut = reset;
        this.cutDirection = direction;
        this.cutAfter = bytes;
    }

    /** Starts counting {@code direction} from zero without cutting, to measure what a clean transfer moves. */
    public synchronized void measure(Direction direction) {
        counted[direction.ordinal()].set(0);
        this.cutDirection = null;
        this.cutAfter = -1;
    }

    public long counted(Direction direction) {
        return counted[direction.ordinal()].get();
    }

    /** Whether the armed cut has happened (or none was armed). */
    public boolean cutDone() {
        return cutAfter < 0;
    }

    /** Cuts made since the proxy started. */
    public int cuts() {
        return cuts;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(LOOPBACK, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server, Direction.CLIENT_TO_SERVER);
                pump(server, client, Direction.SERVER_TO_CLIENT);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                // the target refused one connection: the client sees it closed and retries
            }
        }
    }

    private void pump(Socket from, Socket to, Direction direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int allowed = allowance(direction, n);
                    if (allowed > 0) {
                        out.write(buffer, 0, allowed);
                        out.flush();
                    }
                    if (allowed < n) {
                        cutAll();
                        return;
                    }
                }
            } catch (IOException closed) {
                // the other side or a cut closed the connection
            } finally {
                closeQuietly(from, false);
                closeQuietly(to, false);
                open.remove(from);
                open.remove(to);
            }
        }, "cutting-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** How many of {@code n} bytes may pass before the armed cut; every byte counts towards it. */
    private synchronized int allowance(Direction direction, int n) {
        long before = counted[direction.ordinal()].getAndAdd(n);
        if (cutAfter < 0 || direction != cutDirection || before + n <= cutAfter) {
            return n;
        }
        int allowed = (int) Math.max(0, cutAfter - before);
        cutAfter = -1;
        cuts++;
        return allowed;
    }

    private void cutAll() {
        for (Socket socket : open) {
            closeQuietly(socket, resetOnCut);
        }
        open.clear();
    }

    private static void closeQuietly(Socket socket, boolean reset) {
        try {
            if (reset && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (SocketException alreadyClosed) {
            // nothing left to close
        } catch (IOException ignored) {
            // closing is best effort: the point is that the connection is gone
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing to release
        }
        cutAll();
    }
}
