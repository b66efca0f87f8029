package health.patchwork.esr.support.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What the suite's logs carry besides the message: the request ({@link RequestIdFilter}), and the file and period an
 * export or import is about (MDC keys {@code file}, {@code period}, set where the work happens). The plain console
 * shows messages only; {@code logging.structured.format.console=ecs} (or {@code logstash}, {@code gelf}) writes one
 * JSON object a line with every MDC key, for a Trust's log platform.
 */
@AutoConfiguration
public class LoggingConfiguration {

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // first of all, so that even a refused or oversized request is named in the log
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
