package health.patchwork.esr.support.trust;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Tells an operator, on {@code /actuator/info}, which Trust this deployment serves and which interfaces it has. */
public class TrustInfoContributor implements InfoContributor {

    private final TrustSettings trust;

    public TrustInfoContributor(TrustSettings trust) {
        this.trust = trust;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> trustInfo = new LinkedHashMap<>();
        trustInfo.put("vpd", trust.vpd());
        if (trust.name() != null) {
            trustInfo.put("name", trust.name());
        }
        trustInfo.put("bankOnly", trust.bankOnly());
        builder.withDetail("trust", trustInfo).withDetail("interfaces", trust.interfaces());
    }
}
