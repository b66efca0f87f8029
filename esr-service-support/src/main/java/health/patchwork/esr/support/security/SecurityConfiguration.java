package health.patchwork.esr.support.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import health.patchwork.esr.support.settings.MissingSettingException;

/**
 * Every service: health (and the API docs) open to all; {@code /api} for the platform role (and operators); the
 * service's operator endpoints and the rest of actuator for the operator role only; everything else refused.
 * Stateless bearer tokens, so no sessions and no CSRF tokens.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

    static final String TOKEN_ISSUER_PROPERTY = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Bean
    @ConditionalOnMissingBean
    OperatorEndpoints operatorEndpoints() {
        return OperatorEndpoints.none();
    }

    @Bean
    SecurityFilterChain esrSecurityFilterChain(HttpSecurity http, SecuritySettings settings,
            OperatorEndpoints operatorEndpoints, ObjectProvider<JwtDecoder> decoder) throws Exception {
        if (decoder.getIfAvailable() == null) {
            throw new MissingSettingException(TOKEN_ISSUER_PROPERTY,
                    "no token issuer is configured: set it, or .jwk-set-uri, or .public-key-location");
        }
        String platform = settings.platformRole();
        String operator = settings.operatorRole();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
            requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
            requests.requestMatchers("/error").permitAll();
            operatorEndpoints.endpoints().forEach(endpoint ->
                    requests.requestMatchers(endpoint.method(), endpoint.pattern()).hasRole(operator));
            requests.requestMatchers("/actuator/**").hasRole(operator);
            requests.requestMatchers("/api/**").hasAnyRole(platform, operator);
            requests.anyRequest().denyAll();
        });
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter(settings.rolesClaim())))
                .authenticationEntryPoint(ProblemResponses.unauthorized())
                .accessDeniedHandler(ProblemResponses.forbidden()));
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(ProblemResponses.unauthorized())
                .accessDeniedHandler(ProblemResponses.forbidden()));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
