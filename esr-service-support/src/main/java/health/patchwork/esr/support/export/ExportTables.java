package health.patchwork.esr.support.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import health.patchwork.esr.support.schema.SupportTables;

/** Imported by a service that exports files: its schema gets the export ledger's tables from support. */
@Configuration(proxyBeanMethods = false)
public class ExportTables {

    @Bean
    SupportTables exportTables() {
        return SupportTables.EXPORT;
    }
}
