package health.patchwork.esr.outbound.registration;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's professional registrations, read from their ET rows through the configured {@link RegistrationMapping}.
 * The field positions are bind parameters of one query: the mapping is data, so changing it needs a restart, not a
 * migration, and no instance rewrites a shared view at start-up.
 */
@Repository
public class Registrations {

    private final JdbcClient jdbc;
    private final RegistrationMapping mapping;

    public Registrations(JdbcClient jdbc, RegistrationMapping mapping) {
        this.jdbc = jdbc;
        this.mapping = mapping;
    }

    /** Dates parsed leniently (null when the text is not a date), with the text as ESR sent it. */
    public record Registration(String personExtraInfoId, String registeringBody, String registrationNumber,
                               LocalDate registeredFrom, String registeredFromText, LocalDate expiry,
                               String expiryText, String registerPart, String recordStatus) {
    }

    /** A registration and whose it is (the person's ESR id). */
    public record Held(String personId, Registration registration) {
    }

    /**
     * Every registration ESR holds as current ({@code record_status} CURRENT), whoever it belongs to, by person: what
     * the daily {@link RegistrationNotices} check reads.
     */
    public List<Held> allCurrent() {
        return jdbc.sql("select entity_id, raw[:body], btrim(raw[:number]), raw[:from], raw[:expiry], raw[:part],"
                        + " record_status, person_id from person_extra_info"
                        + " where information_type = :type and record_status = 'CURRENT' order by person_id, entity_id")
                .param("body", mapping.bodyField() + 1).param("number", mapping.numberField() + 1)
                .param("from", mapping.registeredFromField() + 1).param("expiry", mapping.expiryField() + 1)
                .param("part", mapping.registerPartField() + 1).param("type", mapping.informationType())
                .query((rs, n) -> new Held(rs.getString(8), new Registration(rs.getString(1), rs.getString(2),
                        rs.getString(3), RegistrationDates.parse(rs.getString(4)), rs.getString(4),
                        RegistrationDates.parse(rs.getString(5)), rs.getString(5), rs.getString(6),
                        rs.getString(7))))
                .list();
    }

    /** The numbers of the person's assignments that ESR holds as current and that have not ended before {@code day}. */
    public List<String> assignmentNumbersOf(String personId, LocalDate day) {
        return jdbc.sql("select distinct assignment_number from assignment where person_id = :person"
                        + " and record_status = 'CURRENT' and assignment_number is not null"
                        + " and (effective_end is null or effective_end >= :day) order by assignment_number")
                .param("person", personId).param("day", day).query(String.class).list();
    }

    public List<Registration> of(String personId) {
        // raw[i + 1] is field i (docs/spec/README.md §6.2)
        return jdbc.sql("select entity_id, raw[:body], btrim(raw[:number]), raw[:from], raw[:expiry], raw[:part],"
                        + " record_status from person_extra_info"
                        + " where person_id = :person and information_type = :type order by entity_id")
                .param("body", mapping.bodyField() + 1).param("number", mapping.numberField() + 1)
                .param("from", mapping.registeredFromField() + 1).param("expiry", mapping.expiryField() + 1)
                .param("part", mapping.registerPartField() + 1)
                .param("person", personId).param("type", mapping.informationType())
                .query((rs, n) -> new Registration(rs.getString(1), rs.getString(2), rs.getString(3),
                        RegistrationDates.parse(rs.getString(4)), rs.getString(4),
                        RegistrationDates.parse(rs.getString(5)), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
