package health.patchwork.esr.absence.config;

/** Raised at start-up when the Trust is bank-only: ESR has not switched the absence interface on for it. */
public class AbsenceInterfaceDisabledException extends IllegalStateException {

    static final String MESSAGE = "The Generic Absence Inbound interface is off for this Trust"
            + " (esr.trust.bank-only=true): bank-only Trusts send no absences to ESR, so absence-inbound-service"
            + " does not run. Leave it out of the deployment (docker compose --profile bank-only).";

    AbsenceInterfaceDisabledException() {
        super(MESSAGE);
    }
}
