package health.patchwork.esr.reliability.rest;

/** One generated bad request: what was broken, and the request itself. */
record BadRequest(ApiOperation operation, String kind, String method, String url, String contentType, byte[] body) {

    @Override
    public String toString() {
        return kind + " -> " + operation;
    }
}
