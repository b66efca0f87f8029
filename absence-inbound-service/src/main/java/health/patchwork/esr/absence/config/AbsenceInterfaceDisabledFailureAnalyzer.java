package health.patchwork.esr.absence.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a bank-only start as one line, not a stack trace. */
class AbsenceInterfaceDisabledFailureAnalyzer extends AbstractFailureAnalyzer<AbsenceInterfaceDisabledException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AbsenceInterfaceDisabledException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Run only the outbound and attendance services for a bank-only Trust; set esr.trust.bank-only=false"
                        + " once ESR has switched the absence interface on.",
                cause);
    }
}
