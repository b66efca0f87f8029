package health.patchwork.esr.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per JVM, started from the zonky embedded binaries (PostgreSQL 15 from a Maven
 * artifact), for machines without a Docker engine. Every Spring test context and plain JDBC test of a module
 * shares it; each service works in its own schema, so contexts do not collide.
 */
public final class SharedPostgres {

    /** Where to reach the server; the superuser is only ever bound to loopback. */
    public record Endpoint(String jdbcUrl, String username, String password) {
    }

    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    public static synchronized Endpoint endpoint() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "shared-postgres-stop"));
        }
        return new Endpoint(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            // initdb fails when LANG names a locale the machine lacks, so pin one that always exists
            return EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    // as the README asks of a Trust's server: its own log names no row contents or statement
                    // values (zonky forwards it into the test logs, which PersonalDataInLogsTest reads)
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temp data directory is removed by zonky's own cleaner
            }
            server = null;
        }
    }
}
