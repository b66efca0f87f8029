package health.patchwork.esr.reliability.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import health.patchwork.esr.reliability.network.CuttingProxy.Direction;

/**
 * A loopback TCP proxy in front of a server that passes bytes through until it is {@linkplain #armStall armed};
 * then, once one connection has forwarded a chosen number of bytes in one direction, it freezes: no byte moves either way on any
 * connection, open or opened later, and every socket stays open. No FIN, no reset: to the client it is a server
 * that accepted its data and never answers, or a network path that silently went dead.
 *
 * <p>While frozen the proxy still reads what the client sends (and holds it, as a frozen server's kernel buffers
 * it), so it sees the moment the client gives up and closes its end. {@link #thaw} ends the freeze one of two ways:
 * {@link Thaw#RESUME} delivers everything held, in order, as a server that wakes up processes what it had buffered
 * (including, on a connection the client has abandoned, its last requests); {@link Thaw#DROP} resets every
 * connection that lived through the freeze, as a restarted server or an expired firewall state does. Either way new
 * connections are forwarded normally afterwards.
 */
public final class StallingProxy implements AutoCloseable {

    /** How a freeze ends. */
    public enum Thaw { RESUME, DROP }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Beyond this much held per direction and connection the proxy stops reading too: TCP back-pressure. */
    private static final long HOLD_LIMIT = 16L * 1024 * 1024;
    private static final byte[] END = new byte[0];

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger linkIds = new AtomicInteger();

    // guarded by this: bytes forwarded each way over all connections since measure()
    private final long[] counted = new long[2];
    private Direction armedDirection;
    private long armedAfter = -1;
    private boolean frozen;
    private long frozenAt;
    private Link frozenLink;
    private int stalls;

