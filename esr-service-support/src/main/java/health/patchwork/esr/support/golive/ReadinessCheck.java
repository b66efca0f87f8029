package health.patchwork.esr.support.golive;

import java.util.Objects;

/**
 * One line of the go-live answer. The detail is read by operators and pasted into an ESR service request, so it
 * names settings, hosts, folders and fingerprints, never a secret or a person.
 */
public record ReadinessCheck(String name, CheckResult result, String detail) {

    public ReadinessCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    public static ReadinessCheck pass(String name, String detail) {
        return new ReadinessCheck(name, CheckResult.PASS, detail);
    }

    public static ReadinessCheck warn(String name, String detail) {
        return new ReadinessCheck(name, CheckResult.WARN, detail);
    }

    public static ReadinessCheck fail(String name, String detail) {
        return new ReadinessCheck(name, CheckResult.FAIL, detail);
    }
}
