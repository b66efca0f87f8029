package health.patchwork.esr.sandbox.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import health.patchwork.esr.formats.layout.InterfaceLayout;
import health.patchwork.esr.formats.layout.RecordLayout;

/**
 * A made-up Trust as ESR holds it: sites, an organisation hierarchy, posts, staff with one or two assignments
 * (a second is a bank post, {@code -2}), costings and professional registrations; and, day by day, the starters,
 * leavers, hours changes and renewals a real Trust sees. Deterministic for a seed. Bank posts are on the weekly bank
 * payroll ({@code <VPD> Weekly Bank}), substantive posts on the monthly one ({@code <VPD> Monthly}).
 */
public final class SyntheticTrust {

    /** ESR payroll names, after the VPD. */
    public static final String MONTHLY_PAYROLL = "Monthly";
    public static final String WEEKLY_BANK_PAYROLL = "Weekly Bank";

    record Location(String id, String code, String description, String postcode) {
    }

    record Organisation(String id, String name, String parentId, String costCentre, String description) {
    }

    record Post(String title, String occupation, String payscale, String staffGroup, String jobRole, String body) {
    }

    record Position(String id, String number, Post post, String organisationId, String area) {
    }

    static final class Person {
        String id;
        String employeeNumber;
        String title;
        String firstName;
        String lastName;
        String gender;
        LocalDate dateOfBirth;
        String niNumber;
        LocalDate hireDate;
        LocalDate terminationDate;
        String email;
        LocalDateTime updated;
    }

    record Slice(LocalDate start, LocalDate end, BigDecimal fte, String status) {
    }

    static final class Assignment {
        String id;
        String personId;
        String number;
        Position position;
        String locationId;
        boolean bank;
        LocalDate earliestStart;
        final List<Slice> slices = new ArrayList<>();
        LocalDateTime updated;

        Slice current() {
            return slices.get(slices.size() - 1);
        }
    }

    record Costing(String id, String personId, String assignmentId, LocalDate start, String costCentre) {
    }

    record Registration(String id, String personId, String body, String number, LocalDate start, LocalDate expiry,
            String part, LocalDateTime updated) {
    }

    private static final List<Post> POSTS = List.of(
            new Post("Staff Nurse Band 5", "N0A", "XR05", "Nursing and Midwifery Registered", "Staff Nurse",
                    "Nursing and Midwifery Council"),
            new Post("Sister/Charge Nurse Band 6", "N0B", "XR06", "Nursing and Midwifery Registered", "Sister/Charge Nurse",
                    "Nursing and Midwifery Council"),
            new Post("Healthcare Support Worker Band 3", "H1A", "XR03", "Additional Clinical Services",
                    "Healthcare Assistant", null),
            new Post("Specialty Registrar", "MN1", "MN37", "Medical and Dental", "Specialty Registrar",
                    "General Medical Council"),
            new Post("Physiotherapist Band 6", "S1A", "XR06", "Allied Health Professionals", "Physiotherapist",
                    "Health and Care Professions Council"));

    private final String vpd;
    private final Random random;
    private final InterfaceLayout layout = InterfaceLayout.outboundRostering("01");
    private final List<Location> locations = new ArrayList<>();
    private final List<Organisation> organisations = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Map<String, Costing> costings = new LinkedHashMap<>();
    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private long nextPersonId = 100001;
    private long nextEmployeeNumber = 20000001;
    private long nextAssignmentId = 200001;
    private long nextMiscId = 800001;

    public SyntheticTrust(String vpd, int staff, long seed, LocalDate today) {
        this.vpd = vpd;
        this.random = new Random(seed);
        buildEstate(staff);
        for (int i = 0; i < staff; i++) {
            hire(today.minusDays(30 + random.nextInt(15 * 365)), today.atStartOfDay().minusDays(1));
        }
    }

    public int headcount() {
        return (int) people.values().stream().filter(p -> p.terminationDate == null).count();
    }

    /** Assignment numbers of staff in post on {@code day}, for the demo driver to post timesheets against. */
    public List<String> assignmentNumbersActiveOn(LocalDate day) {
        return assignments.values().stream()
                .filter(a -> a.slices.stream().anyMatch(s -> "ACTIVE_ASSIGN".equals(s.status())
                        && !s.start().isAfter(day) && (s.end() == null || !day.isAfter(s.end()))))
                .map(a -> a.number)
                .toList();
    }

