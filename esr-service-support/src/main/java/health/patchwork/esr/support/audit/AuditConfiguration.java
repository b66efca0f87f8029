package health.patchwork.esr.support.audit;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import health.patchwork.esr.support.schema.SupportTables;

/** The audit trail of operator requests, for every service with a database; its operator_audit table comes with it. */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfiguration {

    @Bean
    SupportTables auditTables() {
        return SupportTables.AUDIT;
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource, AuditSettings settings) {
        return new AuditTrail(JdbcClient.create(dataSource), settings);
    }

    @Bean
    AuditedOperations auditedOperations(AuditTrail trail, PlatformTransactionManager transactions) {
        return new AuditedOperations(trail, transactions);
    }

    @Bean
    AuditEndpoint auditEndpoint(AuditTrail trail) {
        return new AuditEndpoint(trail);
    }
}
