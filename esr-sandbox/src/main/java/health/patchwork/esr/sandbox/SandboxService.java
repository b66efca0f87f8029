package health.patchwork.esr.sandbox;

/** The three services of the suite, as the sandbox runs them. */
public enum SandboxService {
    OUTBOUND("outbound-rostering-service"),
    ATTENDANCE("attendance-inbound-service"),
    ABSENCE("absence-inbound-service");

    private final String module;

    SandboxService(String module) {
        this.module = module;
    }

    public String module() {
        return module;
    }
}