    Optional<String> personIdOfAssignment(String assignmentNumber) {
        return assignments.values().stream().filter(a -> a.number.equals(assignmentNumber))
                .map(a -> a.personId).findFirst();
    }

    String newId() {
        return String.valueOf(nextMiscId++);
    }

    RecordLayout layout(String entityCode) {
        return layout.byEntityCode(entityCode).orElseThrow();
    }

    /** Every row of a full file: the whole Trust as it stands. */
    public List<String[]> snapshot() {
        List<String[]> rows = new ArrayList<>();
        locations.forEach(l -> rows.add(locationRow(l)));
        organisations.forEach(o -> rows.add(organisationRow(o)));
        positions.forEach(p -> rows.add(positionRow(p)));
        for (Person person : people.values()) {
            rows.add(personRow(person));
            assignments.values().stream().filter(a -> a.personId.equals(person.id))
                    .forEach(a -> rows.addAll(assignmentRows(a)));
        }
        costings.values().forEach(c -> rows.add(costingRow(c)));
        registrations.values().forEach(r -> rows.add(registrationRow(r)));
        return rows;
    }

    /** Moves the Trust on by one day and returns the rows of that day's change file. */
    public List<String[]> advance(LocalDate day) {
        LocalDateTime updated = day.atTime(16, 30);
        List<String[]> rows = new ArrayList<>();
        int scale = Math.max(1, headcount() / 400);
        for (int i = 0; i < scale; i++) {
            rows.addAll(hire(day.plusDays(1 + random.nextInt(14)), updated));
        }
        for (int i = 0; i < scale; i++) {
            randomCurrentPerson().ifPresent(p -> rows.addAll(leave(p, day.plusDays(random.nextInt(28)), updated)));
        }
        for (int i = 0; i < scale; i++) {
            randomCurrentAssignment().ifPresent(a -> rows.addAll(changeHours(a, day.plusDays(1), updated)));
        }
        if (!registrations.isEmpty() && random.nextInt(3) == 0) {
            List<Registration> all = new ArrayList<>(registrations.values());
            Registration old = all.get(random.nextInt(all.size()));
            Registration renewed = new Registration(old.id(), old.personId(), old.body(), old.number(), old.start(),
                    old.expiry().plusYears(1), old.part(), updated);
            registrations.put(renewed.id(), renewed);
            rows.add(registrationRow(renewed));
        }
        return rows;
    }

    private void buildEstate(int staff) {
        locations.add(new Location("4001", vpd + " z Riverside General", "Riverside General Hospital", "ZZ1 1ZZ"));
        locations.add(new Location("4002", vpd + " z Hillside Clinic", "Hillside Community Clinic", "ZZ1 2ZZ"));
        locations.add(new Location("4003", vpd + " z Meadow Park", "Meadow Park Rehabilitation Unit", "ZZ1 3ZZ"));
        organisations.add(new Organisation("5001", vpd + " Sandbox NHS Trust", null, vpd + "A0001", "Trust Board"));
        String[] divisions = {"Medicine", "Surgery", "Emergency Care", "Community"};
        for (int d = 0; d < divisions.length; d++) {
            organisations.add(new Organisation(String.valueOf(5100 + d), vpd + " 3 " + divisions[d] + " Division",
                    "5001", vpd + "A1" + d + "00", divisions[d] + " Division"));
        }
        int wards = Math.max(5, staff / 40);
        for (int w = 0; w < wards; w++) {
            String parent = String.valueOf(5100 + w % divisions.length);
            String ward = "Ward " + (w + 1);
            organisations.add(new Organisation(String.valueOf(5200 + w), vpd + " 5 " + ward, parent,
                    vpd + "A" + (7000 + w), ward));
            for (int p = 0; p < POSTS.size(); p++) {
                String number = String.valueOf(7000000 + w * 10 + p);
                positions.add(new Position(String.valueOf(60000 + w * 10 + p), number, POSTS.get(p),
                        String.valueOf(5200 + w), ward));
            }
        }
    }

