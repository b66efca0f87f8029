package health.patchwork.esr.console.services;

/** The suite's three services, each carrying one ESR interface, as a payroll officer names them. */
public enum EsrService {
    OUTBOUND("Staff records from ESR", "Generic Outbound Rostering", "outbound-rostering-service", "from ESR"),
    ATTENDANCE("Hours worked to ESR", "Generic Time & Attendance Inbound", "attendance-inbound-service", "to ESR"),
    ABSENCE("Absences to ESR", "Generic Absence Inbound", "absence-inbound-service", "to ESR");

    private final String title;
    private final String esrInterface;
    private final String module;
    private final String direction;

    EsrService(String title, String esrInterface, String module, String direction) {
        this.title = title;
        this.esrInterface = esrInterface;
        this.module = module;
        this.direction = direction;
    }

    /** What the interface carries, in a payroll officer's words. */
    public String title() {
        return title;
    }

    /** ESR's name of the interface. */
    public String esrInterface() {
        return esrInterface;
    }

    /** The service that carries it. */
    public String module() {
        return module;
    }

    public String direction() {
        return direction;
    }

    /** The HTML id of its section, e.g. {@code outbound}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
