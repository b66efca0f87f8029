package health.patchwork.esr.support.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The export lock excludes a second exporter, in another session, until the first lets go. */
class ExportLockTest {

    private static PGSimpleDataSource dataSource() {
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(endpoint.jdbcUrl());
        dataSource.setUser(endpoint.username());
        dataSource.setPassword(endpoint.password());
        return dataSource;
    }

    @Test
    void aWaitingAcquireReallyHoldsTheLock() throws Exception {
        ExportLock first = new ExportLock(dataSource(), "TA");
        ExportLock second = new ExportLock(dataSource(), "TA");

        try (ExportLock.Held held = first.acquire()) {
            assertThat(second.tryAcquire()).as("another session while the lock is held").isEmpty();
        }
        try (ExportLock.Held again = second.tryAcquire().orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aSecondAcquireWaitsUntilTheFirstIsReleased() throws Exception {
        ExportLock lock = new ExportLock(dataSource(), "AB");
        ExportLock.Held held = lock.acquire();
        CompletableFuture<ExportLock.Held> waiting = CompletableFuture.supplyAsync(lock::acquire);

        Thread.sleep(300);
        assertThat(waiting).as("must not get the lock while it is held").isNotDone();
        held.close();

        waiting.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void differentFileTypesDoNotExcludeEachOther() {
        try (ExportLock.Held ta = new ExportLock(dataSource(), "TA").acquire();
             ExportLock.Held ab = new ExportLock(dataSource(), "AB").acquire()) {
            assertThat(ta).isNotNull();
            assertThat(ab).isNotNull();
        }
    }
}
