package health.patchwork.esr.outbound.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import health.patchwork.esr.outbound.GoFile;
import health.patchwork.esr.outbound.OutboundTestBase;
import health.patchwork.esr.outbound.OutboxRows;
import health.patchwork.esr.support.notification.Notifications;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily registration check: each registration the feed carries is told once per threshold it reaches before its
 * expiry date (only the nearest one when first seen inside several), once when it has expired, and afresh when ESR
 * sends a new expiry date.
 */
class RegistrationNoticesTest extends OutboundTestBase {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    private static final DateTimeFormatter ESR = DateTimeFormatter.ofPattern("dd/MM/yyyy 00:00:00");
    private static final String NMC = "Nursing and Midwifery Council";

    @Autowired
    RegistrationNotices notices;
    @Autowired
    Registrations registrations;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    private OutboxRows outbox;

    @BeforeEach
    void aFeedWithRegistrations() {
        outbox = new OutboxRows(jdbc);
        outbox.clear();
        GoFile full = GoFile.full(41, "20261101")
                .add(GoFile.assignment(100002, 30002, "20200101", "1.0"))
                .add(GoFile.assignment(100002, 30012, "20210101", "0.5"))
                .add(registration(100001, 7001, TODAY.plusDays(95)))
                .add(registration(100002, 7002, TODAY.plusDays(90)))
                .add(registration(100003, 7003, TODAY.plusDays(20)))
                .add(registration(100004, 7004, TODAY.plusDays(7)))
                .add(registration(100005, 7005, TODAY.minusDays(3)))
                .add(registration(100006, 7006, TODAY.minusDays(100)))
                .add(extraInfo(100007, 7007, 5, NMC, 9, "soon"));
        for (long person = 100001; person <= 100007; person++) {
            full.person(person);
        }
        mailbox.deliver(full.name(), full.content());
        mailbox.poll();
        assertThat(ledgerOutcome(full.name())).isEqualTo("APPLIED/APPLIED");
        outbox.clear();
    }

    @Test
    void eachRegistrationIsToldTheNearestThresholdItHasReachedOrThatItExpired() {
        notices.checkOn(TODAY);

        assertThat(told()).containsExactlyInAnyOrder(
                "registration.expiring worker:100002 90 " + TODAY.plusDays(90),
                "registration.expiring worker:100003 30 " + TODAY.plusDays(20),
                "registration.expiring worker:100004 7 " + TODAY.plusDays(7),
                "registration.expired worker:100005 - " + TODAY.minusDays(3));
        OutboxRows.Event ninety = outbox.all().stream().filter(e -> e.entity().equals("worker:100002")).findFirst()
                .orElseThrow();
        assertThat(ninety.data().propertyNames()).containsExactly("workerId", "assignmentNumbers", "registrationId",
                "body", "expiryDate", "daysBefore");
        assertThat(ninety.data().get("workerId").asString()).isEqualTo("100002");
        assertThat(ninety.data().get("assignmentNumbers").valueStream().map(n -> n.asString()))
                .containsExactly("20100002");
        assertThat(ninety.data().get("registrationId").asString()).isEqualTo("7002");
        assertThat(ninety.data().get("body").asString()).isEqualTo(NMC);
        assertThat(ninety.data().get("expiryDate").asString()).isEqualTo("2027-04-10");
        assertThat(ninety.data().get("daysBefore").asInt()).isEqualTo(90);
        assertThat(ninety.onceKey()).isEqualTo("registration:7002:2027-04-10:90d");
        assertThat(ninety.deliveries()).hasSize(1);
        OutboxRows.Event expired = outbox.ofType("registration.expired").get(0);
        assertThat(expired.data().has("daysBefore")).isFalse();
        assertThat(expired.data().get("assignmentNumbers").isEmpty()).isTrue();
        // ids, the body and dates: never the person's name or the registration number
        assertThat(outbox.bodies()).doesNotContain("Employee").doesNotContain("12A3456E");
    }

