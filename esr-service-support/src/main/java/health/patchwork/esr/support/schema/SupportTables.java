package health.patchwork.esr.support.schema;

import java.util.Locale;

/**
 * The tables a feature of esr-service-support keeps in the schema of each service that uses it. Each set has its
 * own Flyway location in this module and its own history table in the service's schema, so a service never copies
 * their DDL and the sets migrate independently of the service's own versions.
 */
public enum SupportTables {

    /** {@code operator_audit}: who asked for which operation (support.audit). */
    AUDIT,
    /** {@code INT_LOCK}: the leader lease among a service's instances (support.leader). */
    LEADER,
    /** {@code export_file} and {@code export_file_event}: the inbound files sent to the mailbox (support.export). */
    EXPORT,
    /** {@code notification_event} and {@code notification_delivery}: the webhook outbox (support.notification). */
    NOTIFICATION;

    /** Where this set's migrations are, inside esr-service-support. */
    public String location() {
        return "classpath:db/support/" + lowerCase();
    }

    /** Its Flyway history table, in the service's schema next to the service's own history. */
    public String historyTable() {
        return "flyway_support_" + lowerCase() + "_history";
    }

    private String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
