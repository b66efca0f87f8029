package health.patchwork.esr.support.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import health.patchwork.esr.support.logging.Redaction;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a client sees is an RFC 9457 problem detail ({@code application/problem+json}) that names the field at
 * fault in an {@code errors} array; no stack trace and no submitted value ever reaches the client.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final URI INVALID_REQUEST = URI.create("urn:esr-suite:problem:invalid-request");
    public static final URI INTERNAL_ERROR = URI.create("urn:esr-suite:problem:internal-error");
    public static final URI DATABASE_UNAVAILABLE = URI.create("urn:esr-suite:problem:database-unavailable");
    public static final URI REQUEST_TOO_LARGE = URI.create("urn:esr-suite:problem:request-too-large");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldError(error.getObjectName(), error.getDefaultMessage()))
                .toList();
        return invalid(concat(errors, global), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            // a chunked body passed the limit while Jackson read it; the rest of it is never read
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).headers(headers)
                    .header(HttpHeaders.CONNECTION, "close").body(requestTooLarge(tooLarge.limit()));
        }
        return invalid(List.of(unreadable(ex)), headers);
    }

    /** 413: the body is over {@code esr.web.max-request-size}; nothing of it was parsed or stored. */
    public static ProblemDetail requestTooLarge(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit.toBytes() + " bytes this service accepts"
                        + " (esr.web.max-request-size). Send fewer items per request.");
        problem.setType(REQUEST_TOO_LARGE);
        problem.setTitle("Request too large");
        problem.setProperty("errors",
                List.of(new FieldError("body", "is larger than " + limit.toBytes() + " bytes")));
        return problem;
    }

    /**
     * A query or path parameter that is not of its type (a page number past the range of {@code int}, a word for
     * a date): a 400 naming the parameter, never repeating the value.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        String type = describe(ex.getRequiredType());
        return invalid(List.of(new FieldError(name == null ? "parameter" : name,
                "must be a " + type + (type.equals("number") ? " in range" : ""))), headers);
    }

    /**
     * A constraint on a path or query parameter of a {@code @Validated} controller: a client error naming the
     * parameter, not an internal one. The message is the constraint's own, never the value.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath()), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidRequest(errors));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(invalidRequest(ex.errors()));
    }

    /** Tomcat could not decode the query string (bad percent-encoding, not UTF-8), so no parameter can be read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableQuery(InvalidParameterException ex) {
        return ResponseEntity.badRequest().body(invalidRequest(
                List.of(new FieldError("query", "is not valid percent-encoded UTF-8"))));
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name.isEmpty() ? "parameter" : name;
    }

    /**
     * The database cannot be reached (stopped, restarting, failing over, pool exhausted): nothing was stored, and the
     * caller must be told to try again rather than get a 500 it may read as a final answer.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable: {}", Redaction.describe(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database is unavailable and the request did not complete. Try again shortly.");
        problem.setType(DATABASE_UNAVAILABLE);
        problem.setTitle("Database unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }

    /**
     * A commit or rollback that failed in JDBC: in practice the connection went away mid-transaction (a rollback on a
     * connection the pool already closed, a commit the server never acknowledged). The request did not complete and
     * posting it again is safe (the services' writes are idempotent), so it is an outage like any other; a
     * transaction failure of another kind stays an internal error.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return databaseUnavailable(ex);
            }
        }
        return unexpected(ex);
    }

    /** The last resort: a reference an operator can find in the log, and nothing about the failure itself. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
        if (tooLarge != null) {
            // read by something other than a message converter (a String body, a reader): still the client's
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                    .body(requestTooLarge(tooLarge.limit()));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, Redaction.withStackOnly(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Quote reference " + reference + " to the operators.");
        problem.setType(INTERNAL_ERROR);
        problem.setTitle("Internal error");
        problem.setProperty("reference", reference);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** A 400 problem listing the fields at fault; services use it for their own checks too. */
    public static ProblemDetail invalidRequest(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors, HttpHeaders headers) {
        return ResponseEntity.badRequest().headers(headers).body(invalidRequest(errors));
    }

    static FieldError unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "unknown field");
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldError(path(format), "must be a " + describe(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            return new FieldError(field.isEmpty() ? "body" : field,
                    mismatch.getTargetType() == null ? "has the wrong type"
                            : "must be a " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof StreamConstraintsException) {
            // Jackson's message names only the limit and the count, never content
            return new FieldError("body", "exceeds a JSON limit (nesting depth, string, number or name length,"
                    + " document length): " + limitPhrase(cause.getMessage()));
        }
        if (cause instanceof StreamReadException) {
            return new FieldError("body", "is not valid JSON");
        }
        if (cause instanceof JacksonException jackson && !path(jackson).isEmpty()) {
            return new FieldError(path(jackson), "could not be read");
        }
        return new FieldError("body", "is missing or not valid JSON");
    }

    /** The start of Jackson's message, e.g. "Document nesting depth (33) exceeds the maximum allowed (32)". */
    private static String limitPhrase(String message) {
        if (message == null) {
            return "limit exceeded";
        }
        int end = message.indexOf(", from");
        return Redaction.printable(end > 0 ? message.substring(0, end) + ")" : message, 200);
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date in ISO 8601 form";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return type == String.class ? "string" : "JSON object";
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
