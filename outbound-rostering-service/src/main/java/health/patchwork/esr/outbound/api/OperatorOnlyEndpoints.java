package health.patchwork.esr.outbound.api;

import health.patchwork.esr.support.security.OperatorEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decisions about files ESR sent (approve, reject, reprocess, ask for a full refresh) are the operators' alone, and
 * so are dry runs: they apply a whole file (rolled back) and compete with imports for the apply lock.
 */
@Configuration(proxyBeanMethods = false)
class OperatorOnlyEndpoints {

    @Bean
    OperatorEndpoints operatorEndpoints() {
        return OperatorEndpoints.post("/api/v1/files/*/approve", "/api/v1/files/*/reject",
                "/api/v1/files/*/reprocess", "/api/v1/refresh-requests", "/api/v1/dry-runs");
    }
}
