package health.patchwork.esr.support.schema;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh schema holding the support tables, created the way a service's start-up creates them. */
public final class SupportSchemas {

    private SupportSchemas() {
    }

    /** Drops the schema with everything in it, then migrates the given tables into it (a service with no own migrations). */
    public static void recreate(DataSource dataSource, String schema, SupportTables... tables) {
        new JdbcTemplate(dataSource).execute("drop schema if exists " + schema + " cascade");
        Flyway service = Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/no-service-migrations").load();
        new SupportMigrations(List.of(tables)).migrate(service);
    }
}
