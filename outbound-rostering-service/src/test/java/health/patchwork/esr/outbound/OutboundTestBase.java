package health.patchwork.esr.outbound;

import health.patchwork.esr.outbound.config.OutboundSettings;
import health.patchwork.esr.outbound.mailbox.MailboxPickup;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared set-up of the service tests: one context, a clean database and mailbox before each test. */
@OutboundServiceTest
public abstract class OutboundTestBase {

    protected static final String GOF_41 = "GO_123_RST_GOF_20261101_00000041.DAT";
    protected static final String GOC_42 = "GO_123_RST_GOC_20261102_00000042.DAT";

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EmbeddedSftpServer sftp;
    @Autowired
    protected MailboxPickup pickup;
    @Autowired
    protected OutboundSettings settings;
    @LocalServerPort
    protected int port;

    protected TestMailbox mailbox;

    @BeforeEach
    void cleanSlate() {
        mailbox = new TestMailbox(sftp, pickup, jdbc, settings);
        mailbox.reset();
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    protected String ledgerOutcome(String fileName) {
        return jdbc.queryForObject("select state || '/' || coalesce(outcome, '') from file_ledger where file_name = ?"
                + " order by id desc limit 1", String.class, fileName);
    }
}
