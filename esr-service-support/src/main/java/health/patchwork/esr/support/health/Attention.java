package health.patchwork.esr.support.health;

import org.springframework.boot.health.contributor.Status;

/**
 * The suite's one warning status: something needs an operator (files held, an export overdue, a file late), but the
 * service is not down and a restart would not help. esr-service-defaults.properties ranks it between DOWN and UP
 * and maps it to HTTP 200, so orchestrators never restart a service for it.
 */
public final class Attention {

    public static final String CODE = "ATTENTION";

    private Attention() {
    }

    /** The status, with the reason an operator reads in the health details. */
    public static Status because(String reason) {
        return new Status(CODE, reason);
    }
}
