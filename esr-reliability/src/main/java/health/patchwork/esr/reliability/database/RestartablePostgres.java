package health.patchwork.esr.reliability.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import health.patchwork.esr.testsupport.postgres.SharedPostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the scenario's own (never the shared one other scenarios use) that can be stopped and
 * started again on the same port and data directory, as an operator restarts a database or it fails over: clients
 * keep their settings, their connections break.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Initialises a data directory under {@code home} and starts the server on a free loopback port. */
    static RestartablePostgres start(Path home) throws IOException {
        RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory(home, "pgdata-"), freePort());
        postgres.startAgain();
        return postgres;
    }

    /** Starts the server on its data directory (initialised the first time only) and port. */
    synchronized void startAgain() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // initdb fails when LANG names a locale the machine lacks
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    // its own log names no row contents or statement values (README, "Redaction")
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on " + dataDirectory, e);
        }
    }

    /** Stops the server (pg_ctl stop, fast mode: open connections are cut) and keeps its data. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        } finally {
            server = null;
        }
    }

    SharedPostgres.Endpoint endpoint() {
        return new SharedPostgres.Endpoint("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                "postgres");
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
