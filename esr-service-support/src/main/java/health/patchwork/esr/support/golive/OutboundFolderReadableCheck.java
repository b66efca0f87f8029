package health.patchwork.esr.support.golive;

import java.util.stream.StreamSupport;

import health.patchwork.esr.support.mailbox.MailboxSettings;

/** The folder where ESR drops GO files can be listed. */
class OutboundFolderReadableCheck implements GoLiveCheck {

    static final String NAME = "outbound folder readable";

    private final MailboxProbe probe;
    private final MailboxSettings settings;

    OutboundFolderReadableCheck(MailboxProbe probe, MailboxSettings settings) {
        this.probe = probe;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        String folder = settings.outboundDir();
        try {
            long files = probe.withClient("list " + folder, client -> StreamSupport
                    .stream(client.readDir(folder).spliterator(), false)
                    .filter(entry -> entry.getAttributes().isRegularFile())
                    .count());
            return ReadinessCheck.pass(NAME, "listed " + folder + ": " + files + " file(s) there now");
        } catch (MailboxProbe.ProbeFailure e) {
            return ReadinessCheck.fail(NAME, e.getMessage());
        }
    }
}
