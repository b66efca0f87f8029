package health.patchwork.esr.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.mailbox.MailboxPickup;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.springframework.jdbc.core.JdbcTemplate;

/** Drives the service the way ESR and time would: files dropped in the mailbox, then polls. */
public final class TestMailbox {

    private final EmbeddedSftpServer server;
    private final MailboxPickup pickup;
    private final JdbcTemplate jdbc;
    private final OutboundSettings settings;

    public TestMailbox(EmbeddedSftpServer server, MailboxPickup pickup, JdbcTemplate jdbc, OutboundSettings settings) {
        this.server = server;
        this.pickup = pickup;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Empties the workforce, the ledger, the sequence state, the mailbox and the local work folder. */
    public void reset() {
        emptyDatabase(jdbc);
        clear(server.resolve("/out"));
        clear(server.resolve("/in"));
        clear(settings.workDir());
    }

    /** Empties the workforce, the ledger and the sequence state of the {@code workforce} schema. */
    public static void emptyDatabase(JdbcTemplate jdbc) {
        jdbc.execute("truncate file_ledger, file_ledger_event, entity_change, person_record, assignment_record,"
                + " position_record, organisation_record, location_record, costing_record, absence_record,"
                + " competency_record, competence_record, qualification_record, person_extra_info_record,"
                + " special_information_record restart identity cascade");
        jdbc.update("update sequence_state set last_seq = 0, last_run_date = null, baseline = false,"
                + " refresh_pending = false, refresh_requested_on = null");
    }

    public static byte[] sample(String name) {
        try (InputStream in = TestMailbox.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sampleText(String name) {
        return new String(sample(name), StandardCharsets.ISO_8859_1);
    }

    public void deliver(String name, byte[] content) {
        try {
            Files.write(server.resolve("/out/" + name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deliver(String name, String content) {
        deliver(name, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void deliverSample(String name) {
        deliver(name, sample(name));
    }

    /** Two listings (a file is taken once its size is stable), then everything downloaded is processed. */
    public void poll() {
        pickup.downloadReady();
        pickup.poll();
    }

    public List<String> uploaded() {
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uploadedContent(String name) {
        try {
            return Files.readString(server.resolve("/in/" + name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
