package health.patchwork.esr.support.web;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * A request body passed {@code esr.web.max-request-size} while it was being read. An {@link IOException}, so that
 * whatever reads the stream (Jackson, a message converter) stops at once and passes it up as a read failure, which
 * {@link ProblemDetailsAdvice} answers with 413.
 */
public class RequestBodyTooLargeException extends IOException {

    private final DataSize limit;

    public RequestBodyTooLargeException(DataSize limit) {
        super("request body larger than " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** The one this failure was caused by, if any: readers wrap what the stream throws. */
    static RequestBodyTooLargeException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
