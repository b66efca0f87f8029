package health.patchwork.esr.outbound.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import health.patchwork.esr.outbound.OutboundTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A file in the mailbox that is not ours may have any name, CR/LF included: written as it is, it would forge a log
 * line (and an operator's view of the ledger). It is logged and recorded escaped and capped.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForeignRemoteNameTest extends OutboundTestBase {

    private static final String FORGED = "notes.txt\r\n2026-11-02T09:00:00Z ERROR forged line\u0007";
    private static final String ESCAPED = "notes.txt\\r\\n2026-11-02T09:00:00Z ERROR forged line\\u0007";

    @Test
    void aNameWithCrLfIsEscapedInTheLogAndTheLedger(CapturedOutput output) {
        mailbox.deliver(FORGED, "x");

        mailbox.poll();

        assertThat(output.getAll()).contains("not ours: " + ESCAPED).doesNotContain("notes.txt\r")
                .doesNotContain("\nnotes.txt").doesNotContain("\n2026-11-02T09:00:00Z ERROR forged line");
        assertThat(jdbc.queryForList("select file_name from file_ledger where outcome = 'IGNORED_NOT_OURS'",
                String.class)).containsExactly(ESCAPED);
    }

    @Test
    void aVeryLongNameIsCapped(CapturedOutput output) {
        String longName = "x".repeat(200);
        mailbox.deliver(longName, "x");

        mailbox.poll();

        String capped = "x".repeat(120) + "\u2026";
        assertThat(jdbc.queryForList("select file_name from file_ledger where outcome = 'IGNORED_NOT_OURS'",
                String.class)).containsExactly(capped);
        assertThat(output.getAll()).contains("not ours: " + capped + System.lineSeparator())
                .doesNotContain(longName);
    }
}