    private List<String[]> hire(LocalDate start, LocalDateTime updated) {
        Person person = new Person();
        person.id = String.valueOf(nextPersonId++);
        person.employeeNumber = String.valueOf(nextEmployeeNumber++);
        boolean female = random.nextInt(10) < 7;
        person.gender = female ? "Female" : "Male";
        person.firstName = StaffNames.first(random, female);
        person.lastName = StaffNames.last(random);
        person.title = female ? (random.nextBoolean() ? "Ms" : "Mrs") : "Mr";
        person.dateOfBirth = LocalDate.of(1960 + random.nextInt(44), 1 + random.nextInt(12), 1 + random.nextInt(28));
        person.niNumber = String.format("QQ%06d%c", random.nextInt(1_000_000), "ABCD".charAt(random.nextInt(4)));
        person.hireDate = start;
        person.email = StaffNames.emailPart(person.firstName) + "." + StaffNames.emailPart(person.lastName) + "."
                + person.employeeNumber.substring(5) + "@example.nhs.uk";
        person.updated = updated;
        people.put(person.id, person);

        List<String[]> rows = new ArrayList<>();
        rows.add(personRow(person));
        Position position = positions.get(random.nextInt(positions.size()));
        if ("MN37".equals(position.post().payscale())) {
            person.title = "Dr";
            rows.set(0, personRow(person));
        }
        Assignment substantive = assign(person, position, person.employeeNumber, false, start, updated);
        rows.addAll(assignmentRows(substantive));
        rows.add(costingRow(cost(substantive, start)));
        if (random.nextInt(100) < 15) {
            Position bankPost = positions.get(random.nextInt(positions.size()));
            Assignment bank = assign(person, bankPost, person.employeeNumber + "-2", true, start, updated);
            rows.addAll(assignmentRows(bank));
            rows.add(costingRow(cost(bank, start)));
        }
        if (position.post().body() != null) {
            Registration registration = new Registration(newId(), person.id, position.post().body(),
                    registrationNumber(position.post().body()), start.minusYears(random.nextInt(8)),
                    start.plusDays(30 + random.nextInt(3 * 365)), partFor(position.post()), updated);
            registrations.put(registration.id(), registration);
            rows.add(registrationRow(registration));
        }
        return rows;
    }

    private Assignment assign(Person person, Position position, String number, boolean bank, LocalDate start,
            LocalDateTime updated) {
        Assignment assignment = new Assignment();
        assignment.id = String.valueOf(nextAssignmentId++);
        assignment.personId = person.id;
        assignment.number = number;
        assignment.position = position;
        assignment.locationId = locations.get(random.nextInt(locations.size())).id();
        assignment.bank = bank;
        assignment.earliestStart = start;
        assignment.updated = updated;
        BigDecimal fte = bank ? BigDecimal.ZERO : List.of(new BigDecimal("1"), new BigDecimal("0.8"),
                new BigDecimal("0.6")).get(random.nextInt(3));
        assignment.slices.add(new Slice(start, null, fte, "ACTIVE_ASSIGN"));
        assignments.put(assignment.id, assignment);
        return assignment;
    }

    private Costing cost(Assignment assignment, LocalDate start) {
        String costCentre = organisations.stream().filter(o -> o.id().equals(assignment.position.organisationId()))
                .map(Organisation::costCentre).findFirst().orElseThrow();
        Costing costing = new Costing(newId(), assignment.personId, assignment.id, start, costCentre);
        costings.put(costing.id(), costing);
        return costing;
    }

    private List<String[]> leave(Person person, LocalDate lastDay, LocalDateTime updated) {
        person.terminationDate = lastDay;
        person.updated = updated;
        List<String[]> rows = new ArrayList<>();
        rows.add(personRow(person));
        assignments.values().stream().filter(a -> a.personId.equals(person.id)).forEach(a -> {
            Slice current = a.current();
            if (current.start().isAfter(lastDay)) {
                return;
            }
            a.slices.set(a.slices.size() - 1, new Slice(current.start(), lastDay, current.fte(), current.status()));
            a.slices.add(new Slice(lastDay.plusDays(1), null, current.fte(), "TERM_ASSIGN"));
            a.updated = updated;
            rows.addAll(assignmentRows(a));
        });
        return rows;
    }

    private List<String[]> changeHours(Assignment assignment, LocalDate from, LocalDateTime updated) {
        Slice current = assignment.current();
        if (!current.start().isBefore(from) || !"ACTIVE_ASSIGN".equals(current.status()) || assignment.bank) {
            return List.of();
        }
        BigDecimal fte = current.fte().compareTo(BigDecimal.ONE) == 0 ? new BigDecimal("0.8") : BigDecimal.ONE;
        assignment.slices.set(assignment.slices.size() - 1,
                new Slice(current.start(), from.minusDays(1), current.fte(), current.status()));
        assignment.slices.add(new Slice(from, null, fte, current.status()));
        assignment.updated = updated;
        return assignmentRows(assignment);
    }

