package health.patchwork.esr.support.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import health.patchwork.esr.formats.calendar.PeriodType;
import health.patchwork.esr.formats.calendar.TaxPeriod;
import health.patchwork.esr.formats.name.InboundFileName;
import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.formats.name.PeriodRun;
import health.patchwork.esr.formats.write.AbsenceFileWriter;
import health.patchwork.esr.formats.write.AbsenceRow;
import health.patchwork.esr.formats.write.InboundWriterOptions;
import health.patchwork.esr.support.mailbox.MailboxClient;
import health.patchwork.esr.support.mailbox.MailboxConnector;
import health.patchwork.esr.support.mailbox.MailboxException;
import health.patchwork.esr.support.mailbox.MailboxRetry;
import health.patchwork.esr.support.mailbox.MailboxRetrySettings;
import health.patchwork.esr.support.mailbox.MailboxSettings;
import health.patchwork.esr.support.mailbox.SftpMailboxClient;
import health.patchwork.esr.support.notification.NotificationMetrics;
import health.patchwork.esr.support.notification.NotificationSettings;
import health.patchwork.esr.support.notification.Notifications;
import health.patchwork.esr.support.schema.SupportSchemas;
import health.patchwork.esr.support.schema.SupportTables;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;
import health.patchwork.esr.testsupport.sftp.EmbeddedSftpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exporter as another service would use it (here for AB files, as the absence service will): its own
 * {@code export_file} ledger and items table in its own schema, a real PostgreSQL and a real SFTP mailbox.
 */
class FileExporterTest {

    static final String SCHEMA = "support_export_test";
    static EmbeddedSftpServer server;
    static JdbcTemplate jdbc;
    static DriverManagerDataSource dataSource;

    @TempDir
    Path workDir;

    /** Items to send: an absence reference per row; file_id null while unsent. */
    static final class Absences implements ExportContent {
        @Override
        public int assign(long fileId, ExportTarget target) {
            return jdbc.update("""
                    update item i set file_id = ?, row_number = p.rn
                    from (select id, row_number() over (order by id) rn from item where file_id is null) p
                    where i.id = p.id""", fileId);
        }

        @Override
        public void write(long fileId, InboundFileName name, LocalDateTime createdAt, OutputStream out) {
            try (AbsenceFileWriter writer = AbsenceFileWriter.open(out, name, createdAt, InboundWriterOptions.defaults())) {
                jdbc.query("select reference, assignment_number from item where file_id = ? order by row_number",
                        rs -> {
                            writer.write(AbsenceRow.delete(createdAt.toLocalDate(), null, rs.getString(2),
                                    rs.getString(1)), rs.getString(1));
                        }, fileId);
            }
        }
    }

