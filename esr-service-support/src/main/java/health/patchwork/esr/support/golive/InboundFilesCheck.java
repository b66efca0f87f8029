package health.patchwork.esr.support.golive;

import health.patchwork.esr.formats.name.InboundFileType;
import health.patchwork.esr.support.inbound.InboundFileSettings;
import health.patchwork.esr.support.trust.TrustSettings;

/**
 * What ESR must have on its side for an inbound interface (TA or AB): our source system code and the payroll
 * frequency, which together with the VPD make every file name we upload. Each inbound service registers one.
 */
public class InboundFilesCheck implements GoLiveCheck {

    private final InboundFileType type;
    private final TrustSettings trust;
    private final InboundFileSettings settings;

    public InboundFilesCheck(InboundFileType type, TrustSettings trust, InboundFileSettings settings) {
        this.type = type;
        this.trust = trust;
        this.settings = settings;
    }

    @Override
    public String name() {
        return type + " file settings";
    }

    @Override
    public ReadinessCheck run() {
        return ReadinessCheck.pass(name(), "source system code " + settings.sourceSystemCode() + ", period type "
                + settings.periodType() + ": we upload " + type + "_" + trust.vpd() + "_" + settings.sourceSystemCode()
                + "_" + settings.periodType() + "<run N|S><tax year YY><period PP>_<sequence 8 digits>.DAT;"
                + " ESR must expect this code and frequency for the Trust");
    }
}
