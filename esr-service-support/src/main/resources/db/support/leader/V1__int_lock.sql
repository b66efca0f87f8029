-- The lease of the leader election among a service's instances (support.leader): Spring Integration's
-- JdbcLockRegistry table, as in spring-integration-jdbc 7's schema-postgresql.sql. One row per service at most; its
-- EXPIRED_AFTER is renewed by the leader and taken over once it has passed.
-- "if not exists": schemas migrated before esr-service-support shipped this table have it from the service's own
-- migrations, in this same shape.
CREATE TABLE IF NOT EXISTS INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP    NOT NULL,
    EXPIRED_AFTER TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