    @BeforeAll
    static void start() {
        server = EmbeddedSftpServer.start();
        SharedPostgres.Endpoint db = SharedPostgres.endpoint();
        SupportSchemas.recreate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()), SCHEMA,
                SupportTables.EXPORT, SupportTables.NOTIFICATION);
        dataSource = new DriverManagerDataSource(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA, db.username(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                create table item (id bigint generated always as identity primary key, reference text not null,
                    assignment_number text not null, file_id bigint references export_file (id), row_number integer)""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void clean() throws IOException {
        jdbc.execute("drop trigger if exists fail_mark on export_file");
        jdbc.execute("truncate item, export_file_event, export_file, notification_delivery, notification_event"
                + " restart identity");
        jdbc.update("insert into item (reference, assignment_number) values ('PWH-A000129', '20000001-2'),"
                + " ('PWH-A000130', '20000003')");
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    FileExporter exporter(ExportCheckpoints checkpoints) {
        return exporter(checkpoints, null);
    }

    FileExporter exporter(ExportCheckpoints checkpoints, Notifications notifications) {
        return FileExporter.builder(InboundFileType.AB)
                .notifications(notifications)
                .trust("123", "PWH")
                .content(new Absences())
                .database(new ExportLedger(jdbc), new ExportLock(dataSource, "test-AB"),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
                .mailbox(new SftpMailboxClient(MailboxConnector.pooled(new MailboxSettings(
                        server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                        server.knownHosts(), "/out", "/in", java.time.Duration.ofSeconds(10)))), "/in")
                .workDir(workDir)
                .clock(Clock.fixed(Instant.parse("2026-11-03T09:35:00Z"), ZoneOffset.UTC))
                .checkpoints(checkpoints)
                .meters(meters)
                .build();
    }

    static final ExportTarget NOVEMBER = new ExportTarget(InboundFileType.AB, PeriodType.MONTHLY, PeriodRun.NORMAL,
            new TaxPeriod(27, 8));

    @Test
    void exportsTheItemsIntoOneFileWithTheNextSequenceNumber() throws IOException {
        ExportedFile file = exporter(ExportCheckpoints.NONE).export(NOVEMBER).orElseThrow();

        assertThat(file.fileName()).isEqualTo("AB_123_PWH_MN2708_00000001.DAT");
        assertThat(file.state()).isEqualTo(ExportState.UPLOADED);
        assertThat(Files.readString(server.resolve("/in/" + file.fileName()))).isEqualTo(
                "HDR,AB_123_PWH_MN2708_00000001.DAT,20261103093500,PWH,123,M,N,08\r"
                        + "ABS,20261103,DEL,,20000001-2,,,,,,,,,,,,,,PWH-A000129,\r"
                        + "ABS,20261103,DEL,,20000003,,,,,,,,,,,,,,PWH-A000130,\r"
                        + "FTR,2,0");
        assertThat(exporter(ExportCheckpoints.NONE).export(NOVEMBER)).as("nothing left: no file").isEmpty();
        assertThat(new ExportLedger(jdbc).nextSequence(InboundFileType.AB, 1)).isEqualTo(2);
        assertThat(meters.get("esr.export.files").tags("file_type", "AB", "outcome", "uploaded").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("esr.export.rows").tag("file_type", "AB").counter().count()).isEqualTo(2);
        assertThat(meters.get("esr.export.duration").tag("file_type", "AB").timer().count()).isEqualTo(1);
        assertThat(new ExportLedger(jdbc).nextSequence(InboundFileType.TA, 1)).as("TA counts apart").isEqualTo(1);
    }

    @Test
    void aGenerationTheDatabaseRollsBackForALockCycleIsTriedAgainAndSendsOneFile() throws IOException {
        // the first attempt tags the items, then the database breaks a lock cycle with a racing change by rolling it
        // back (thrown here as Spring translates PostgreSQL's 40P01): sequence, ledger row and tags go with it
        Absences items = new Absences();
        int[] calls = {0};
        ExportContent deadlockedOnce = new ExportContent() {
            @Override
            public int assign(long fileId, ExportTarget target) {
                int rows = items.assign(fileId, target);
                if (++calls[0] == 1) {
                    throw new org.springframework.dao.CannotAcquireLockException("deadlock detected");
                }
                return rows;
            }

            @Override
            public void write(long fileId, InboundFileName name, LocalDateTime createdAt, OutputStream out) {
                items.write(fileId, name, createdAt, out);
            }
        };
        FileExporter exporter = FileExporter.builder(InboundFileType.AB).trust("123", "PWH").content(deadlockedOnce)
                .database(new ExportLedger(jdbc), new ExportLock(dataSource, "test-AB"),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
                .mailbox(new SftpMailboxClient(MailboxConnector.pooled(new MailboxSettings(
                        server.host(), server.port(), server.username(), server.clientPrivateKey(), null,
                        server.knownHosts(), "/out", "/in", java.time.Duration.ofSeconds(10)))), "/in")
                .workDir(workDir).clock(Clock.fixed(Instant.parse("2026-11-03T09:35:00Z"), ZoneOffset.UTC))
                .checkpoints(ExportCheckpoints.NONE).meters(meters).build();

        ExportedFile file = exporter.export(NOVEMBER).orElseThrow();

        assertThat(calls[0]).isEqualTo(2);
        assertThat(file.fileName()).as("the rolled-back attempt used no sequence number")
                .isEqualTo("AB_123_PWH_MN2708_00000001.DAT");
        assertThat(file.rowCount()).isEqualTo(2);
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(file.fileName());
        }
        assertThat(jdbc.queryForObject("select count(*) from export_file", Integer.class)).isEqualTo(1);
    }

    @Test
    void aDeliveryTheMailboxFailsIsTriedAgainAndTheFileGoesOnceInTheSameExport() throws IOException {
        // the real mailbox, with one outage outside our control: the first temporary write fails as a dropped
        // connection does
        MailboxClient real = new SftpMailboxClient(MailboxConnector.pooled(new MailboxSettings(server.host(),
                server.port(), server.username(), server.clientPrivateKey(), null, server.knownHosts(), "/out", "/in",
                java.time.Duration.ofSeconds(10))));
        int[] writes = {0};
        MailboxClient dropsOnce = (MailboxClient) java.lang.reflect.Proxy.newProxyInstance(
                MailboxClient.class.getClassLoader(), new Class<?>[] {MailboxClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeTemporary") && ++writes[0] == 1) {
                        throw new MailboxException("connection reset during the transfer", null);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        FileExporter exporter = FileExporter.builder(InboundFileType.AB).trust("123", "PWH").content(new Absences())
                .database(new ExportLedger(jdbc), new ExportLock(dataSource, "test-AB"),
                        new TransactionTemplate(new DataSourceTransactionManager(dataSource)))
                .mailbox(dropsOnce, "/in").workDir(workDir)
                .clock(Clock.fixed(Instant.parse("2026-11-03T09:35:00Z"), ZoneOffset.UTC))
                .retry(new MailboxRetry(new MailboxRetrySettings(2, java.time.Duration.ofMillis(50), 2,
                        java.time.Duration.ofMillis(100)), meters, Clock.systemUTC()))
                .meters(meters).build();

        ExportedFile file = exporter.export(NOVEMBER).orElseThrow();

        assertThat(file.state()).as("delivered by the retry, not left to recovery").isEqualTo(ExportState.UPLOADED);
        assertThat(writes[0]).isEqualTo(2);
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(file.fileName());
        }
        assertThat(meters.counter("esr.mailbox.retries", "operation", "AB delivery", "outcome", "recovered").count())
                .isEqualTo(1);
    }

    @Test
    void eachPayrollHasItsOwnNormalRunEvenWhenTwoShareAFrequency() {
        ExportTarget bankA = new ExportTarget(InboundFileType.AB, PeriodType.WEEKLY, PeriodRun.NORMAL,
                new TaxPeriod(27, 32), "123 Weekly Bank A");
        ExportTarget bankB = new ExportTarget(bankA.fileType(), bankA.periodType(), bankA.run(), bankA.period(),
                "123 Weekly Bank B");
        ExportLedger ledger = new ExportLedger(jdbc);

        ExportedFile file = exporter(ExportCheckpoints.NONE).export(bankA).orElseThrow();

        assertThat(file.fileName()).isEqualTo("AB_123_PWH_WN2732_00000001.DAT");
        assertThat(ledger.hasNormalRun(bankA)).isTrue();
        assertThat(ledger.hasNormalRun(bankB)).as("the other weekly payroll's run is its own").isFalse();
        assertThat(ledger.hasNormalRun(NOVEMBER)).as("the one payroll of a deployment without settings").isFalse();
        assertThat(ledger.summary(file.id()).orElseThrow().payroll()).isEqualTo("123 Weekly Bank A");
    }

    @Test
    void aCrashAfterUploadIsRecoveredWithoutASecondUpload() throws IOException {
        ExportCheckpoints crashAfterUpload = new ExportCheckpoints() {
            @Override
            public void afterUploaded(ExportedFile file) {
                throw new IllegalStateException("crash");
            }
        };
        assertThatThrownBy(() -> exporter(crashAfterUpload).export(NOVEMBER)).hasMessage("crash");

        List<ExportedFile> recovered = exporter(ExportCheckpoints.NONE).recover();

        assertThat(recovered).extracting(ExportedFile::state).containsExactly(ExportState.UPLOADED);
        assertThat(meters.get("esr.export.files").tags("file_type", "AB", "outcome", "failed").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("esr.export.files").tags("file_type", "AB", "outcome", "recovered").counter().count())
                .isEqualTo(1);
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("AB_123_PWH_MN2708_00000001.DAT");
        }
    }

    static final String FILE = "AB_123_PWH_MN2708_00000001.DAT";

    static ExportCheckpoints crashingAt(String point) {
        return new ExportCheckpoints() {
            @Override
            public void beforeRename(ExportedFile file) {
                crashIf("beforeRename");
            }

            @Override
            public void afterUploaded(ExportedFile file) {
                crashIf("afterUploaded");
            }

            private void crashIf(String here) {
                if (here.equals(point)) {
                    throw new IllegalStateException("crash " + here);
                }
            }
        };
    }

    @Test
    void aFileEsrCollectedBetweenTheRenameAndTheLedgerUpdateIsRecordedAsCollectedAndNeverSentAgain()
            throws IOException {
        assertThatThrownBy(() -> exporter(crashingAt("afterUploaded")).export(NOVEMBER))
                .hasMessage("crash afterUploaded");
        assertThat(inbox()).containsExactly(FILE);
        Files.delete(server.resolve("/in/" + FILE)); // ESR collects it before any recovery runs

        List<ExportedFile> recovered = exporter(ExportCheckpoints.NONE).recover();

        assertThat(inbox()).as("no second copy").isEmpty();
        assertThat(recovered).extracting(ExportedFile::state).containsExactly(ExportState.UPLOADED);
        assertThat(delivery()).isEqualTo("COLLECTED");
        assertThat(new ExportLedger(jdbc).events(1)).extracting(ExportFileEvent::state)
                .containsExactly("GENERATED", "RENAMING", "UPLOADED");
        assertThat(new ExportLedger(jdbc).events(1).get(2).detail()).startsWith("COLLECTED: neither " + FILE);
        assertThat(meters.get("esr.export.files").tags("file_type", "AB", "outcome", "collected").counter().count())
                .isEqualTo(1);
        assertThat(exporter(ExportCheckpoints.NONE).recover()).as("nothing left to finish").isEmpty();
        assertThat(inbox()).isEmpty();
        assertThat(new ExportLedger(jdbc).nextSequence(InboundFileType.AB, 1)).as("its number is used").isEqualTo(2);
    }

    @Test
    void aCrashAfterRenamingIsRecordedButBeforeTheRenameIsFinishedByRenamingThatAttemptsFile() throws IOException {
        assertThatThrownBy(() -> exporter(crashingAt("beforeRename")).export(NOVEMBER))
                .hasMessage("crash beforeRename");
        String part = jdbc.queryForObject("select upload_part from export_file where id = 1", String.class);
        assertThat(state()).isEqualTo("RENAMING");
        assertThat(part).matches(java.util.regex.Pattern.quote(FILE) + "\\.[0-9a-f]{16}\\.part");
        assertThat(inbox()).containsExactly(part);

        exporter(ExportCheckpoints.NONE).recover();

        assertThat(inbox()).containsExactly(FILE);
        assertThat(FileExporter.sha256(server.resolve("/in/" + FILE)))
                .isEqualTo(jdbc.queryForObject("select sha256 from export_file where id = 1", String.class));
        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(delivery()).isEqualTo("RENAMED");
        assertThat(new ExportLedger(jdbc).events(1).get(2).detail()).isEqualTo("RENAMED: renamed by recovery from "
                + part);
    }

    @Test
    void whenTheLedgerCannotBeMarkedAfterTheRenameTheFileStaysRenamingAndRecoveryFindsItOnTheMailbox()
            throws IOException {
        failUpdatesTo("UPLOADED");
        assertThatThrownBy(() -> exporter(ExportCheckpoints.NONE).export(NOVEMBER))
                .hasMessageContaining("database refuses");
        assertThat(state()).isEqualTo("RENAMING");
        assertThat(inbox()).containsExactly(FILE);
        var renamedAt = Files.getLastModifiedTime(server.resolve("/in/" + FILE));
        jdbc.execute("drop trigger fail_mark on export_file");

        exporter(ExportCheckpoints.NONE).recover();

        assertThat(inbox()).containsExactly(FILE);
        assertThat(Files.getLastModifiedTime(server.resolve("/in/" + FILE))).isEqualTo(renamedAt);
        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(delivery()).isEqualTo("FOUND");
    }

    @Test
    void whenRenamingCannotBeRecordedNothingIsRenamedAndTheKeptTemporaryFileGoesOnceTheFileIsUploaded()
            throws IOException {
        failUpdatesTo("RENAMING");
        assertThatThrownBy(() -> exporter(ExportCheckpoints.NONE).export(NOVEMBER))
                .hasMessageContaining("database refuses");
        assertThat(state()).isEqualTo("GENERATED");
        // the commit's outcome could have been unknown, so the temporary file stays until the file is uploaded
        assertThat(inbox()).hasSize(1).allMatch(name -> name.startsWith(FILE + ".") && name.endsWith(".part"));
        jdbc.execute("drop trigger fail_mark on export_file");

        exporter(ExportCheckpoints.NONE).recover();

        assertThat(inbox()).containsExactly(FILE);
        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(delivery()).isEqualTo("RENAMED");
    }

    @Test
    void anExporterThatLostTheLockBeforeTheRenameLeavesTheRenameToTheNextHolder() throws IOException {
        ExportCheckpoints sessionLost = new ExportCheckpoints() {
            @Override
            public void beforeRename(ExportedFile file) {
                // the database ends the lock's session (a restart, a network cut): the lock is free for others
                long key = 0x45535200_00000000L | ("test-AB".hashCode() & 0xffffffffL);
                jdbc.queryForList("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                        + " and granted and objsubid = 1 and classid = ?::oid and objid = ?::oid", key >>> 32,
                        key & 0xffffffffL);
            }
        };
        assertThatThrownBy(() -> exporter(sessionLost).export(NOVEMBER)).hasMessageContaining("export lock was lost");
        assertThat(state()).isEqualTo("RENAMING");
        assertThat(inbox()).hasSize(1).allMatch(name -> name.endsWith(".part"));

        exporter(ExportCheckpoints.NONE).recover();

        assertThat(inbox()).containsExactly(FILE);
        assertThat(state()).isEqualTo("UPLOADED");
    }

    @Test
    void aRenamingFileWhoseFinalNameHoldsOtherContentStopsTheExportAndIsNotOverwritten() throws IOException {
        assertThatThrownBy(() -> exporter(crashingAt("beforeRename")).export(NOVEMBER))
                .hasMessage("crash beforeRename");
        String part = jdbc.queryForObject("select upload_part from export_file where id = 1", String.class);
        byte[] ours = Files.readAllBytes(server.resolve("/in/" + part));
        byte[] theirs = ours.clone();
        theirs[theirs.length - 1] = '9';
        Files.write(server.resolve("/in/" + FILE), theirs);

        assertThatThrownBy(() -> exporter(ExportCheckpoints.NONE).recover()).isInstanceOf(ExportException.class)
                .hasMessageContaining("other content");

        assertThat(server.resolve("/in/" + FILE)).hasBinaryContent(theirs);
        assertThat(server.resolve("/in/" + part)).hasBinaryContent(ours);
        assertThat(state()).isEqualTo("RENAMING");
    }

    void failUpdatesTo(String state) {
        jdbc.execute("""
                create or replace function fail_mark() returns trigger language plpgsql as $$
                begin raise exception 'the database refuses this update'; end $$""");
        jdbc.execute("create trigger fail_mark before update on export_file for each row when (new.state = '"
                + state + "') execute function fail_mark()");
    }

    String state() {
        return jdbc.queryForObject("select state from export_file where id = 1", String.class);
    }

    String delivery() {
        return jdbc.queryForObject("select delivery from export_file where id = 1", String.class);
    }

    List<String> inbox() throws IOException {
        try (Stream<Path> files = Files.list(server.resolve("/in"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLostLocalCopyIsRegeneratedAndMustMatchTheRecordedHash() throws IOException {
        ExportCheckpoints crashAfterGenerate = new ExportCheckpoints() {
            @Override
            public void afterGenerated(ExportedFile file) {
                throw new IllegalStateException("crash");
            }
        };
        assertThatThrownBy(() -> exporter(crashAfterGenerate).export(NOVEMBER)).hasMessage("crash");
        Files.delete(workDir.resolve("outgoing/AB_123_PWH_MN2708_00000001.DAT"));
        // the data under the file changed since it was generated: regeneration differs, so nothing is sent
        jdbc.update("update item set assignment_number = '20000004' where reference = 'PWH-A000130'");

        assertThatThrownBy(() -> exporter(ExportCheckpoints.NONE).recover()).isInstanceOf(ExportException.class)
                .hasMessageContaining("differs from the recorded content");
        assertThat(server.resolve("/in/AB_123_PWH_MN2708_00000001.DAT")).doesNotExist();
    }

    @Test
    void readModelsFindFilesByIdAndByPeriod() {
        ExportedFile file = exporter(ExportCheckpoints.NONE).export(NOVEMBER).orElseThrow();
        ExportLedger ledger = new ExportLedger(jdbc);

        assertThat(ledger.byIds(List.of(file.id(), 999L))).as("an id with no file is left out")
                .containsOnlyKeys(file.id()).extractingByKey(file.id()).isEqualTo(file);
        assertThat(ledger.byIds(List.of())).isEmpty();
        assertThat(ledger.ofPeriod(new TaxPeriod(27, 8))).containsExactly(file);
        assertThat(ledger.ofPeriod(new TaxPeriod(27, 9))).isEmpty();
    }

    /** An outbox with one endpoint that wants every event (nothing dispatches here: the rows are what is asserted). */
    static Notifications outbox() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        NotificationSettings.Endpoint hook = new NotificationSettings.Endpoint(null,
                URI.create("http://127.0.0.1:9/hook"), "whsec_" + Base64.getEncoder().encodeToString(key),
                List.of("*"));
        return new Notifications(dataSource, new NotificationSettings(List.of(hook), Duration.ofSeconds(1), 15,
                Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofSeconds(10), Duration.ofMinutes(15),
                Duration.ofDays(30), 100, false), new NotificationMetrics(null), Clock.systemUTC());
    }

    List<String> sentEvents() {
        return jdbc.queryForList("select e.entity || ' ' || d.state from notification_event e"
                + " join notification_delivery d on d.event_id = e.id where e.type = 'inbound.file.sent' order by e.id",
                String.class);
    }

    @Test
    void inboundFileSentIsQueuedInTheTransactionThatMarksTheFileUploadedAndOnlyThen() throws IOException {
        Notifications notifications = outbox();
        // the mark and the event are both written, and the commit fails: neither may stay
        jdbc.execute("""
                create or replace function fail_mark() returns trigger language plpgsql as $$
                begin raise exception 'the database refuses this commit'; end $$""");
        jdbc.execute("create constraint trigger fail_mark after update on export_file deferrable initially deferred"
                + " for each row when (new.state = 'UPLOADED') execute function fail_mark()");
        assertThatThrownBy(() -> exporter(ExportCheckpoints.NONE, notifications).export(NOVEMBER))
                .hasStackTraceContaining("database refuses this commit");
        assertThat(state()).isEqualTo("RENAMING");
        assertThat(inbox()).as("on the mailbox, but not marked").containsExactly(FILE);
        assertThat(sentEvents()).as("the mark rolled back: nothing told").isEmpty();
        jdbc.execute("drop trigger fail_mark on export_file");

        // start-up recovery marks it
        exporter(ExportCheckpoints.NONE, notifications).recover();

        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(sentEvents()).containsExactly("file:" + FILE + " PENDING");
        JsonNode body = JsonMapper.builder().build().readTree(jdbc.queryForObject(
                "select body from notification_event where type = 'inbound.file.sent'", String.class));
        assertThat(body.get("type").asString()).isEqualTo("inbound.file.sent");
        JsonNode data = body.get("data");
        assertThat(data.get("fileType").asString()).isEqualTo("AB");
        assertThat(data.get("fileName").asString()).isEqualTo(FILE);
        assertThat(data.get("sequence").asLong()).isEqualTo(1);
        assertThat(data.get("period").asString()).isEqualTo("2708");
        assertThat(data.get("rowCount").asInt()).isEqualTo(2);
        assertThat(data.get("delivery").asString()).isEqualTo("FOUND");
        assertThat(data.get("payroll").isNull()).as("the deployment's one payroll").isTrue();
        assertThat(data.toString()).as("names the file, never its content").doesNotContain("PWH-A000129");
        assertThat(exporter(ExportCheckpoints.NONE, notifications).recover()).isEmpty();

        // the normal path: a second file, marked as it is renamed
        jdbc.update("insert into item (reference, assignment_number) values ('PWH-A000131', '20000004')");
        ExportedFile second = exporter(ExportCheckpoints.NONE, notifications).export(NOVEMBER.supplementary())
                .orElseThrow();

        assertThat(sentEvents()).as("each file told once, when marked")
                .containsExactly("file:" + FILE + " PENDING", "file:" + second.fileName() + " PENDING");
        assertThat(exporter(ExportCheckpoints.NONE, notifications).export(NOVEMBER)).isEmpty();
        assertThat(sentEvents()).hasSize(2);
    }

    @Test
    void anExporterWithoutNotificationsTellsNothing() {
        exporter(ExportCheckpoints.NONE).export(NOVEMBER).orElseThrow();

        assertThat(state()).isEqualTo("UPLOADED");
        assertThat(jdbc.queryForObject("select count(*) from notification_event", Integer.class)).isZero();
    }
}