    private Optional<Person> randomCurrentPerson() {
        List<Person> current = people.values().stream().filter(p -> p.terminationDate == null).toList();
        return current.isEmpty() ? Optional.empty() : Optional.of(current.get(random.nextInt(current.size())));
    }

    private Optional<Assignment> randomCurrentAssignment() {
        List<Assignment> all = new ArrayList<>(assignments.values());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
    }

    private String registrationNumber(String body) {
        return switch (body) {
            case "General Medical Council" -> String.valueOf(7000000 + random.nextInt(999999));
            case "Nursing and Midwifery Council" -> String.format("%02d%c%04d%c", random.nextInt(100),
                    (char) ('A' + random.nextInt(26)), random.nextInt(10000), (char) ('A' + random.nextInt(26)));
            default -> "PH" + (100000 + random.nextInt(899999));
        };
    }

    private static String partFor(Post post) {
        return switch (post.staffGroup()) {
            case "Nursing and Midwifery Registered" -> "Sub-Part 1 RNA (Adult)";
            case "Allied Health Professionals" -> "Physiotherapist";
            default -> "";
        };
    }

    private String[] locationRow(Location l) {
        return OutboundRow.add(layout("LC")).set("Location ID", l.id()).set("Location Code", l.code())
                .set("Location Description", l.description()).set("Address Line 1", "1 Example Road")
                .set("Town", "Exampleton").set("County", "Exampleshire").set("Postcode", l.postcode())
                .set("Country", "GB").set("Payslip Delivery Point", "Y").set("Site Code", "RZZ" + l.id().substring(2))
                .set("Last Update Date", LocalDateTime.of(2025, 3, 1, 10, 15)).values();
    }

    private String[] organisationRow(Organisation o) {
        return OutboundRow.add(layout("OR")).set("Organisation ID", o.id()).set("Organisation Name", o.name())
                .set("Organisation Type", "NHS_TM").set("Effective From Date", LocalDate.of(2020, 4, 1))
                .set("Hierarchy Version ID", "9001").set("Hierarchy Version Date From", LocalDate.of(2020, 4, 1))
                .set("Default Cost Centre", o.costCentre()).set("Parent Organisation ID", o.parentId())
                .set("NACS Code", o.parentId() == null ? "RZZ" : "").set("Location ID", "4001")
                .set("Last Update Date", LocalDateTime.of(2025, 3, 1, 10, 17))
                .set("Cost Centre Description", o.description()).values();
    }

    private String[] positionRow(Position p) {
        Post post = p.post();
        return OutboundRow.add(layout("PO")).set("Position ID", p.id())
                .set("Effective From Date", LocalDate.of(2020, 4, 1)).set("Position Number", p.number())
                .set("Position Name", p.number() + "|" + post.title() + "|" + post.occupation() + "|" + p.area() + "|")
                .set("Budgeted FTE", "4.00").set("Subjective Code", "51110").set("Job Staff Group", post.staffGroup())
                .set("Job Role", post.jobRole()).set("Occupation Code", post.occupation())
                .set("Payscale", post.payscale()).set("Grade Step", post.payscale() + "|0")
                .set("ISA Regulated Post", "Not Applicable").set("Organisation ID", p.organisationId())
                .set("Hiring Status", "Active").set("Position Type", "NONE").set("Workplace Org Code", "RZZ")
                .set("Last Update Date", LocalDateTime.of(2025, 3, 1, 10, 20)).values();
    }

    private String[] personRow(Person p) {
        return OutboundRow.add(layout("PR")).set("Person ID", p.id).set("Effective Start Date", p.hireDate)
                .set("Employee Number", p.employeeNumber).set("Title", p.title).set("Last Name", p.lastName)
                .set("First Name", p.firstName).set("Gender", p.gender).set("Date of Birth", p.dateOfBirth)
                .set("National Insurance Number", p.niNumber).set("Hire Date", p.hireDate)
                .set("Actual Termination Date", p.terminationDate)
                .set("Termination Reason", p.terminationDate == null ? "" : "Voluntary Resignation - Relocation")
                .set("WTR Opt Out", "N").set("System Person Type", p.terminationDate == null ? "EMP" : "EX_EMP")
                .set("User Person Type", p.terminationDate == null ? "Employee" : "Ex-employee")
                .set("Office E-mail Address", p.email).set("NHS Start Date", p.hireDate)
                .set("Last Update Date", p.updated).values();
    }

