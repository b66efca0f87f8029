package health.patchwork.esr.support.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Boot's Flyway migrates the service's schema through {@link SupportMigrations}, with the support tables of every
 * feature that contributed a {@link SupportTables} bean.
 */
@AutoConfiguration
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
public class SupportSchemaConfiguration {

    @Bean
    @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
    SupportMigrations supportMigrations(ObjectProvider<SupportTables> used) {
        return new SupportMigrations(used.stream().toList());
    }
}
