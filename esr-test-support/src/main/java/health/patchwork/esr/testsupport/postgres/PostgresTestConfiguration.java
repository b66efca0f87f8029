package health.patchwork.esr.testsupport.postgres;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The database of every Spring test: a real PostgreSQL 15, never H2. Testcontainers with {@code @ServiceConnection}
 * when a Docker engine is available; otherwise the JVM-wide embedded server of {@link SharedPostgres}, offered to
 * Spring Boot through the same {@link JdbcConnectionDetails} contract a service connection uses.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailability.Present.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:15-alpine");
    }

    @Bean
    @Conditional(DockerAvailability.Absent.class)
    JdbcConnectionDetails embeddedPostgresConnectionDetails() {
        SharedPostgres.Endpoint endpoint = SharedPostgres.endpoint();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return endpoint.username();
            }

            @Override
            public String getPassword() {
                return endpoint.password();
            }

            @Override
            public String getJdbcUrl() {
                return endpoint.jdbcUrl();
            }
        };
    }
}
