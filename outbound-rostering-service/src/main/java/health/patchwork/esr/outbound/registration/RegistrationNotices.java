package health.patchwork.esr.outbound.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import health.patchwork.esr.support.leader.ScheduledJob;
import health.patchwork.esr.support.notification.EventType;
import health.patchwork.esr.support.notification.Notification;
import health.patchwork.esr.support.notification.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily check of the registrations the outbound feed carries: each one that has reached a threshold before its
 * expiry date is told as {@code registration.expiring}, each one past it as {@code registration.expired}. Every
 * notice has a once-key naming the registration, the threshold and the expiry date, so a re-run (another instance
 * after a change of leader, a restart) tells nothing twice, and a renewal (a new expiry date) starts afresh. Only the
 * nearest threshold reached is told: a registration first seen 20 days before its expiry gets the 30-day notice,
 * not the 90-day one as well. Bodies carry ids, the registering body and dates, never a name.
 */
@Component
public class RegistrationNotices {

    private static final Logger log = LoggerFactory.getLogger(RegistrationNotices.class);

    private final Registrations registrations;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final RegistrationNoticeSettings settings;
    private final Clock clock;

    public RegistrationNotices(Registrations registrations, Notifications notifications,
                               TransactionTemplate transactions, RegistrationNoticeSettings settings, Clock clock) {
        this.registrations = registrations;
        this.notifications = notifications;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** How many notices of each kind one check published (once-keys told before are not counted as new). */
    public record Told(int expiring, int expired) {
    }

    /** Today's check, UK date. */
    public void check() {
        Told told = checkOn(LocalDate.now(clock.withZone(ScheduledJob.UK)));
        log.info("Registration check: {} expiring and {} expired notices due (each told once only)",
                told.expiring(), told.expired());
    }

    /**
     * The check as on {@code today}, in one transaction: every notice of the run is queued, or none is. A notice told
     * before (its once-key is in the outbox) is published again as a no-op, so the counts are of notices due, not
     * of new ones.
     */
    Told checkOn(LocalDate today) {
        boolean expiring = notifications.wanted(EventType.REGISTRATION_EXPIRING);
        boolean expired = notifications.wanted(EventType.REGISTRATION_EXPIRED);
        if (!expiring && !expired) {
            return new Told(0, 0);
        }
        List<Integer> thresholds = settings.thresholds().stream().sorted().toList();
        return transactions.execute(status -> {
            int toldExpiring = 0;
            int toldExpired = 0;
            for (Registrations.Held held : registrations.allCurrent()) {
                LocalDate expiry = held.registration().expiry();
                if (expiry == null) {
                    continue; // no date to count from (the text is kept on the registration for people to read)
                }
                long daysLeft = ChronoUnit.DAYS.between(today, expiry);
                if (daysLeft < 0) {
                    if (expired && -daysLeft <= settings.expiredWithinDays()) {
                        notifications.publish(notice(EventType.REGISTRATION_EXPIRED, held, today, null)
                                .once(key(held, null)));
                        toldExpired++;
                    }
                    continue;
                }
                Optional<Integer> nearest = thresholds.stream().filter(days -> daysLeft <= days).findFirst();
                if (expiring && nearest.isPresent()) {
                    notifications.publish(notice(EventType.REGISTRATION_EXPIRING, held, today, nearest.get())
                            .once(key(held, nearest.get())));
                    toldExpiring++;
                }
            }
            return new Told(toldExpiring, toldExpired);
        });
    }

    private Notification notice(EventType type, Registrations.Held held, LocalDate today, Integer daysBefore) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("workerId", held.personId());
        data.put("assignmentNumbers", registrations.assignmentNumbersOf(held.personId(), today));
        data.put("registrationId", held.registration().personExtraInfoId());
        data.put("body", held.registration().registeringBody());
        data.put("expiryDate", held.registration().expiry().toString());
        if (daysBefore != null) {
            data.put("daysBefore", daysBefore);
        }
        return Notification.of(type, "worker:" + held.personId(), data);
    }

    /** The registration (its ET row's id), its expiry date and the threshold: a new expiry date is a new notice. */
    private static String key(Registrations.Held held, Integer daysBefore) {
        return "registration:" + held.registration().personExtraInfoId() + ":" + held.registration().expiry()
                + (daysBefore == null ? "" : ":" + daysBefore + "d");
    }
}
