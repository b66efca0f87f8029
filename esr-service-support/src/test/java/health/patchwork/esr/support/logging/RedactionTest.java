package health.patchwork.esr.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import health.patchwork.esr.support.export.ExportException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RedactionTest {

    private static final String ROW = "ERROR: new row for relation \"export_row\" violates check constraint"
            + " \"no_flu\"\n  Detail: Failing row contains (1, 1, AB-1, 1, ADD, PWH-AB-1, 20000001, SICK,"
            + " S13 Cold, Cough, Flu - Influenza, QQ123456C).";

    @Test
    void aDatabaseErrorKeepsItsClassesAndSqlStateButNotTheRow() {
        SQLException sql = new SQLException(ROW, "23514");
        DataIntegrityViolationException spring = new DataIntegrityViolationException("insert failed; " + ROW, sql);

        String line = Redaction.describe(spring);

        assertThat(line).isEqualTo("DataIntegrityViolationException <- SQLException SQLSTATE 23514");
        assertThat(Redaction.message(spring)).isEqualTo(line);
    }

    @Test
    void ourOwnMessagesPassButMadePrintable() {
        ExportException ours = new ExportException("TA_123 is on the mailbox\r\nbut not in the ledger",
                new SQLException(ROW, "23505"));

        assertThat(Redaction.describe(ours)).isEqualTo("ExportException: TA_123 is on the mailbox\\r\\nbut not in"
                + " the ledger <- SQLException SQLSTATE 23505");
        assertThat(Redaction.message(ours)).isEqualTo("TA_123 is on the mailbox\\r\\nbut not in the ledger");
    }

    @Test
    void theStackOnlyCopyHasNoMessageOfAnyLevel() {
        Throwable copy = Redaction.withStackOnly(new DataIntegrityViolationException(ROW,
                new SQLException(ROW, "23514")));

        for (Throwable t = copy; t != null; t = t.getCause()) {
            assertThat(t.getMessage()).doesNotContain("Failing row").doesNotContain("Flu");
            assertThat(t.getStackTrace()).isNotEmpty();
        }
    }

    @Test
    void remoteNamesAreEscapedAndCapped() {
        assertThat(Redaction.remoteName("a\r\nb\tc\u0007d\\e\u202Ef")).isEqualTo("a\\r\\nb\\tc\\u0007d\\\\e\\u202ef");
        assertThat(Redaction.remoteName("GO_123_RST_GOF_20261101_00000041.DAT"))
                .isEqualTo("GO_123_RST_GOF_20261101_00000041.DAT");
        assertThat(Redaction.remoteName("n".repeat(500))).isEqualTo("n".repeat(120) + "\u2026");
        // an escape is never cut in half at the cap
        assertThat(Redaction.remoteName("n".repeat(119) + "\n")).isEqualTo("n".repeat(119) + "\u2026");
    }
}
