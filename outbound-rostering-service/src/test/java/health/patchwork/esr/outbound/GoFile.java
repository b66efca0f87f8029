package health.patchwork.esr.outbound;

import java.util.ArrayList;
import java.util.List;

/** Writes synthetic GO files for tests and the benchmark: invented people only, HDR and TRL counted right. */
public final class GoFile {

    private final String name;
    private final String previousRun;
    private final String run;
    private final List<String> rows = new ArrayList<>();

    private GoFile(String name, String previousRun, String run) {
        this.name = name;
        this.previousRun = previousRun;
        this.run = run;
    }

    public static GoFile full(long sequence, String yyyymmdd) {
        return new GoFile("GO_123_RST_GOF_" + yyyymmdd + "_" + "%08d".formatted(sequence) + ".DAT", "00000000 000000",
                yyyymmdd + " 000000");
    }

    public static GoFile change(long sequence, String previousYyyymmdd, String yyyymmdd) {
        return new GoFile("GO_123_RST_GOC_" + yyyymmdd + "_" + "%08d".formatted(sequence) + ".DAT",
                previousYyyymmdd + " 000000", yyyymmdd + " 000000");
    }

    public String name() {
        return name;
    }

    public GoFile add(String row) {
        rows.add(row);
        return this;
    }

    /** A person with one open slice from 2020-01-01. */
    public GoFile person(long personId) {
        return add(person(personId, "Employee" + personId));
    }

    public static String person(long personId, String lastName) {
        return row("PRA", 44, personId, "20200101", "", String.valueOf(20_000_000 + personId), "Mx", lastName,
                "Test", "", "", "", "", "", "19900101", "QQ000000A", "", "20200101");
    }

    /** An open assignment slice of {@code personId}, numbered after the person's employee number. */
    public static String assignment(long personId, long assignmentId, String start, String fte) {
        String[] f = new String[51];
        java.util.Arrays.fill(f, "");
        f[0] = "ASA";
        f[1] = String.valueOf(personId);
        f[2] = String.valueOf(assignmentId);
        f[3] = start;
        f[5] = start;
        f[7] = String.valueOf(20_000_000 + personId);
        f[8] = "ACTIVE_ASSIGN";
        f[25] = fte;
        f[27] = "5002";
        f[36] = "Y";
        return String.join("~", f);
    }

    public static String row(String type, int fields, Object... leading) {
        String[] f = new String[fields];
        java.util.Arrays.fill(f, "");
        f[0] = type;
        for (int i = 0; i < leading.length; i++) {
            f[i + 1] = String.valueOf(leading[i]);
        }
        return String.join("~", f);
    }

    public String content() {
        StringBuilder sb = new StringBuilder();
        sb.append("HDR~").append(name).append("~20261101 050000~123~").append(previousRun).append('~').append(run)
                .append("~01\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        sb.append("TRL~").append(rows.size() + 2).append('\n');
        return sb.toString();
    }
}
