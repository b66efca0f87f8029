package health.patchwork.esr.support.web;

/**
 * One reason a request was refused, naming where: a JSON path such as {@code lines[3].payCode}, a query parameter,
 * or a path variable. The reason never repeats the submitted value, which may be personal data.
 */
public record FieldError(String field, String reason) {
}
