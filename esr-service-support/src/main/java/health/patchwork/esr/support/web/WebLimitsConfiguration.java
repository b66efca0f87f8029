package health.patchwork.esr.support.web;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;

/**
 * Bounds on what a client can make a service read: the request size (a servlet filter, ahead of security so an
 * oversized body costs nothing) and Jackson's stream-read constraints on the mapper Boot builds.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(WebLimits.class)
public class WebLimitsConfiguration {

    /**
     * Boot's own builder, but over a {@link JsonFactory} with our constraints: Jackson 3 fixes the factory when the
     * builder is made, so a {@link JsonMapperBuilderCustomizer} cannot set them. Every customizer still applies,
     * in order, as Boot's would. Prototype, like Boot's.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @ConditionalOnMissingBean
    JsonMapper.Builder jsonMapperBuilder(WebLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(jsonFactory(limits.json()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    static JsonFactory jsonFactory(WebLimits.Json json) {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(json.maxNestingDepth())
                        .maxStringLength(json.maxStringLength())
                        .maxNumberLength(json.maxNumberLength())
                        .maxNameLength(json.maxNameLength())
                        .maxDocumentLength(json.maxDocumentLength().toBytes())
                        .build())
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class RequestSize {

        @Bean
        FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(WebLimits limits) {
            FilterRegistrationBean<RequestSizeFilter> registration =
                    new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestSize()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
