package health.patchwork.esr.support.web;

import java.util.List;

/**
 * A request whose field is wrong in a way bean validation cannot see (it depends on the deployment's settings, such
 * as which payrolls exist): answered 400 with the problem detail naming the field, as a constraint violation is.
 */
public class InvalidFieldException extends RuntimeException {

    private final transient FieldError error;

    public InvalidFieldException(String field, String reason) {
        super(field + " " + reason);
        this.error = new FieldError(field, reason);
    }

    public List<FieldError> errors() {
        return List.of(error);
    }
}
