package health.patchwork.esr.reliability.rest;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document that takes input: its parameters and, if any, its JSON body schema
 * (null when it takes none).
 */
record ApiOperation(String service, String baseUrl, String method, String path, List<Parameter> parameters,
        JsonNode bodySchema) {

    /** A path or query parameter with its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    boolean takesInput() {
        return bodySchema != null || !parameters.isEmpty();
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }
}
