package health.patchwork.esr.sandbox.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import health.patchwork.esr.support.notification.WebhookSignature;

/**
 * The platform's end of the webhooks, as the sandbox plays it: an HTTP server on a loopback port that checks each
 * request's Standard Webhooks signature (the secret, the id, the timestamp within five minutes, the body), answers
 * 204 to a signed request and 401 to any other, drops a {@code webhook-id} it has already taken (answering 204, as a
 * receiver must, or the sender would try again), and prints one line per request. What it prints is the event's
 * type, id and data: the services put ids, states and dates in events, never names, and a value that is not a
 * number or an id-like token is printed as its length only (see {@link #token}).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The path the services post to. */
    public static final String PATH = "/webhooks";

    /** Larger bodies are refused (413): an event's body is a few hundred bytes. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    /** How many ids it remembers for dropping duplicates; a sender retries for a day, the sandbox runs for hours. */
    private static final int REMEMBERED_IDS = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String secret;
    private final WebhookSignature signature;
    private final Clock clock;
    private final Consumer<String> console;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private WebhookReceiver(HttpServer server, String secret, Clock clock, Consumer<String> console) {
        this.server = server;
        this.secret = secret;
        this.signature = WebhookSignature.forSecret(secret);
        this.clock = clock;
        this.console = console;
        // three services post, each one request at a time per endpoint: a few threads are plenty
        this.handlers = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext(PATH, this::handle);
    }

    /**
     * Starts a receiver on a free loopback port.
     *
     * @param secret  the secret the services sign with ({@link #newSecret()})
     * @param console where its one line per request goes
     */
    public static WebhookReceiver start(String secret, Clock clock, Consumer<String> console) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server, secret, clock, console);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the webhook receiver", e);
        }
    }

    /** A fresh secret in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** Where the services post: {@code http://127.0.0.1:<port>/webhooks} (plain HTTP is allowed on loopback). */
    public URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + PATH);
    }

    /** The secret the services are configured with. */
    public String secret() {
        return secret;
    }

    /** Signed requests taken for the first time. */
    public long accepted() {
        return accepted.get();
    }

    /** Signed requests with a {@code webhook-id} already taken: answered 204, not counted again. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Requests answered 401 (no or wrong signature, or a timestamp outside the tolerance) or otherwise refused. */
    public long refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405);
                refused.incrementAndGet();
                return;
            }
            byte[] bytes = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (bytes == null) {
                refused.incrementAndGet();
                console.accept("refused: a body over " + MAX_BODY_BYTES + " bytes (413)");
                answer(exchange, 413);
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER);
            if (!signature.verify(id, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body,
                    clock.instant())) {
                refused.incrementAndGet();
                console.accept("refused " + token(id) + ": no valid signature for this secret, or a timestamp"
                        + " more than " + WebhookSignature.TOLERANCE.toMinutes() + " minutes off (401)");
                answer(exchange, 401);
                return;
            }
            boolean first;
            synchronized (seen) {
                first = seen.putIfAbsent(id, Boolean.TRUE) == null;
            }
            if (!first) {
                duplicates.incrementAndGet();
                console.accept("duplicate " + token(id) + " dropped (204)");
                answer(exchange, 204);
                return;
            }
            accepted.incrementAndGet();
            console.accept(describe(id, body));
            answer(exchange, 204);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** The body's bytes, or null when there are more than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    /** One console line: type, id, and the data, ids and counts as they are, anything else shortened. */
    static String describe(String id, String body) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (JacksonException e) {
            return token(id) + ": signed, but not JSON";
        }
        StringBuilder line = new StringBuilder();
        line.append(token(event.path("type").asString("?"))).append(' ').append(token(id));
        JsonNode data = event.path("data");
        if (data.isObject()) {
            line.append(' ').append(summary(data, 0));
        }
        return line.length() > 300 ? line.substring(0, 297) + "..." : line.toString();
    }

    private static String summary(JsonNode node, int depth) {
        if (node.isObject()) {
            if (depth > 1) {
                return "{" + node.size() + " fields}";
            }
            StringJoiner fields = new StringJoiner(", ", "{", "}");
            Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                fields.add(token(entry.getKey()) + "=" + summary(entry.getValue(), depth + 1));
            }
            return fields.toString();
        }
        if (node.isArray()) {
            if (node.size() > 3 || depth > 1) {
                return "[" + node.size() + " items]";
            }
            StringJoiner items = new StringJoiner(", ", "[", "]");
            node.forEach(item -> items.add(summary(item, depth + 1)));
            return items.toString();
        }
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return node.toString();
        }
        return token(node.asString());
    }

    /**
     * A value as it is when it looks like an id, a state, a date or a file name (letters, digits and
     * {@code _-.:+/}, no spaces, at most 64 characters); otherwise only its length, so free text with spaces
     * (a full name, if one ever slipped into an event) is not copied to the console.
     */
    static String token(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() <= 64 && value.matches("[A-Za-z0-9_.:+/-]*") ? value
                : "<" + value.length() + " chars>";
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
