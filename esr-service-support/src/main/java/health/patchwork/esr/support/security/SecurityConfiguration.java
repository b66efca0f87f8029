package health.patchwork.esr.support.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service: health (and the API docs) open to all; {@code /api} for the platform role (and operators); the
 * service's operator endpoints and the rest of actuator for the operator role only, except the Prometheus scrape,
 * which the metrics role may also read; everything else refused. Stateless bearer tokens, so no sessions and no
 * CSRF tokens. Tokens are checked by {@link TokenDecoders}, in place of Boot's own decoder.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecuritySettings.class, OAuth2ResourceServerProperties.class})
public class SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OperatorEndpoints operatorEndpoints() {
        return OperatorEndpoints.none();
    }

    /** Boot's resource-server auto-configuration backs off when this bean exists. */
    @Bean
    JwtDecoder esrJwtDecoder(OAuth2ResourceServerProperties properties, SecuritySettings settings) {
        return TokenDecoders.build(properties.getJwt(), settings);
    }

    @Bean
    SecurityFilterChain esrSecurityFilterChain(HttpSecurity http, SecuritySettings settings,
            OperatorEndpoints operatorEndpoints, JwtDecoder decoder) throws Exception {
        String platform = settings.platformRole();
        String operator = settings.operatorRole();
        String metrics = settings.metricsRole();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
            requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
            requests.requestMatchers("/error").permitAll();
            operatorEndpoints.endpoints().forEach(endpoint ->
                    requests.requestMatchers(endpoint.method(), endpoint.pattern()).hasRole(operator));
            requests.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(metrics, operator);
            requests.requestMatchers("/actuator/**").hasRole(operator);
            requests.requestMatchers("/api/**").hasAnyRole(platform, operator);
            requests.anyRequest().denyAll();
        });
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.decoder(decoder)
                        .jwtAuthenticationConverter(new RolesClaimConverter(settings.rolesClaim())))
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
