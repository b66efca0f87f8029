package health.patchwork.esr.console.services;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The services this deployment has; one absent from the settings is not deployed. */
public final class Services {

    private final Map<EsrService, ServiceClient> clients;

    Services(Map<EsrService, ServiceClient> clients) {
        this.clients = new EnumMap<>(EsrService.class);
        this.clients.putAll(clients);
    }

    public Optional<ServiceClient> client(EsrService service) {
        return Optional.ofNullable(clients.get(service));
    }
}
