package fr.opus.contacts.impl;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.contacts.api.NotificationPreferences;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The opt-outs of update mails, in {@code CONTACTS.OPT_OUT}. A job seeker's choice is recorded by their partner's
 * people; a counsellor's by themself; an employer's by France Travail staff.
 */
@Component(service = NotificationPreferences.class)
public class PreferenceManager implements NotificationPreferences {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public PreferenceManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=CONTACTS)") MigratedSchema schema, @Reference AuditTrail audit) {
        this(dataSource, audit, Clock.systemUTC());
    }

    PreferenceManager(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean receivesUpdates(Caller by, Party party, String partyId) {
        String id = partyId(by, party, partyId);
        return jdbc.read(c -> {
            check(c, by, party, id);
            return !Notifier.optedOut(c, party.name(), id);
        });
    }

    @Override
    public boolean setReceivesUpdates(Caller by, Party party, String partyId, boolean receive) {
        String id = partyId(by, party, partyId);
        jdbc.tx(c -> {
            check(c, by, party, id);
            Jdbc.update(c, "DELETE FROM CONTACTS.OPT_OUT WHERE PARTY = ? AND PARTY_ID = ?", party.name(), id);
            if (!receive) {
                Jdbc.update(c, "INSERT INTO CONTACTS.OPT_OUT (PARTY, PARTY_ID, SET_AT, SET_BY) VALUES (?, ?, ?, ?)",
                        party.name(), id, clock.instant(), by.login());
            }
            return null;
        });
        audit.record(by, null, "notification.preference", party.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                party == Party.EMPLOYER ? null : id, true, receive ? "reçoit les nouvelles" : "ne les reçoit plus");
        return receive;
    }

    private static String partyId(Caller by, Party party, String partyId) {
        if (party == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Précisez de qui il s'agit : JOB_SEEKER,"
                    + " COUNSELLOR ou EMPLOYER.", "party");
        }
        return switch (party) {
            case COUNSELLOR -> by.id();
            case JOB_SEEKER -> required(partyId, "jobSeekerId");
            case EMPLOYER -> {
                String email = required(partyId, "email").toLowerCase(Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "L'adresse électronique de"
                            + " l'employeur est invalide : « " + email + " ».", "email");
                }
                yield email;
            }
        };
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Ce champ est obligatoire.", field);
        }
        return value.strip();
    }

    private static void check(Connection c, Caller by, Party party, String id) throws SQLException {
        switch (party) {
            case COUNSELLOR -> {
                if (!by.is(Role.COUNSELLOR, Role.ACCOUNT_MANAGER, Role.FT_AGENT, Role.REGIONAL_OPERATOR)) {
                    throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                            "Seules les personnes reçoivent des courriels de suivi.");
                }
            }
            case JOB_SEEKER -> ContactsManager.ownJobSeeker(c, by, id);
            case EMPLOYER -> {
                if (!by.is(Role.FT_AGENT, Role.REGIONAL_OPERATOR)) {
                    throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Le choix d'un employeur est"
                            + " enregistré par France Travail, à qui il s'adresse.");
                }
            }
        }
    }
}
