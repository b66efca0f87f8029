package health.patchwork.esr.sandbox.simulator;

import java.util.List;
import java.util.Random;

/** Invented names, deliberately including ISO-8859-1 letters (Siân, Zoë, Ciarán, Bjørn) as real Trusts have. */
final class StaffNames {

    private static final List<String> FEMALE = List.of("Amelia", "Siân", "Olivia", "Zoë", "Aoife", "Chloé", "Priya",
            "Grace", "Niamh", "Renée", "Fatima", "Hannah", "Eilís", "Maja", "Ngozi", "Lucía", "Emily", "Sophie");
    private static final List<String> MALE = List.of("Daniel", "Ciarán", "Oliver", "José", "Bjørn", "Tomás", "Arjun",
            "James", "Rhys", "Mohammed", "Kwame", "Seán", "Luca", "Noah", "Dafydd", "André", "George", "Harry");
    private static final List<String> SURNAMES = List.of("Hart", "Pritchard", "Reeve", "Grant", "Ó Briain", "Müller",
            "Jones", "Williams", "Okafor", "Patel", "Nguyen", "Kowalski", "MacDonald", "O'Neill", "Davies", "Søndergaard",
            "Evans", "Fernández", "Khan", "Thomas", "Brontë", "Smith", "Ahmed", "Hughes", "Lefèvre", "Roberts");

    private StaffNames() {
    }

    static String first(Random random, boolean female) {
        List<String> names = female ? FEMALE : MALE;
        return names.get(random.nextInt(names.size()));
    }

    static String last(Random random) {
        return SURNAMES.get(random.nextInt(SURNAMES.size()));
    }

    /** An e-mail local part in plain ASCII, as NHS mail addresses are. */
    static String emailPart(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replace("ø", "o").replace("Ø", "O")
                .replaceAll("[^A-Za-z]", "");
        return ascii.toLowerCase(java.util.Locale.ROOT);
    }
}
