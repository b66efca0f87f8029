package health.patchwork.esr.absence.config;

import java.util.List;

/**
 * The bundled default of the nationally agreed level-1 sickness absence reasons used by NHS ESR. A Trust whose ESR
 * shows a different list sets {@code esr.absence.mapping.national-sickness-reasons}.
 */
final class NationalSicknessReasons {

    static final List<String> DEFAULT = List.of(
            "S10 Anxiety/stress/depression/other psychiatric illnesses",
            "S11 Back Problems",
            "S12 Other musculoskeletal problems",
            "S13 Cold, Cough, Flu - Influenza",
            "S14 Asthma",
            "S15 Chest & respiratory problems",
            "S16 Headache / migraine",
            "S17 Benign and malignant tumours, cancers",
            "S18 Blood disorders",
            "S19 Heart, cardiac & circulatory problems",
            "S20 Burns, poisoning, frostbite, hypothermia",
            "S21 Ear, nose, throat (ENT)",
            "S22 Dental and oral problems",
            "S23 Eye problems",
            "S24 Endocrine / glandular problems",
            "S25 Gastrointestinal problems",
            "S26 Genitourinary & gynaecological disorders",
            "S27 Infectious diseases",
            "S28 Injury, fracture",
            "S29 Nervous system disorders",
            "S30 Pregnancy related disorders",
            "S31 Skin disorders",
            "S32 Substance abuse",
            "S98 Other known causes - not elsewhere classified",
            "S99 Unknown causes / Not specified");

    private NationalSicknessReasons() {
    }
}
