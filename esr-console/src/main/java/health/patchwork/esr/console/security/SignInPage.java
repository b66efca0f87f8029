package health.patchwork.esr.console.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * What the sign-in page offers: the local account's form, or a button to the Trust's identity provider.
 *
 * @param registrationId the OIDC registration to sign in with; null for the local account
 * @param providerName how the page names the identity provider
 */
public record SignInPage(boolean local, @Nullable String registrationId, @Nullable String providerName) {

    static SignInPage localAccount() {
        return new SignInPage(true, null, null);
    }

    static SignInPage identityProvider(ClientRegistration registration) {
        return new SignInPage(false, registration.getRegistrationId(), registration.getClientName());
    }

    /** Where the identity provider's button goes. */
    public String authorizationPath() {
        return "/oauth2/authorization/" + registrationId;
    }
}
