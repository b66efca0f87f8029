package health.patchwork.esr.console.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

import health.patchwork.esr.console.settings.InvalidSettingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The clients for the services the settings name, all presenting the one token source the settings choose. */
@Configuration(proxyBeanMethods = false)
class ServicesConfiguration {

    private static final String PREFIX = "esr.console.services.";

    @Bean
    Services services(ServicesSettings settings, ObjectProvider<ClientRegistrationRepository> registrations,
                      ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
        if (!settings.anyService()) {
            return new Services(Map.of());
        }
        ServiceToken token = token(settings.credentials(), registrations.getIfAvailable(),
                authorizedClients.getIfAvailable());
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JsonMapper json = JsonMapper.builder().build();
        Map<EsrService, ServiceClient> clients = new EnumMap<>(EsrService.class);
        add(clients, EsrService.OUTBOUND, settings.outbound(), http, settings, token, json);
        add(clients, EsrService.ATTENDANCE, settings.attendance(), http, settings, token, json);
        add(clients, EsrService.ABSENCE, settings.absence(), http, settings, token, json);
        return new Services(clients);
    }

    private static void add(Map<EsrService, ServiceClient> clients, EsrService service, @Nullable String base,
                            HttpClient http, ServicesSettings settings, ServiceToken token, JsonMapper json) {
        if (base != null && !base.isBlank()) {
            clients.put(service, new ServiceClient(service, URI.create(base), http, settings.readTimeout(), token,
                    json));
        }
    }

    static ServiceToken token(ServicesSettings.Credentials credentials,
                              @Nullable ClientRegistrationRepository registrations,
                              @Nullable OAuth2AuthorizedClientService authorizedClients) {
        return switch (credentials.mode()) {
            case TOKEN_FILE -> {
                if (credentials.tokenFile() == null || credentials.tokenFile().isBlank()) {
                    throw new InvalidSettingException(PREFIX + "credentials.token-file",
                            "required when esr.console.services.credentials.mode is token-file");
                }
                yield new TokenFile(Path.of(credentials.tokenFile()));
            }
            case CLIENT_CREDENTIALS -> clientCredentials(credentials.registrationId(), registrations,
                    authorizedClients);
        };
    }

    private static ServiceToken clientCredentials(String id, @Nullable ClientRegistrationRepository registrations,
                                                  @Nullable OAuth2AuthorizedClientService authorizedClients) {
        ClientRegistration registration = registrations == null ? null : registrations.findByRegistrationId(id);
        if (registration == null) {
            throw new InvalidSettingException("spring.security.oauth2.client.registration." + id,
                    "required for esr.console.services.credentials.mode client-credentials: the console's own"
                            + " client at the Trust's identity provider, whose tokens carry the operator role");
        }
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(registration.getAuthorizationGrantType())) {
            throw new InvalidSettingException("spring.security.oauth2.client.registration." + id
                    + ".authorization-grant-type", "must be client_credentials for the console's service calls");
        }
        OAuth2AuthorizedClientService store = authorizedClients != null ? authorizedClients
                : new InMemoryOAuth2AuthorizedClientService(registrations);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, store);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials()
                .build());
        return new ClientCredentialsToken(manager, id);
    }
}
