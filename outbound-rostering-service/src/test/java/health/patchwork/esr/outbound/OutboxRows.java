package health.patchwork.esr.outbound;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook outbox as the tests read it: the events queued in this service's schema, oldest first. */
public final class OutboxRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public OutboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One queued event: its type, entity, once-key, body as sent, and its delivery rows' states. */
    public record Event(long id, String type, String entity, String onceKey, JsonNode body, List<String> deliveries) {

        public JsonNode data() {
            return body.get("data");
        }
    }

    public void clear() {
        jdbc.execute("truncate notification_event, notification_delivery restart identity cascade");
    }

    public List<Event> all() {
        return jdbc.query("select id, type, entity, once_key, body from notification_event order by id",
                (rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        JSON.readTree(rs.getString(5)), jdbc.queryForList("select endpoint || ' ' || state"
                                + " from notification_delivery where event_id = ? order by id", String.class,
                                rs.getLong(1))));
    }

    public List<Event> ofType(String type) {
        return all().stream().filter(event -> event.type().equals(type)).toList();
    }

    /** The raw bodies of every queued event, to check that no personal data went in. */
    public String bodies() {
        return String.join("\n", jdbc.queryForList("select body from notification_event order by id", String.class));
    }
}
