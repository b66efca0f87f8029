package health.patchwork.esr.absence.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A bank-only Trust has no Generic Absence Inbound interface in ESR, so this service must not run for it: it stops
 * before connecting to anything, rather than producing AB files ESR would never accept.
 */
public class BankOnlyTrustGuard implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean bankOnly = Binder.get(environment).bind("esr.trust.bank-only", Boolean.class).orElse(false);
        if (bankOnly) {
            throw new AbsenceInterfaceDisabledException();
        }
    }
}
