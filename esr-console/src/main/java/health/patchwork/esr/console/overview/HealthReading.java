package health.patchwork.esr.console.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import health.patchwork.esr.console.overview.InterfaceView.ComponentView;
import health.patchwork.esr.console.overview.InterfaceView.Detail;

/**
 * A service's {@code /actuator/health} as the overview shows it: each component (nested ones as
 * {@code parent / child}) with its status, the reason the service gives, and its details as text.
 */
final class HealthReading {

    /** Worst first, as the services rank them. */
    private static final List<String> ORDER = List.of("DOWN", "OUT_OF_SERVICE", "ATTENTION", "UNKNOWN", "UP");
    /** Details that say why a component is not UP, in the order they are looked for. */
    private static final List<String> REASONS = List.of("error", "reason", "late", "stuck", "lastPollFailed");

    private HealthReading() {
    }

    static String status(JsonNode health) {
        return health.path("status").asString("UNKNOWN");
    }

    static List<ComponentView> components(JsonNode health) {
        List<ComponentView> components = new ArrayList<>();
        collect("", health.path("components"), components);
        components.sort(Comparator.comparingInt(c -> rank(c.status())));
        return components;
    }

    private static void collect(String prefix, JsonNode parts, List<ComponentView> into) {
        for (Map.Entry<String, JsonNode> part : parts.properties()) {
            String name = prefix + part.getKey();
            JsonNode component = part.getValue();
            if (component.has("components")) {
                collect(name + " / ", component.path("components"), into);
                continue;
            }
            String status = status(component);
            into.add(new ComponentView(name, Words.component(part.getKey()), status, Words.status(status),
                    "UP".equals(status) ? "" : reason(component), details(component.path("details"))));
        }
    }

    /** The status's own description (the services' ATTENTION carries one), else the first telling detail. */
    static String reason(JsonNode component) {
        String description = component.path("description").asString("");
        if (!description.isBlank()) {
            return description;
        }
        JsonNode details = component.path("details");
        for (String key : REASONS) {
            if (details.hasNonNull(key)) {
                return details.get(key).isValueNode() ? details.get(key).asString() : details.get(key).toString();
            }
        }
        return "";
    }

    private static List<Detail> details(JsonNode details) {
        List<Detail> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> detail : details.properties()) {
            JsonNode value = detail.getValue();
            out.add(new Detail(detail.getKey(), value.isValueNode() ? value.asString() : value.toString()));
        }
        return out;
    }

    static String leadership(JsonNode health) {
        JsonNode leadership = health.path("components").path("leadership").path("details");
        if (leadership.isMissingNode()) {
            return "Not reported by this service.";
        }
        boolean leader = leadership.path("leader").asBoolean(false);
        String since = Words.when(leadership.path("since").asString(""));
        String instance = leadership.path("instance").asString("");
        String which = instance.isEmpty() ? "" : " (" + instance + ")";
        if (leader) {
            return "The instance that answered" + which + " does the scheduled work, since " + since + ".";
        }
        if (!leadership.path("candidate").asBoolean(true)) {
            return "The instance that answered" + which + " never does the scheduled work; another instance does.";
        }
        return "The instance that answered" + which + " is on standby since " + since
                + "; another instance does the scheduled work.";
    }

    private static int rank(String status) {
        int index = ORDER.indexOf(status);
        return index < 0 ? ORDER.size() : index;
    }
}
