package health.patchwork.esr.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import health.patchwork.esr.support.schema.SupportSchemas;
import health.patchwork.esr.support.schema.SupportTables;
import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The audit row and the operation it describes, against a real PostgreSQL with the services' table. */
class AuditedOperationsTest {

    private static final String SCHEMA = "audit_test";

    static DriverManagerDataSource dataSource;
    static JdbcTemplate jdbc;

    AuditedOperations operations;

    @BeforeAll
    static void database() {
        SharedPostgres.Endpoint db = SharedPostgres.endpoint();
        SupportSchemas.recreate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()), SCHEMA,
                SupportTables.AUDIT);
        dataSource = new DriverManagerDataSource(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=" + SCHEMA, db.username(), db.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table item (id bigint generated always as identity primary key, name text not null)");
    }

    @BeforeEach
    void setUp() {
        jdbc.execute("truncate operator_audit, item restart identity");
        operations = new AuditedOperations(new AuditTrail(JdbcClient.create(dataSource),
                new AuditSettings("preferred_username")), new DataSourceTransactionManager(dataSource));
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("op-7f3a")
                .claim("preferred_username", "duty.operator").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of(), "op-7f3a"));
    }

    @AfterEach
    void clearPrincipal() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRowIsCommittedAsStartedBeforeTheOperationRunsAndCompletedAfter() {
        String seenMeanwhile = operations.run("APPROVE", "file 12 GO_X.DAT", AuditChannel.ACTUATOR,
                // jdbc has no transaction of its own here: it sees only what is committed
                () -> jdbc.queryForObject("select outcome from operator_audit", String.class),
                seen -> AuditResult.done("APPLIED"));

        assertThat(seenMeanwhile).isEqualTo("STARTED");
        Map<String, Object> row = jdbc.queryForMap("select * from operator_audit");
        assertThat(row).containsEntry("subject", "op-7f3a").containsEntry("display_name", "duty.operator")
                .containsEntry("action", "APPROVE").containsEntry("target", "file 12 GO_X.DAT")
                .containsEntry("channel", "ACTUATOR").containsEntry("outcome", "DONE")
                .containsEntry("detail", "APPLIED");
        assertThat(row.get("finished_at")).isNotNull();
    }

    @Test
    void aRefusalIsRecordedAndStillReachesTheCaller() {
        assertThatThrownBy(() -> operations.run("APPROVE", "file 12", AuditChannel.REST, () -> {
            throw OperationRefusedException.conflict("file 12 is not held by the threshold");
        }, result -> AuditResult.done("never"))).isInstanceOf(OperationRefusedException.class);

        assertThat(jdbc.queryForMap("select outcome, detail, channel from operator_audit"))
                .containsEntry("outcome", "REFUSED").containsEntry("channel", "REST")
                .containsEntry("detail", "file 12 is not held by the threshold");
    }

    @Test
    void aFailureRecordsTheExceptionClassButNotAMessageThatMayQuoteARow() {
        assertThatThrownBy(() -> operations.run("EXPORT", "period 2708", AuditChannel.REST, () -> {
            throw new IllegalArgumentException("duplicate key for Jane Smith");
        }, result -> AuditResult.done("never"))).isInstanceOf(IllegalArgumentException.class);

        assertThat(jdbc.queryForMap("select outcome, detail from operator_audit"))
                .containsEntry("outcome", "FAILED").containsEntry("detail", "IllegalArgumentException");
    }

    @Test
    void aTransactionalOperationCommitsWithItsRow() {
        operations.runInTransaction("RECONCILE", "echoed absences", AuditChannel.ACTUATOR,
                () -> jdbc.update("insert into item (name) values ('changed')"), n -> AuditResult.done(n + " changed"));

        assertThat(jdbc.queryForObject("select count(*) from item", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForMap("select outcome, detail from operator_audit"))
                .containsEntry("outcome", "DONE").containsEntry("detail", "1 changed");
    }

    @Test
    void whenTheAuditRowCannotBeWrittenTheOperationIsRolledBackToo() {
        jdbc.execute("""
                create function refuse_audit() returns trigger language plpgsql as
                $$ begin if new.outcome = 'DONE' then raise exception 'audit refused'; end if; return new; end $$;
                create trigger refuse_audit before insert on operator_audit for each row execute function refuse_audit();
                """);
        try {
            assertThatThrownBy(() -> operations.runInTransaction("RECONCILE", "echoed absences",
                    AuditChannel.ACTUATOR, () -> jdbc.update("insert into item (name) values ('changed')"),
                    n -> AuditResult.done(n + " changed"))).isInstanceOf(RuntimeException.class);

            assertThat(jdbc.queryForObject("select count(*) from item", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select outcome from operator_audit", String.class)).isEqualTo("FAILED");
        } finally {
            jdbc.execute("drop function refuse_audit cascade");
        }
    }

    @Test
    void aTransactionalOperationThatThrowsKeepsNothingButItsRefusal() {
        assertThatThrownBy(() -> operations.runInTransaction("FINALISE", "period M2708", AuditChannel.REST, () -> {
            jdbc.update("insert into item (name) values ('half done')");
            throw OperationRefusedException.conflict("the period has not started");
        }, n -> AuditResult.done("never"))).isInstanceOf(OperationRefusedException.class);

        assertThat(jdbc.queryForObject("select count(*) from item", Long.class)).isZero();
        assertThat(jdbc.queryForMap("select outcome, detail from operator_audit"))
                .containsEntry("outcome", "REFUSED").containsEntry("detail", "the period has not started");
    }

    @Test
    void recentEntriesComeNewestFirst() {
        AuditTrail trail = new AuditTrail(JdbcClient.create(dataSource), new AuditSettings("preferred_username"));
        trail.record("APPROVE", "file 1", AuditChannel.REST, AuditResult.done("APPLIED"));
        trail.record("REJECT", "file 2", AuditChannel.ACTUATOR, AuditResult.refused("not held"));

        assertThat(new AuditEndpoint(trail).recent(1)).singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("file 2"))
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED));
    }

}
