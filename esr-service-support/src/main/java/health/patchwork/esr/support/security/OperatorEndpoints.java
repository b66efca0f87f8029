package health.patchwork.esr.support.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * The endpoints of a service that change how files are handled (approve, reprocess, request a refresh, export
 * now): only the operator role may call them. Each service declares its own as a bean.
 */
public record OperatorEndpoints(List<Endpoint> endpoints) {

    public record Endpoint(HttpMethod method, String pattern) {
    }

    public static OperatorEndpoints none() {
        return new OperatorEndpoints(List.of());
    }

    public static OperatorEndpoints post(String... patterns) {
        return new OperatorEndpoints(List.of(patterns).stream().map(p -> new Endpoint(HttpMethod.POST, p)).toList());
    }
}
