package health.patchwork.esr.attendance.export;

import health.patchwork.esr.support.security.OperatorEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sending a TA file outside the schedule is an operator's decision; the platform only posts lines. */
@Configuration(proxyBeanMethods = false)
class OperatorOnlyEndpoints {

    @Bean
    OperatorEndpoints operatorEndpoints() {
        return OperatorEndpoints.post("/api/v1/exports", "/api/v1/exports/cut-off");
    }
}
