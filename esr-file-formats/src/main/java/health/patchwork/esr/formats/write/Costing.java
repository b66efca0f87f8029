package health.patchwork.esr.formats.write;

/** ATT costing override, columns 37–42; blank fields leave ESR's assignment costing in force. */
public record Costing(String legalEntity, String charitableIndicator, String costCentre, String subjective,
                      String subAnalysis, String elementNumber) {

    public static final Costing NONE = new Costing(null, null, null, null, null, null);

    public static Costing costCentre(String costCentre) {
        return new Costing(null, null, costCentre, null, null, null);
    }
}
