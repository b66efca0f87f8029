package health.patchwork.esr.console.services;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one service's JSON endpoints with the console's token, each read bounded by the connect and read timeouts,
 * and every outcome turned into a {@link Reading}: nothing a service does (down, slow, refusing, answering HTML)
 * reaches a page as an exception. Reads are asynchronous so a page asks all services at once.
 */
public final class ServiceClient {

    /** Larger answers are refused unread: a list of 200 files is a few tens of kilobytes. */
    static final int MAX_ANSWER_CHARS = 4 * 1024 * 1024;

    private final EsrService service;
    private final URI base;
    private final HttpClient http;
    private final Duration readTimeout;
    private final ServiceToken token;
    private final JsonMapper json;

    ServiceClient(EsrService service, URI base, HttpClient http, Duration readTimeout, ServiceToken token,
                  JsonMapper json) {
        this.service = service;
        this.base = base;
        this.http = http;
        this.readTimeout = readTimeout;
        this.token = token;
        this.json = json;
    }

    public EsrService service() {
        return service;
    }

    public URI base() {
        return base;
    }

    /** GET {@code path} (with its query) below the base URL; never fails, the future completes with a reading. */
    public CompletableFuture<Reading> get(String path) {
        String bearer;
        try {
            bearer = token.bearer();
        } catch (ServiceToken.Unavailable e) {
            return CompletableFuture.completedFuture(Reading.failed(Reading.Outcome.NO_CREDENTIALS, 0,
                    "the console has no credentials for the services: " + e.getMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(resolve(path))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? read(response) : unreachable(failure));
    }

    private URI resolve(String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    private Reading read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Reading.failed(Reading.Outcome.REFUSED, status, status == 401
                    ? "the service did not accept the console's token (HTTP 401)"
                    : "the console's token lacks the operator role (HTTP 403)");
        }
        if (status == 404) {
            return Reading.failed(Reading.Outcome.NOT_FOUND, status, "not provided by this version of the service");
        }
        boolean jsonAnswer = response.headers().firstValue("Content-Type").orElse("").contains("json");
        if ((status == 200 || status == 503) && jsonAnswer && response.body().length() <= MAX_ANSWER_CHARS) {
            try {
                JsonNode body = json.readTree(response.body());
                return Reading.answered(status, body);
            } catch (JacksonException e) {
                return Reading.failed(Reading.Outcome.FAILED, status, "the answer was not readable JSON");
            }
        }
        return Reading.failed(Reading.Outcome.FAILED, status, "the service answered HTTP " + status);
    }

    private Reading unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String reason;
        if (cause instanceof HttpConnectTimeoutException) {
            reason = "no connection within the connect timeout";
        } else if (cause instanceof HttpTimeoutException) {
            reason = "no answer within " + readTimeout.toSeconds() + " s";
        } else if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause.getCause() instanceof UnresolvedAddressException) {
            reason = "nothing is listening at " + base + " (the service is stopped or the address is wrong)";
        } else if (cause instanceof IOException) {
            reason = "the connection failed (" + cause.getClass().getSimpleName() + ")";
        } else {
            reason = "the read failed (" + cause.getClass().getSimpleName() + ")";
        }
        return Reading.failed(Reading.Outcome.UNREACHABLE, 0, reason);
    }
}
