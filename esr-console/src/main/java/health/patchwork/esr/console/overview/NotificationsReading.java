package health.patchwork.esr.console.overview;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.console.overview.InterfaceView.EndpointLine;
import health.patchwork.esr.console.overview.InterfaceView.NotificationsView;
import health.patchwork.esr.console.services.Reading;

/**
 * A service's {@code /actuator/esrnotifications} overview (each webhook endpoint's pending, delivered and DEAD
 * counts). A service of a version without the outbox answers 404: shown as not available, not as a fault.
 */
final class NotificationsReading {

    private NotificationsReading() {
    }

    static NotificationsView of(Reading reading) {
        if (reading.outcome() == Reading.Outcome.NOT_FOUND) {
            return new NotificationsView(false, "This version of the service sends no webhook notifications.",
                    List.of());
        }
        if (!reading.answered() || reading.body() == null) {
            return new NotificationsView(false, "Could not be read: " + reading.reason() + ".", List.of());
        }
        List<EndpointLine> endpoints = new ArrayList<>();
        for (JsonNode endpoint : reading.body().path("endpoints")) {
            endpoints.add(new EndpointLine(endpoint.path("endpoint").asString(""), endpoint.path("pending").asLong(),
                    endpoint.path("dead").asLong(), Words.when(endpoint.path("oldestUndelivered").asString(""))));
        }
        return new NotificationsView(true, endpoints.isEmpty() ? "No webhook endpoint is configured." : "",
                endpoints);
    }
}
