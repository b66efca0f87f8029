package health.patchwork.esr.console.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.StreamSupport;

import health.patchwork.esr.console.settings.InvalidSettingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Every page behind the operator role; the sign-in page, the stylesheet, htmx and the console's own health open to
 * all. Sessions with CSRF protection on every form (Spring Security's default, kept): a form posts its token, and a
 * post without it is refused. Signing in is the identity provider's (OIDC) or the one local account's.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String LOGIN = "/login";

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SignInSettings settings, SignInPage signInPage,
                                           ObjectProvider<ClientRegistrationRepository> registrations)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(LOGIN, DeniedController.EXPIRED, "/css/**", "/webjars/**", "/favicon.ico", "/error")
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(DeniedController.PATH).authenticated()
                .anyRequest().hasRole(settings.operatorRole()));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied()));
        http.logout(logout -> logout.logoutSuccessUrl(LOGIN + "?signedOut"));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
        switch (settings.mode()) {
            case LOCAL -> http.formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", false));
            case OIDC -> {
                requireRegistration(signInPage, registrations.getIfAvailable());
                http.oauth2Login(login -> login.loginPage(LOGIN)
                        .userInfoEndpoint(info -> info.userAuthoritiesMapper(
                                new RolesClaimMapper(settings.rolesClaim()))));
            }
        }
        return http.build();
    }

    /**
     * A form posted without its CSRF token (or with one from an expired session) gets a 403 page saying to go back
     * and try again, signed in or not; a person without the operator role gets the page saying which role is missing.
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl expired = new AccessDeniedHandlerImpl();
        expired.setErrorPage(DeniedController.EXPIRED);
        AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(DeniedController.PATH);
        LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(CsrfException.class, expired);
        return new DelegatingAccessDeniedHandler(handlers, denied);
    }

    @Bean
    SignInPage signInPage(SignInSettings settings, ObjectProvider<ClientRegistrationRepository> registrations) {
        if (settings.mode() == SignInSettings.Mode.LOCAL) {
            return SignInPage.localAccount();
        }
        return SignInPage.identityProvider(loginRegistration(settings, registrations.getIfAvailable()));
    }

    private static void requireRegistration(SignInPage page, ClientRegistrationRepository registrations) {
        if (registrations == null || page.registrationId() == null) {
            throw new InvalidSettingException("spring.security.oauth2.client.registration",
                    "a registration with grant type authorization_code is required for esr.console.sign-in.mode oidc");
        }
    }

    private static ClientRegistration loginRegistration(SignInSettings settings,
                                                        ClientRegistrationRepository registrations) {
        String property = "esr.console.sign-in.registration-id";
        if (registrations == null) {
            throw new InvalidSettingException("spring.security.oauth2.client.registration",
                    "the Trust's identity provider is required for esr.console.sign-in.mode oidc (or set the mode"
                            + " to local, for the sandbox)");
        }
        if (settings.registrationId() != null && !settings.registrationId().isBlank()) {
            ClientRegistration chosen = registrations.findByRegistrationId(settings.registrationId());
            if (chosen == null || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(
                    chosen.getAuthorizationGrantType())) {
                throw new InvalidSettingException(property,
                        "must name a spring.security.oauth2.client.registration with grant type authorization_code");
            }
            return chosen;
        }
        if (!(registrations instanceof Iterable<?> all)) {
            throw new InvalidSettingException(property, "required: name the registration to sign in with");
        }
        List<ClientRegistration> logins = StreamSupport.stream(all.spliterator(), false)
                .map(ClientRegistration.class::cast)
                .filter(r -> AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType()))
                .toList();
        if (logins.size() != 1) {
            throw new InvalidSettingException(property, logins.isEmpty()
                    ? "no spring.security.oauth2.client.registration has grant type authorization_code"
                    : "several registrations have grant type authorization_code: name the one to sign in with");
        }
        return logins.get(0);
    }

    /**
     * The one local account in local mode, and no account at all otherwise; as a bean, so that Boot's default
     * account with a generated password is never made.
     */
    @Bean
    InMemoryUserDetailsManager localAccount(SignInSettings settings) {
        if (settings.mode() != SignInSettings.Mode.LOCAL) {
            return new InMemoryUserDetailsManager();
        }
        SignInSettings.Local local = settings.local();
        if (local.password() == null || local.password().isBlank()) {
            throw new InvalidSettingException("esr.console.sign-in.local.password",
                    "required for esr.console.sign-in.mode local; give it in the environment or a secrets file");
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(local.username())
                .password(encoder.encode(local.password()))
                .authorities("ROLE_" + settings.operatorRole())
                .build());
    }
}
