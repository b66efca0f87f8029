package health.patchwork.esr.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * One bearer scheme for the API docs of every service: each REST API takes the suite's bearer tokens (JWT, issuer and
 * audience checked), so Swagger UI's "Authorize" takes one and every "Try it out" sends it. The docs and the UI are
 * public; the operations they call are not.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiDocsConfiguration {

    /** The scheme's name in the docs' {@code components.securitySchemes}. */
    public static final String BEARER = "bearer";

    @Bean
    OpenApiCustomizer bearerSecurityScheme() {
        return openApi -> withBearerScheme(openApi);
    }

    static OpenAPI withBearerScheme(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("A token of the Trust's identity provider with"
                        + " the role esr:platform or esr:operator (repository README, \"Security\")"));
        return openApi.security(java.util.List.of(new SecurityRequirement().addList(BEARER)));
    }
}
