package health.patchwork.esr.support.golive;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.apache.sshd.sftp.client.SftpClient.OpenMode;

import health.patchwork.esr.support.mailbox.MailboxSettings;

/**
 * We may create and delete files in the folder ESR collects from. The probe is a dot-file ending {@code .part}: every
 * ESR file name starts with its interface code ({@code TA_}, {@code AB_}, {@code GO_}) and ends {@code .DAT}, so it can
 * never be taken for a delivery, and it is removed at once.
 */
class InboundFolderWritableCheck implements GoLiveCheck {

    static final String NAME = "inbound folder writable";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailboxProbe probe;
    private final MailboxSettings settings;

    InboundFolderWritableCheck(MailboxProbe probe, MailboxSettings settings) {
        this.probe = probe;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        String folder = settings.inboundDir();
        String probePath = (folder.endsWith("/") ? folder : folder + "/") + probeName();
        try {
            probe.withClient("write " + probePath, client -> {
                // Exclusive: never touch a file that is already there, whatever its name
                try (OutputStream out = client.write(probePath, OpenMode.Write, OpenMode.Create, OpenMode.Exclusive)) {
                    out.write("ESR integration go-live write probe\n".getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            });
        } catch (MailboxProbe.ProbeFailure e) {
            return ReadinessCheck.fail(NAME, e.getMessage());
        }
        try {
            probe.withClient("remove " + probePath, client -> {
                client.remove(probePath);
                return null;
            });
        } catch (MailboxProbe.ProbeFailure e) {
            return ReadinessCheck.fail(NAME, "wrote " + probePath + " but could not remove it (no delete right?); "
                    + "remove it by hand: " + e.getMessage());
        }
        return ReadinessCheck.pass(NAME, "wrote and removed " + probePath
                + " (a dot-file ending .part, which no ESR file name matches)");
    }

    private static String probeName() {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return ".esr-golive-probe-" + HexFormat.of().formatHex(random) + ".part";
    }
}
