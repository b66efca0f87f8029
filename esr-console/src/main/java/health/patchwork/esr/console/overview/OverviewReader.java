package health.patchwork.esr.console.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.console.overview.InterfaceView.FileGroup;
import health.patchwork.esr.console.overview.InterfaceView.FileLine;
import health.patchwork.esr.console.overview.InterfaceView.NotificationsView;
import health.patchwork.esr.console.services.EsrService;
import health.patchwork.esr.console.services.Reading;
import health.patchwork.esr.console.services.ServiceClient;
import health.patchwork.esr.console.services.Services;

import org.springframework.stereotype.Component;

/**
 * Reads what the overview shows from every configured service at once (health, recent files, the notification
 * outbox), each read bounded by its timeout, and turns the answers, or their absence, into one
 * {@link InterfaceView} per interface.
 */
@Component
class OverviewReader {

    static final String HEALTH = "/actuator/health";
    static final String FILES = "/actuator/esrfiles?limit=200";
    static final String NOTIFICATIONS = "/actuator/esrnotifications?limit=1";

    private final Services services;

    OverviewReader(Services services) {
        this.services = services;
    }

    List<InterfaceView> read() {
        List<Pending> pending = new ArrayList<>();
        for (EsrService service : EsrService.values()) {
            Optional<ServiceClient> client = services.client(service);
            pending.add(client.map(c -> new Pending(service, c.get(HEALTH), c.get(FILES), c.get(NOTIFICATIONS)))
                    .orElseGet(() -> new Pending(service, null, null, null)));
        }
        return pending.stream().map(Pending::view).toList();
    }

    private record Pending(EsrService service, @Nullable CompletableFuture<Reading> health,
                           @Nullable CompletableFuture<Reading> files,
                           @Nullable CompletableFuture<Reading> notifications) {

        InterfaceView view() {
            if (health == null) {
                return notDeployed(service);
            }
            return OverviewReader.view(service, health.join(), files.join(), notifications.join());
        }
    }

    static InterfaceView notDeployed(EsrService service) {
        return new InterfaceView(service, "NOT_DEPLOYED", "Not part of this deployment",
                service == EsrService.ABSENCE ? "A bank-only Trust has no absence interface." : "No address is set for "
                        + service.module() + ".", List.of(), "", null, null, List.of(), "",
                new NotificationsView(false, "", List.of()));
    }

    static InterfaceView view(EsrService service, Reading health, Reading files, Reading notifications) {
        if (health.outcome() == Reading.Outcome.UNREACHABLE) {
            return new InterfaceView(service, "UNREACHABLE", "Not reachable",
                    "The console could not reach " + service.module() + ": " + health.reason() + ".", List.of(),
                    "not known", null, null, List.of(), "", new NotificationsView(false, "", List.of()));
        }
        JsonNode body = health.answered() ? health.body() : null;
        String state = body == null ? "UNKNOWN" : HealthReading.status(body);
        String reason = body == null ? "Its health could not be read: " + health.reason() + "."
                : !body.has("components") ? "The service showed the console its overall status only: the console's"
                + " credentials do not carry the operator role, so its parts and files cannot be shown."
                : summary(body, state);
        FileLine fromEsr = null;
        FileLine toEsr = null;
        List<FileGroup> waiting = List.of();
        String filesReason = "";
        if (files.answered() && files.body() != null && files.body().isArray()) {
            JsonNode list = files.body();
            if (service == EsrService.OUTBOUND) {
                fromEsr = FileReading.lastOutbound(list, "FROM_ESR");
                toEsr = FileReading.lastOutbound(list, "TO_ESR");
                waiting = FileReading.outboundWaiting(list, body);
            } else {
                toEsr = FileReading.lastInbound(list);
                waiting = FileReading.inboundWaiting(list);
            }
        } else {
            filesReason = "The list of files could not be read: "
                    + (files.answered() ? "the answer was not a list" : files.reason()) + ".";
        }
        return new InterfaceView(service, state, Words.status(state), reason,
                body == null ? List.of() : HealthReading.components(body),
                body == null ? "not known" : HealthReading.leadership(body), fromEsr, toEsr, waiting, filesReason,
                NotificationsReading.of(notifications));
    }

    /** Why the service is not UP, in one sentence: the reasons of its components that are not UP. */
    private static String summary(JsonNode health, String state) {
        if ("UP".equals(state)) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        for (InterfaceView.ComponentView component : HealthReading.components(health)) {
            if (!"UP".equals(component.status())) {
                reasons.add(component.label() + ": " + (component.reason().isEmpty()
                        ? component.statusWords().toLowerCase(java.util.Locale.ROOT) : component.reason()));
            }
        }
        return String.join("; ", reasons);
    }
}
