package health.patchwork.esr.support.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/esraudit?limit=50}: the operator audit trail, newest first; read-only. */
@Endpoint(id = "esraudit")
public class AuditEndpoint {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    public AuditEndpoint(AuditTrail trail) {
        this.trail = trail;
    }

    @ReadOperation
    public List<AuditEntry> recent(@Nullable Integer limit) {
        int rows = limit == null ? DEFAULT_LIMIT : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new InvalidEndpointRequestException("limit must be between 1 and " + MAX_LIMIT,
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        return trail.recent(rows);
    }
}
