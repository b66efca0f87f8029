package health.patchwork.esr.formats.name;

/** The two files we send: prefix of the name and the data record type. */
public enum InboundFileType {
    TA("ATT"),
    AB("ABS");

    private final String dataRecordType;

    InboundFileType(String dataRecordType) {
        this.dataRecordType = dataRecordType;
    }

    /** "ATT" or "ABS". */
    public String dataRecordType() {
        return dataRecordType;
    }
}