    @Test
    void aReRunTellsNothingTwiceAndLaterDaysTellTheNextThresholds() {
        notices.checkOn(TODAY);
        int first = outbox.all().size();

        notices.checkOn(TODAY);
        notices.checkOn(TODAY.plusDays(1));

        assertThat(outbox.all()).hasSize(first);

        notices.checkOn(TODAY.plusDays(5)); // 100001 is 90 days from its expiry now
        assertThat(told()).hasSize(first + 1).contains("registration.expiring worker:100001 90 " + TODAY.plusDays(95));

        notices.checkOn(TODAY.plusDays(14)); // 100003 six days before, 100004 a week past
        assertThat(told()).hasSize(first + 3).contains(
                "registration.expiring worker:100003 7 " + TODAY.plusDays(20),
                "registration.expired worker:100004 - " + TODAY.plusDays(7));
        // one worker's notices in the order they were told: 30 days, then 7
        assertThat(outbox.all()).filteredOn(e -> e.entity().equals("worker:100003"))
                .extracting(e -> e.data().get("daysBefore").asInt()).containsExactly(30, 7);
    }

    @Test
    void aRenewedRegistrationWithANewExpiryDateIsToldAfresh() {
        notices.checkOn(TODAY);
        List<String> before = told();
        GoFile renewal = GoFile.change(42, "20261101", "20261102")
                .add(registration(100005, 7005, TODAY.plusDays(60)))
                .add(registration(100004, 7004, TODAY.plusDays(365 * 3)));
        mailbox.deliver(renewal.name(), renewal.content());
        mailbox.poll();
        assertThat(ledgerOutcome(renewal.name())).isEqualTo("APPLIED/APPLIED");

        notices.checkOn(TODAY);

        assertThat(told()).hasSize(before.size() + 1).startsWith(before.toArray(String[]::new))
                .endsWith("registration.expiring worker:100005 90 " + TODAY.plusDays(60));
        notices.checkOn(TODAY.plusDays(31));
        assertThat(told().subList(before.size() + 1, told().size())).containsExactlyInAnyOrder(
                "registration.expiring worker:100001 90 " + TODAY.plusDays(95),
                "registration.expired worker:100003 - " + TODAY.plusDays(20),
                "registration.expiring worker:100005 30 " + TODAY.plusDays(60));
    }

    @Test
    void theThresholdsAreASetting() {
        RegistrationNotices fortnight = new RegistrationNotices(registrations, notifications, transactions,
                new RegistrationNoticeSettings("-", List.of(14), 0), clock);

        fortnight.checkOn(TODAY);

        // 100004 is 7 days before (inside 14); 100005 expired 3 days ago, more than the 0 days the setting allows
        assertThat(told()).containsExactly("registration.expiring worker:100004 14 " + TODAY.plusDays(7));
    }

    /** Each queued registration event (file events aside) as "type entity daysBefore expiryDate", oldest first. */
    private List<String> told() {
        return outbox.all().stream().filter(e -> e.type().startsWith("registration.")).map(e -> e.type() + " " + e.entity() + " "
                + (e.data().has("daysBefore") ? e.data().get("daysBefore").asString() : "-") + " "
                + e.data().get("expiryDate").asString()).toList();
    }

    private static String registration(long personId, long id, LocalDate expiry) {
        return extraInfo(personId, id, 5, NMC, 6, "12A3456E", 7, "04/06/2018 00:00:00", 9, ESR.format(expiry),
                36, "RNA");
    }

    /** An ETA row of the default registration type, with (field number, value) pairs. */
    private static String extraInfo(long personId, long id, Object... fieldsAndValues) {
        String[] f = new String[57];
        java.util.Arrays.fill(f, "");
        f[0] = "ETA";
        f[1] = String.valueOf(personId);
        f[2] = String.valueOf(id);
        f[3] = "NHS Regs and Memships";
        f[4] = "NHS Regs and Memships";
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            f[(Integer) fieldsAndValues[i]] = (String) fieldsAndValues[i + 1];
        }
        f[56] = "20260601 232041";
        return String.join("~", f);
    }
}
