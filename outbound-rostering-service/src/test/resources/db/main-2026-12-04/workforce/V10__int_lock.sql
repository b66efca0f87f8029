-- The lease of the leader election among this service's instances (esr-service-support, support.leader):
-- Spring Integration's JdbcLockRegistry table, as in spring-integration-jdbc 7's schema-postgresql.sql.
-- One row per service at most; its EXPIRED_AFTER is renewed by the leader and taken over once it has passed.
CREATE TABLE INT_LOCK (
    LOCK_KEY      CHAR(36)     NOT NULL,
    REGION        VARCHAR(100) NOT NULL,
    CLIENT_ID     CHAR(36),
    CREATED_DATE  TIMESTAMP    NOT NULL,
    EXPIRED_AFTER TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