    private StallingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::accept, "stalling-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy on a free loopback port forwarding to {@code 127.0.0.1:targetPort}. */
    public static StallingProxy start(int targetPort) throws IOException {
        return new StallingProxy(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Freeze once any one connection has forwarded {@code bytes} more bytes in {@code direction}: counted per
     * connection, so that the background health probes' short sessions never add up to the stall of a transfer.
     */
    public synchronized void armStall(Direction direction, long bytes) {
        if (frozen) {
            throw new IllegalStateException("still frozen from the last stall: thaw first");
        }
        for (Link link : links) {
            link.sinceArmed[direction.ordinal()] = 0;
        }
        armedDirection = direction;
        armedAfter = bytes;
        frozenLink = null;
    }

    /**
     * Disarms, and starts counting {@code direction} from zero (over all connections) to measure what a clean
     * transfer moves.
     */
    public synchronized void measure(Direction direction) {
        counted[direction.ordinal()] = 0;
        armedDirection = null;
        armedAfter = -1;
    }

    public synchronized long counted(Direction direction) {
        return counted[direction.ordinal()];
    }

    public synchronized boolean frozen() {
        return frozen;
    }

    /** Stalls since the proxy started. */
    public synchronized int stalls() {
        return stalls;
    }

    /** {@link System#nanoTime()} of the last freeze. */
    public synchronized long frozenAtNanos() {
        return frozenAt;
    }

    /**
     * How long after the last freeze the client closed (or reset) the connection whose bytes it stopped: empty while
     * the client keeps it open. This is the client abandoning the stalled transfer.
     */
    public synchronized Optional<Duration> stalledConnectionClosedAfter() {
        if (frozenLink == null || frozenLink.clientGoneAt.get() < 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(frozenLink.clientGoneAt.get() - frozenAt));
    }

    /** Connections open now whose client has not closed its end (the ones still held, while frozen). */
    public int clientOpenConnections() {
        return (int) links.stream().filter(l -> l.clientGoneAt.get() < 0).count();
    }

    /** Ends the freeze (nothing happens if the proxy is not frozen). */
    public void thaw(Thaw how) {
        synchronized (this) {
            if (!frozen) {
                return;
            }
        }
        if (how == Thaw.DROP) {
            for (Link link : links) {
                link.drop();
            }
        }
        synchronized (this) {
            frozen = false;
            notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(LOOPBACK, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(linkIds.incrementAndGet(), client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                // the target refused one connection: the client sees it closed and retries
            }
        }
    }

    /**
     * Waits while frozen, then says how many of {@code n} bytes may be forwarded now; freezes (and waits) when the
     * armed count is reached. Zero means the link was dropped.
     */
    private synchronized int awaitAllowance(Direction direction, Link link, int n) throws InterruptedException {
        while (true) {
            while (frozen && !link.dropped) {
                wait();
            }
            if (link.dropped) {
                return 0;
            }
            int d = direction.ordinal();
            int allowed = n;
            if (armedAfter >= 0 && direction == armedDirection) {
                long room = armedAfter - link.sinceArmed[d];
                if (room <= 0) {
                    freeze(link);
                    continue;
                }
                allowed = (int) Math.min(n, room);
            }
            counted[d] += allowed;
            link.sinceArmed[d] += allowed;
            return allowed;
        }
    }

    /** A frozen server does not see a FIN either: the end of a stream passes only after the thaw. */
    private synchronized boolean awaitUnfrozen(Link link) throws InterruptedException {
        while (frozen && !link.dropped) {
            wait();
        }
        return !link.dropped;
    }

    private void freeze(Link link) {
        // called holding this
        frozen = true;
        frozenAt = System.nanoTime();
        frozenLink = link;
        armedAfter = -1;
        stalls++;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing to release
        }
        for (Link link : links) {
            link.drop();
        }
        synchronized (this) {
            frozen = false;
            notifyAll();
        }
    }

    /** One client connection and the proxy's connection to the server: a reader and a writer per direction. */
    private final class Link {

        final int id;
        final Socket client;
        final Socket server;
        final AtomicLong clientGoneAt = new AtomicLong(-1);
        /** Bytes forwarded each way since the proxy was last armed; guarded by the proxy. */
        final long[] sinceArmed = new long[2];
        /** Reset by a {@link Thaw#DROP} (or the proxy closing): nothing more is forwarded. */
        volatile boolean dropped;
        /** The proxy is closing the sockets itself: an error reading them is not the client leaving. */
        volatile boolean closing;

        Link(int id, Socket client, Socket server) {
            this.id = id;
            this.client = client;
            this.server = server;
        }

        void start() {
            pipe(client, server, Direction.CLIENT_TO_SERVER);
            pipe(server, client, Direction.SERVER_TO_CLIENT);
        }

        private void pipe(Socket from, Socket to, Direction direction) {
            LinkedBlockingQueue<byte[]> held = new LinkedBlockingQueue<>();
            AtomicLong heldBytes = new AtomicLong();
            daemon("stalling-proxy-" + id + "-read-" + direction, () -> read(from, direction, held, heldBytes));
            daemon("stalling-proxy-" + id + "-write-" + direction, () -> write(to, direction, held, heldBytes));
        }

        private void read(Socket from, Direction direction, LinkedBlockingQueue<byte[]> held, AtomicLong heldBytes) {
            byte[] buffer = new byte[32 * 1024];
            try {
                InputStream in = from.getInputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    heldBytes.addAndGet(n);
                    held.add(Arrays.copyOf(buffer, n));
                    while (heldBytes.get() > HOLD_LIMIT && !closing) {
                        Thread.sleep(10);
                    }
                }
            } catch (IOException closed) {
                // reset by the peer, or closed by the proxy
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (direction == Direction.CLIENT_TO_SERVER && !closing) {
                    clientGoneAt.compareAndSet(-1, System.nanoTime());
                }
                held.add(END);
            }
        }

        private void write(Socket to, Direction direction, LinkedBlockingQueue<byte[]> held, AtomicLong heldBytes) {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    byte[] chunk = held.take();
                    if (chunk == END) {
                        if (awaitUnfrozen(this)) {
                            close(false);
                        }
                        return;
                    }
                    for (int offset = 0; offset < chunk.length; ) {
                        int allowed = awaitAllowance(direction, this, chunk.length - offset);
                        if (allowed == 0) {
                            return;
                        }
                        out.write(chunk, offset, allowed);
                        out.flush();
                        offset += allowed;
                    }
                    heldBytes.addAndGet(-chunk.length);
                }
            } catch (IOException closed) {
                if (direction == Direction.SERVER_TO_CLIENT && !closing) {
                    clientGoneAt.compareAndSet(-1, System.nanoTime());
                }
                close(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void drop() {
            closing = true;
            dropped = true;
            close(true);
            synchronized (StallingProxy.this) {
                StallingProxy.this.notifyAll();
            }
        }

        void close(boolean reset) {
            closing = true;
            closeQuietly(client, reset);
            closeQuietly(server, reset);
            links.remove(this);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket, boolean reset) {
        try {
            if (reset && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the point is that the connection is gone
        }
    }
}
