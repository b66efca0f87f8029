package health.patchwork.esr.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in through a Trust's identity provider (OIDC): anonymous people are sent to the sign-in page, whose button
 * starts the provider's authorization-code flow; a person whose roles claim has the operator role sees the overview
 * and one without it is refused with a page that says why. No identity provider runs here: the signed-in person is
 * spring-security-test's {@code oidcLogin()}, through the console's real filter chain. The services are not
 * configured, so each interface shows as not deployed.
 */
@SpringBootTest(properties = {
        "esr.console.sign-in.mode=oidc",
        "spring.security.oauth2.client.registration.trust.client-name=Example Trust sign-in",
        "spring.security.oauth2.client.registration.trust.client-id=esr-console",
        "spring.security.oauth2.client.registration.trust.client-secret=not-a-secret",
        "spring.security.oauth2.client.registration.trust.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.trust.scope=openid",
        "spring.security.oauth2.client.registration.trust.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.registration.trust.provider=trust",
        "spring.security.oauth2.client.provider.trust.authorization-uri=https://login.example-trust.invalid/authorize",
        "spring.security.oauth2.client.provider.trust.token-uri=https://login.example-trust.invalid/token",
        "spring.security.oauth2.client.provider.trust.jwk-set-uri=https://login.example-trust.invalid/jwks",
        "spring.security.oauth2.client.provider.trust.user-name-attribute=sub"})
class OidcSignInTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void anonymousIsSentToTheIdentityProvidersButton() throws Exception {
        MvcResult overview = mvc.perform(get("/")).andReturn();
        assertThat(overview.getResponse().getStatus()).isEqualTo(302);
        assertThat(overview.getResponse().getRedirectedUrl()).endsWith("/login");
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/oauth2/authorization/trust\"", "Sign in with Example Trust sign-in")
                .doesNotContain("name=\"password\"");
        MvcResult start = mvc.perform(get("/oauth2/authorization/trust")).andReturn();
        assertThat(start.getResponse().getRedirectedUrl())
                .startsWith("https://login.example-trust.invalid/authorize?response_type=code&client_id=esr-console")
                .contains("scope=openid", "state=", "nonce=");
    }

    @Test
    void anOperatorSeesTheOverview() throws Exception {
        MvcResult overview = mvc.perform(get("/").with(oidcLogin()
                .idToken(token -> token.claim("preferred_username", "duty.ops"))
                .authorities(new SimpleGrantedAuthority("ROLE_esr:operator")))).andReturn();
        assertThat(overview.getResponse().getStatus()).isEqualTo(200);
        assertThat(overview.getResponse().getContentAsString())
                .contains("Signed in as <strong>duty.ops</strong>", "Staff records from ESR",
                        "Not part of this deployment", "A bank-only Trust has no absence interface.");
    }

    @Test
    void someoneWithoutTheOperatorRoleIsRefused() throws Exception {
        var wardClerk = oidcLogin().idToken(token -> token.claim("preferred_username", "ward.clerk"))
                .authorities(new SimpleGrantedAuthority("ROLE_operator"), new SimpleGrantedAuthority("ROLE_esr:platform"));
        MvcResult overview = mvc.perform(get("/").with(wardClerk)).andReturn();
        assertThat(overview.getResponse().getStatus()).isEqualTo(403);
        assertThat(overview.getResponse().getForwardedUrl()).isEqualTo("/denied");
        assertThat(overview.getResponse().getContentAsString()).doesNotContain("Staff records from ESR");
        // MockMvc does not follow the forward: the page it forwards to, as the same person
        MvcResult denied = mvc.perform(get("/denied").with(wardClerk)).andReturn();
        assertThat(denied.getResponse().getContentAsString())
                .contains("You are signed in as <strong>ward.clerk</strong>", "esr:operator")
                .doesNotContain("Staff records from ESR");
    }
}
