package health.patchwork.esr.reliability.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import health.patchwork.esr.support.notification.WebhookSignature;

/**
 * The platform's receiver as the dispatcher-crash scenario needs it: it checks each request's signature, records
 * every {@code webhook-id} it received and every one it took (answered 204), and can be told to hold one request
 * without answering, so that the harness kills the service while that request waits for its answer. A held request
 * is then either never answered (the receiver did not take it: it must come again) or answered 204 the moment the
 * harness asks (the receiver took it, and the service may die before it records that: it may come again, and the
 * receiver drops the repeat by its id).
 */
public final class RecordingReceiver implements AutoCloseable {

    /** One request, in arrival order. */
    public record Receipt(String webhookId, boolean signed, boolean taken) {
    }

    /** A request being held: {@link #answer()} or {@link #abandon()} lets it go. */
    public static final class Held {
        private final String webhookId;
        private final CompletableFuture<Boolean> decision = new CompletableFuture<>();
        private final CountDownLatch answered = new CountDownLatch(1);

        private Held(String webhookId) {
            this.webhookId = webhookId;
        }

        public String webhookId() {
            return webhookId;
        }

        /** Answers 204 and returns once the answer is written to the connection (or the write failed). */
        public void answer() throws InterruptedException {
            decision.complete(true);
            answered.await(10, TimeUnit.SECONDS);
        }

        /** Never answers: the request is dropped unanswered, as by a receiver that died while it waited. */
        public void abandon() {
            decision.complete(false);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final WebhookSignature signature;
    private final Clock clock;
    private final List<Receipt> receipts = new ArrayList<>();
    private final AtomicLong signedSoFar = new AtomicLong();
    private volatile long holdAt = -1;
    private volatile CompletableFuture<Held> holding = new CompletableFuture<>();

    private RecordingReceiver(HttpServer server, String secret, Clock clock) {
        this.server = server;
        this.signature = WebhookSignature.forSecret(secret);
        this.clock = clock;
        // a held request ties up its thread; the restarted service's requests must still be answered meanwhile
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "recording-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/webhooks", this::handle);
    }

    public static RecordingReceiver start(String secret) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingReceiver receiver = new RecordingReceiver(server, secret, Clock.systemUTC());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the recording receiver", e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
    }

    /**
     * Holds the {@code nth} signed request from now (1 is the next one) instead of answering it; {@link #awaitHeld}
     * returns it once it has arrived.
     */
    public void holdRequest(int nth) {
        holding = new CompletableFuture<>();
        holdAt = signedSoFar.get() + nth;
    }

    public Held awaitHeld(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return holding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER);
            boolean signed = signature.verify(id, exchange.getRequestHeaders()
                    .getFirst(WebhookSignature.TIMESTAMP_HEADER), exchange.getRequestHeaders()
                    .getFirst(WebhookSignature.SIGNATURE_HEADER), body, clock.instant());
            if (!signed) {
                record(new Receipt(String.valueOf(id), false, false));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (signedSoFar.incrementAndGet() == holdAt) {
                hold(exchange, id);
                return;
            }
            record(new Receipt(id, true, true));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void hold(HttpExchange exchange, String id) throws IOException {
        Held held = new Held(id);
        holding.complete(held);
        boolean answer;
        try {
            answer = held.decision.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = false;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            answer = false;
        }
        try {
            record(new Receipt(id, true, answer));
            if (answer) {
                exchange.sendResponseHeaders(204, -1);
                exchange.getResponseBody().flush();
            }
        } finally {
            held.answered.countDown();
        }
    }

    private synchronized void record(Receipt receipt) {
        receipts.add(receipt);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
