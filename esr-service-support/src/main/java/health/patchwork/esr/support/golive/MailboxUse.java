package health.patchwork.esr.support.golive;

/**
 * Which remote folders a service uses, and so which rights go-live checks: reading the outbound folder (ESR to us)
 * and writing the inbound folder (us to ESR). Each service declares its own as a bean; without one both are
 * checked.
 */
public record MailboxUse(boolean readsOutbound, boolean writesInbound) {

    public static MailboxUse inboundOnly() {
        return new MailboxUse(false, true);
    }

    /** The outbound service: reads GO files, and writes full-refresh (GDR) requests into the inbound folder. */
    public static MailboxUse outboundAndInbound() {
        return new MailboxUse(true, true);
    }
}
