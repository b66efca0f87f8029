package health.patchwork.esr.support.golive;

import health.patchwork.esr.support.trust.TrustSettings;

/** The Trust this deployment serves, as ESR knows it: VPD, name, and whether it is bank-only. */
class TrustCheck implements GoLiveCheck {

    static final String NAME = "Trust configuration";

    private final TrustSettings trust;

    TrustCheck(TrustSettings trust) {
        this.trust = trust;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReadinessCheck run() {
        String kind = trust.bankOnly() ? "bank-only Trust (no absence interface)" : "rostering Trust";
        if (trust.name() == null || trust.name().isBlank()) {
            return ReadinessCheck.warn(NAME, "VPD " + trust.vpd() + ", " + kind
                    + "; esr.trust.name is not set: ESR's service desk knows the Trust by name");
        }
        return ReadinessCheck.pass(NAME, "VPD " + trust.vpd() + ", " + trust.name() + ", " + kind);
    }
}
