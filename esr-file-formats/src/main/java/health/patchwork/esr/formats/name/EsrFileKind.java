package health.patchwork.esr.formats.name;

/** What kind of ESR file a name denotes, from the name alone. */
public enum EsrFileKind {
    OUTBOUND_FULL,
    OUTBOUND_CHANGE,
    FULL_REFRESH_REQUEST,
    TA_INBOUND,
    AB_INBOUND,
    UNKNOWN;

    public static EsrFileKind of(String fileName) {
        var outbound = OutboundFileName.parse(fileName);
        if (outbound.isPresent()) {
            return outbound.get().isFull() ? OUTBOUND_FULL : OUTBOUND_CHANGE;
        }
        if (FullRefreshRequestName.parse(fileName).isPresent()) {
            return FULL_REFRESH_REQUEST;
        }
        var inbound = InboundFileName.parse(fileName);
        if (inbound.isPresent()) {
            return inbound.get().fileType() == InboundFileType.TA ? TA_INBOUND : AB_INBOUND;
        }
        return UNKNOWN;
    }
}
