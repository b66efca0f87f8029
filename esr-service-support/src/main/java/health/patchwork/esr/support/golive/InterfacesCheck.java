package health.patchwork.esr.support.golive;

import java.util.stream.Collectors;

import health.patchwork.esr.support.trust.TrustSettings;

/** Which ESR interfaces this deployment runs, so the service request asks ESR to enable exactly those. */
class InterfacesCheck implements GoLiveCheck {

    static final String NAME = "interfaces";

    private final TrustSettings trust;

    InterfacesCheck(TrustSettings trust) {
        this.trust = trust;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        return ReadinessCheck.pass(NAME, trust.interfaces().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
    }
}