    private List<String[]> assignmentRows(Assignment a) {
        List<String[]> rows = new ArrayList<>();
        Post post = a.position.post();
        for (Slice slice : a.slices) {
            boolean active = "ACTIVE_ASSIGN".equals(slice.status());
            BigDecimal hours = new BigDecimal("37.5").multiply(slice.fte()).stripTrailingZeros();
            rows.add(OutboundRow.add(layout("AS")).set("Person ID", a.personId).set("Assignment ID", a.id)
                    .set("Effective Start Date", slice.start()).set("Effective End Date", slice.end())
                    .set("Earliest Assignment Start Date", a.earliestStart).set("Assignment Type", "E")
                    .set("Assignment Number", a.number).set("System Assignment Status", slice.status())
                    .set("User Assignment Status", active ? "Active Assignment" : "Terminate Assignment")
                    // bank work is paid weekly, substantive posts monthly: two ESR payrolls in one Trust
                    .set("Payroll Name", a.bank ? vpd + " " + WEEKLY_BANK_PAYROLL : vpd + " " + MONTHLY_PAYROLL)
                    .set("Payroll Period Type", a.bank ? "Week" : "Calendar")
                    .set("Assignment Location ID", a.locationId).set("Supervisor Flag", "N")
                    .set("Employee Category", a.bank ? "Bank" : slice.fte().compareTo(BigDecimal.ONE) == 0
                            ? "Full Time" : "Part Time")
                    .set("Assignment Category", a.bank ? "Bank" : "Permanent")
                    .set("Primary Assignment", a.bank ? "N" : "Y").set("Normal Hours / Sessions", hours.toPlainString())
                    .set("Frequency", "W").set("Grade Contract Hours", a.bank ? "" : "37.5")
                    .set("FTE", slice.fte().toPlainString()).set("Organisation ID", a.position.organisationId())
                    .set("Position ID", a.position.id())
                    .set("Position Name", a.position.number() + "|" + post.title() + "|" + post.occupation() + "|"
                            + a.position.area() + "|")
                    .set("Grade", "NHS|" + post.payscale() + "|" + post.title()).set("Grade Step", post.payscale() + "|0")
                    .set("Start Date in Grade", a.earliestStart)
                    .set("Job Name", post.staffGroup() + "|" + post.jobRole())
                    .set("People Group", vpd + " z " + a.position.area()).set("T&A Flag", "Y")
                    .set("Assignment Night Worker Attribute", "N").set("Maximum Part Time Flag", "N")
                    .set("AFC Flag", "MN37".equals(post.payscale()) ? "N" : "Y").set("Last Update Date", a.updated)
                    .set("Manager Flag", "N").values());
        }
        return rows;
    }

    private String[] costingRow(Costing c) {
        return OutboundRow.add(layout("CO")).set("Person ID", c.personId()).set("Assignment ID", c.assignmentId())
                .set("Costing Allocation ID", c.id()).set("Effective Start Date", c.start())
                .set("Effective End Date", "47121231").set("Entity Code", vpd).set("Cost Centre", c.costCentre())
                .set("Subjective", "51110").set("Percentage Split", "100")
                .set("Last Update Date", c.start().atTime(9, 15)).values();
    }

    private String[] registrationRow(Registration r) {
        java.time.format.DateTimeFormatter text = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
        return OutboundRow.add(layout("ET")).set("Person ID", r.personId()).set("Person Extra Information ID", r.id())
                .set("Information Type", "NHS Regs and Memships").set("PEI_INFORMATION_CATEGORY", "NHS Regs and Memships")
                .set("PEI_INFORMATION1", r.body()).set("PEI_INFORMATION2", r.number())
                .set("PEI_INFORMATION3", text.format(r.start().atStartOfDay()))
                .set("PEI_INFORMATION5", text.format(r.expiry().atStartOfDay()))
                .set("ATTRIBUTE_CATEGORY", r.body()).set("PEI_ATTRIBUTE1", r.part())
                .set("Last Update Date", r.updated()).values();
    }
}
