package health.patchwork.esr.support.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a random loopback port, recording every request it gets and answering as told: the
 * platform's webhook endpoint, as far as the dispatcher can tell.
 */
final class Receiver implements AutoCloseable {

    /** One request as received. */
    record Received(String id, String timestamp, String signature, String body, String contentType, Instant at,
                    int status) {
    }

    /** How to answer: a status, and a delay before answering (a slow receiver). */
    record Answer(int status, long delayMillis, String retryAfter) {

        static Answer ok() {
            return new Answer(204, 0, null);
        }

        static Answer status(int status) {
            return new Answer(status, 0, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntFunction<Answer> answers = n -> Answer.ok();

    Receiver() throws IOException {
        this(0);
    }

    Receiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers the n-th request (0-based, over the receiver's life) as the function says. */
    void answer(IntFunction<Answer> function) {
        this.answers = function;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = answers.apply(count.getAndIncrement());
            // recorded on arrival, with the status it is about to get
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body,
                    exchange.getRequestHeaders().getFirst("Content-Type"), Instant.now(), answer.status()));
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            if (answer.status() >= 300 && answer.status() < 400) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
