package health.patchwork.esr.support.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One event to tell the platform of, as a service publishes it.
 *
 * @param type    what happened
 * @param entity  what it is about ({@code worker:1234}, {@code file:GO_...}): one entity's events arrive in order
 * @param data    the body's {@code data}: ids, states, dates; never a name, a date of birth or an NI number
 * @param onceKey when set, a second event of the type with the same key is dropped (told once only)
 */
public record Notification(EventType type, String entity, Map<String, Object> data, @Nullable String onceKey) {

    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entity, "entity");
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Notification of(EventType type, String entity, Map<String, Object> data) {
        return new Notification(type, entity, data, null);
    }

    /** This event, told once only for the key: publishing it again (a re-run of a daily check) does nothing. */
    public Notification once(String key) {
        return new Notification(type, entity, data, key);
    }
}
