package health.patchwork.esr.support.audit;

/** How an operator reached an operation: the service's REST API or its actuator endpoint. */
public enum AuditChannel {
    REST,
    ACTUATOR
}
