package health.patchwork.esr.console.services;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * A token from the Trust's identity provider for the console itself (client credentials). The manager keeps it
 * until shortly before it expires and then asks for a new one.
 */
final class ClientCredentialsToken implements ServiceToken {

    /** The console's own principal name for its tokens; never an operator's. */
    static final String PRINCIPAL = "esr-console";

    private final OAuth2AuthorizedClientManager clients;
    private final String registrationId;

    ClientCredentialsToken(OAuth2AuthorizedClientManager clients, String registrationId) {
        this.clients = clients;
        this.registrationId = registrationId;
    }

    @Override
    public String bearer() {
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                    .principal(PRINCIPAL).build());
        } catch (RuntimeException e) {
            throw new Unavailable("the identity provider gave the console no token for registration "
                    + registrationId + " (" + e.getClass().getSimpleName() + ")");
        }
        if (client == null) {
            throw new Unavailable("the identity provider gave the console no token for registration "
                    + registrationId);
        }
        return client.getAccessToken().getTokenValue();
    }
}
