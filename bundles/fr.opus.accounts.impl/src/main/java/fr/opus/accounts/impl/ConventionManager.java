package fr.opus.accounts.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerDraft;
import fr.opus.accounts.api.ServiceInfo;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.referentials.api.ReferentialService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Partners and conventions, in {@code ACCOUNTS}. Conventions keep every version (CONVENTION_VERSION) with author,
 * date and reason; the services they may list come from the {@link ServiceDefinition} whiteboard.
 */
@Component(service = {PartnerDirectory.class, ConventionManager.class})
public class ConventionManager implements PartnerDirectory {

    static final int MAX_QUOTA = 10_000;
    private final Jdbc jdbc;
    private final ReferentialService referentials;
    private final Clock clock;
    private final Map<String, ServiceDefinition> catalogue = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Activate
    public ConventionManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference ReferentialService referentials,
            @Reference(target = "(opus.schema=ACCOUNTS)") MigratedSchema schema) {
        this(dataSource, referentials, Clock.systemUTC());
    }

    ConventionManager(DataSource dataSource, ReferentialService referentials, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.referentials = referentials;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addService(ServiceDefinition service) {
        catalogue.put(service.id(), service);
    }

    void removeService(ServiceDefinition service) {
        catalogue.remove(service.id(), service);
    }

    // ------------------------------------------------------------------------------------------------ partners

    @Override
    public Partner createPartner(Caller by, PartnerDraft draft) {
        requireOperator(by);
        validate(draft);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return jdbc.tx(c -> {
            Jdbc.update(c, "INSERT INTO ACCOUNTS.PARTNER (ID, KIND, NAME, SAFIR_CODE, REGION, STREET, POSTAL_CODE,"
                            + " CITY, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, draft.kind(), draft.name().strip(), draft.safirCode(), draft.region(), street(draft),
                    postalCode(draft), city(draft), now, now);
            AuditLog.insert(c, now, by, null, "partner.create", "partner", id, true, draft.name());
            return Store.partner(c, id).orElseThrow();
        });
    }

    @Override
    public Partner updatePartner(Caller by, String partnerId, PartnerDraft draft) {
        requireOperator(by);
        validate(draft);
        Instant now = clock.instant();
        Partner updated = jdbc.tx(c -> {
            int n = Jdbc.update(c, "UPDATE ACCOUNTS.PARTNER SET KIND = ?, NAME = ?, SAFIR_CODE = ?, REGION = ?,"
                            + " STREET = ?, POSTAL_CODE = ?, CITY = ?, UPDATED_AT = ? WHERE ID = ?",
                    draft.kind(), draft.name().strip(), draft.safirCode(), draft.region(), street(draft),
                    postalCode(draft), city(draft), now, partnerId);
            if (n == 0) {
                throw partnerNotFound();
            }
            AuditLog.insert(c, now, by, null, "partner.update", "partner", partnerId, true, draft.name());
            return Store.partner(c, partnerId).orElseThrow();
        });
        Store.changed();
        return updated;
    }

    @Override
    public Partner partner(Caller by, String partnerId) {
        if (!by.mayActFor(partnerId)) {
            throw partnerNotFound();
        }
        return jdbc.read(c -> Store.partner(c, partnerId)).orElseThrow(ConventionManager::partnerNotFound);
    }

    @Override
    public List<Partner> partners(Caller by) {
        if (by.role().partnerBound()) {
            return List.of(partner(by, by.partnerId()));
        }
        return jdbc.read(c -> Jdbc.list(c, "SELECT * FROM ACCOUNTS.PARTNER ORDER BY NAME", Store::partner));
    }

    private void validate(PartnerDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER, "La structure partenaire est absente.", null);
        }
        if (draft.kind() == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER,
                    "Le type de structure est obligatoire (MISSION_LOCALE, CAP_EMPLOI, MUNICIPAL_RELAY, OTHER).", "kind");
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER,
                    "Le nom de la structure est obligatoire (200 caractères au plus).", "name");
        }
        if (draft.safirCode() == null || !draft.safirCode().matches("[0-9]{5}")) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER,
                    "Le code SAFIR est composé de 5 chiffres.", "safirCode");
        }
        if (draft.region() == null || referentials.region(draft.region()).isEmpty()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER,
                    "La région doit être un code INSEE de région (par exemple 84).", "region");
        }
        if (draft.address() != null) {
            if (draft.address().postalCode() != null && !draft.address().postalCode().matches("[0-9]{5}")) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER,
                        "Le code postal est composé de 5 chiffres.", "address.postalCode");
            }
            if (length(draft.address().street()) > 200 || length(draft.address().city()) > 100) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_PARTNER, "L'adresse est trop longue.",
                        "address");
            }
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String street(PartnerDraft d) {
        return d.address() == null ? null : d.address().street();
    }

    private static String postalCode(PartnerDraft d) {
        return d.address() == null ? null : d.address().postalCode();
    }

    private static String city(PartnerDraft d) {
        return d.address() == null ? null : d.address().city();
    }

    // --------------------------------------------------------------------------------------------- conventions

    @Override
    public Convention draftConvention(Caller by, String partnerId, ConventionTerms terms, String reason) {
        requireOperator(by);
        String why = requireReason(reason);
        validate(terms, Set.of());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return jdbc.tx(c -> {
            if (Store.partner(c, partnerId).isEmpty()) {
                throw partnerNotFound();
            }
            Jdbc.update(c, "INSERT INTO ACCOUNTS.CONVENTION (ID, PARTNER_ID, STATUS, ENDS_ON, ACCOUNT_QUOTA,"
                            + " FOLLOW_UP_MANAGER, FT_CORRESPONDENT, VERSION, UPDATED_AT)"
                            + " VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, 0, ?)",
                    id, partnerId, terms.endsOn(), terms.accountQuota(), terms.followUpManager(),
                    terms.ftCorrespondent(), now);
            writeServices(c, id, terms.services());
            return version(c, by, id, now, why, "convention.draft");
        });
    }

    @Override
    public Convention amendConvention(Caller by, String conventionId, ConventionTerms terms, String reason) {
        requireOperator(by);
        String why = requireReason(reason);
        Instant now = clock.instant();
        Convention amended = jdbc.tx(c -> {
            Store.ConventionRow row = lockConvention(c, conventionId);
            if (row.status() == ConventionStatus.TERMINATED || !live(row, now)) {
                throw OpusException.conflict(AccountProblemCodes.CONVENTION_STATE,
                        "Une convention résiliée ne peut plus être modifiée.", null);
            }
            validate(terms, Store.services(c, conventionId));
            Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET ENDS_ON = ?, ACCOUNT_QUOTA = ?, FOLLOW_UP_MANAGER = ?,"
                            + " FT_CORRESPONDENT = ? WHERE ID = ?", terms.endsOn(), terms.accountQuota(),
                    terms.followUpManager(), terms.ftCorrespondent(), conventionId);
            Jdbc.update(c, "DELETE FROM ACCOUNTS.CONVENTION_SERVICE WHERE CONVENTION_ID = ?", conventionId);
            writeServices(c, conventionId, terms.services());
            return version(c, by, conventionId, now, why, "convention.amend");
        });
        Store.changed();
        return amended;
    }

    @Override
    public Convention changeServices(Caller by, String conventionId, Set<String> enable, Set<String> disable,
            String reason) {
        requireOperator(by);
        String why = requireReason(reason);
        Set<String> on = serviceIds(enable);
        Set<String> off = serviceIds(disable);
        Set<String> both = new TreeSet<>(on);
        both.retainAll(off);
        if (!both.isEmpty()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "Un service ne peut pas être à la fois ajouté et retiré : " + String.join(", ", both) + ".",
                    "services");
        }
        Instant now = clock.instant();
        Switch result = jdbc.tx(c -> {
            // the row lock serialises concurrent switches: each applies its change to the services as they stand
            Store.ConventionRow row = lockConvention(c, conventionId);
            if (row.status() == ConventionStatus.TERMINATED || !live(row, now)) {
                throw OpusException.conflict(AccountProblemCodes.CONVENTION_STATE,
                        "Une convention résiliée ne peut plus être modifiée.", null);
            }
            Set<String> listed = Store.services(c, conventionId);
            Set<String> added = new TreeSet<>(on);
            added.removeAll(listed);
            Set<String> unknown = new TreeSet<>(added);
            unknown.removeAll(catalogue.keySet());
            if (!unknown.isEmpty()) {
                throw unknownServices(unknown);
            }
            Set<String> removed = new TreeSet<>(off);
            removed.retainAll(listed);
            if (added.isEmpty() && removed.isEmpty()) {
                return new Switch(toConvention(c, row), false);
            }
            for (String service : removed) {
                Jdbc.update(c, "DELETE FROM ACCOUNTS.CONVENTION_SERVICE WHERE CONVENTION_ID = ? AND SERVICE_ID = ?",
                        conventionId, service);
            }
            writeServices(c, conventionId, added);
            return new Switch(version(c, by, conventionId, now, why, "convention.services"), true);
        });
        if (result.changed()) {
            Store.changed();
        }
        return result.convention();
    }

    /** What {@link #changeServices} made: the convention, and whether it is a new version. */
    private record Switch(Convention convention, boolean changed) {
    }

    private static Set<String> serviceIds(Set<String> ids) {
        if (ids == null) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                        "L'identifiant du service est vide.", "services");
            }
            out.add(id.strip());
        }
        return out;
    }

    @Override
    public Convention signConvention(Caller by, String conventionId, LocalDate signedOn, String reason) {
        requireOperator(by);
        String why = requireReason(reason);
        if (signedOn == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION, "La date de signature est obligatoire.",
                    "signedOn");
        }
        Instant now = clock.instant();
        if (signedOn.isAfter(LocalDate.ofInstant(now, Store.PARIS))) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "La date de signature ne peut pas être dans le futur : la convention prend effet à sa signature.",
                    "signedOn");
        }
        Convention signed = jdbc.tx(c -> {
            Store.ConventionRow row = lockConvention(c, conventionId);
            if (row.status() != ConventionStatus.DRAFT) {
                throw OpusException.conflict(AccountProblemCodes.CONVENTION_STATE,
                        "Seule une convention en projet peut être signée.", null);
            }
            if (row.endsOn() != null && row.endsOn().isBefore(signedOn)) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                        "La convention se termine avant sa date de signature.", "signedOn");
            }
            Store.ConventionRow current = Store.currentConvention(c, row.partnerId()).orElse(null);
            if (current != null && current.inForceAt(now)) {
                throw OpusException.conflict(AccountProblemCodes.CONVENTION_IN_FORCE,
                        "Cette structure a déjà une convention en vigueur : résiliez-la ou modifiez-la.", null);
            }
            if (current != null) {
                // its notice or end date is past: record the termination the clock already made
                Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET STATUS = 'TERMINATED' WHERE ID = ?", current.id());
            }
            // the partner's counsellors still switched on hold seats of the new convention from its first day: the
            // quota is a hard limit, so a convention they would overflow is not signed until the RGC makes room
            int holders = Jdbc.one(c, "SELECT COUNT(*) FROM ACCOUNTS.ACCOUNT WHERE PARTNER_ID = ?"
                    + " AND ROLE = 'COUNSELLOR' AND STATUS <> 'DEACTIVATED'", rs -> rs.getInt(1), row.partnerId())
                    .orElse(0);
            if (holders > row.accountQuota()) {
                throw OpusException.conflict(AccountProblemCodes.QUOTA_REACHED, "La structure a encore " + holders
                        + " comptes de conseillers actifs ou en attente, pour un quota de " + row.accountQuota()
                        + " dans cette convention : désactivez-en " + (holders - row.accountQuota())
                        + " ou augmentez le quota avant de la signer.", "accountQuota");
            }
            Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET STATUS = 'ACTIVE', SIGNED_ON = ?, SEATS_USED = ?"
                    + " WHERE ID = ?", signedOn, holders, conventionId);
            return version(c, by, conventionId, now, why, "convention.sign");
        });
        Store.changed();
        return signed;
    }

    @Override
    public Convention terminateConvention(Caller by, String conventionId, Instant noticeEndsAt, String reason) {
        requireOperator(by);
        String why = requireReason(reason);
        if (noticeEndsAt == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "La fin du préavis est obligatoire (l'instant où tous les accès cessent).", "noticeEndsAt");
        }
        Instant now = clock.instant();
        Convention terminated = jdbc.tx(c -> {
            Store.ConventionRow row = lockConvention(c, conventionId);
            if (row.status() == ConventionStatus.TERMINATED) {
                throw OpusException.conflict(AccountProblemCodes.CONVENTION_STATE, "Cette convention est déjà résiliée.",
                        null);
            }
            boolean immediate = !noticeEndsAt.isAfter(now) || row.status() == ConventionStatus.DRAFT;
            Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET STATUS = ?, NOTICE_ENDS_AT = ? WHERE ID = ?",
                    immediate ? ConventionStatus.TERMINATED : ConventionStatus.TERMINATING,
                    immediate ? now : noticeEndsAt, conventionId);
            return version(c, by, conventionId, now, why, "convention.terminate");
        });
        Store.changed();
        return terminated;
    }

    @Override
    public Convention convention(Caller by, String conventionId) {
        return jdbc.read(c -> {
            Store.ConventionRow row = Store.convention(c, conventionId).orElseThrow(ConventionManager::conventionNotFound);
            if (!by.mayActFor(row.partnerId())) {
                throw conventionNotFound();
            }
            return toConvention(c, row);
        });
    }

    @Override
    public List<Convention> conventions(Caller by, String partnerId) {
        if (!by.mayActFor(partnerId)) {
            throw partnerNotFound();
        }
        return jdbc.read(c -> {
            if (Store.partner(c, partnerId).isEmpty()) {
                throw partnerNotFound();
            }
            List<Convention> out = new ArrayList<>();
            for (Store.ConventionRow row : Jdbc.list(c, "SELECT " + Store.CONVENTION_COLUMNS
                    + " FROM ACCOUNTS.CONVENTION WHERE PARTNER_ID = ? ORDER BY UPDATED_AT", Store::conventionRow,
                    partnerId)) {
                out.add(toConvention(c, row));
            }
            return out;
        });
    }

    @Override
    public List<ConventionChange> history(Caller by, String conventionId) {
        convention(by, conventionId); // existence and partner check
        if (by.role().partnerBound() && !by.is(Role.ACCOUNT_MANAGER)) {
            throw OpusException.forbidden(fr.opus.platform.api.security.SecurityProblemCodes.FORBIDDEN,
                    "L'historique de la convention est réservé à l'opérateur et au RGC.");
        }
        return jdbc.read(c -> Jdbc.list(c, "SELECT * FROM ACCOUNTS.CONVENTION_VERSION WHERE CONVENTION_ID = ?"
                + " ORDER BY VERSION", rs -> new ConventionChange(rs.getInt("VERSION"), Jdbc.instant(rs, "CHANGED_AT"),
                rs.getString("AUTHOR"), rs.getString("REASON"), parse(rs.getString("SNAPSHOT"))), conventionId));
    }

    @Override
    public List<ServiceInfo> serviceCatalogue() {
        return catalogue.values().stream().map(s -> new ServiceInfo(s.id(), s.label(), s.description()))
                .sorted(Comparator.comparing(ServiceInfo::id)).toList();
    }

    /** Labels a convention's services, marking those whose capability is not installed now. */
    Convention toConvention(Connection c, Store.ConventionRow row) throws SQLException {
        List<ConventionService> services = new ArrayList<>();
        for (String id : Store.services(c, row.id())) {
            ServiceDefinition definition = catalogue.get(id);
            services.add(new ConventionService(id, definition == null ? id : definition.label(), definition != null));
        }
        ConventionStatus status = row.status();
        if ((status == ConventionStatus.ACTIVE || status == ConventionStatus.TERMINATING)
                && !row.inForceAt(clock.instant())) {
            status = ConventionStatus.TERMINATED;
        }
        return new Convention(row.id(), row.partnerId(), status, row.signedOn(), row.endsOn(), row.noticeEndsAt(),
                services, row.accountQuota(), row.seatsUsed(), row.rgcAccountId(), row.followUpManager(),
                row.ftCorrespondent(), row.version(), row.updatedAt());
    }

    private boolean live(Store.ConventionRow row, Instant now) {
        return row.status() == ConventionStatus.DRAFT || row.inForceAt(now);
    }

    /**
     * Bumps the version, stamps it and keeps a snapshot of the convention as it now stands; {@code by} is
     * {@code null} when Opus itself makes the change (author and audit actor {@value AuditLog#SYSTEM}).
     */
    Convention version(Connection c, Caller by, String conventionId, Instant now, String reason, String action)
            throws SQLException {
        return recordVersion(c, by, conventionId, now, reason, action, this::toConvention, json);
    }

    /** Shared with the account manager, which versions the convention when the RGC changes. */
    static Convention recordVersion(Connection c, Caller by, String conventionId, Instant now, String reason,
            String action, ConventionView view, ObjectMapper json) throws SQLException {
        Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET VERSION = VERSION + 1, UPDATED_AT = ? WHERE ID = ?", now,
                conventionId);
        Store.ConventionRow row = Store.convention(c, conventionId).orElseThrow();
        Convention convention = view.render(c, row);
        String snapshot;
        try {
            snapshot = json.writeValueAsString(convention);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String author = by == null ? AuditLog.SYSTEM : by.login();
        Jdbc.update(c, "INSERT INTO ACCOUNTS.CONVENTION_VERSION (CONVENTION_ID, VERSION, CHANGED_AT, AUTHOR, REASON,"
                + " SNAPSHOT) VALUES (?, ?, ?, ?, ?, ?)", conventionId, row.version(), now, author, reason, snapshot);
        if (by == null) {
            AuditLog.insertSystem(c, now, action, "convention", conventionId, reason);
        } else {
            AuditLog.insert(c, now, by, null, action, "convention", conventionId, true, reason);
        }
        return convention;
    }

    @FunctionalInterface
    interface ConventionView {
        Convention render(Connection c, Store.ConventionRow row) throws SQLException;
    }

    private Convention parse(String snapshot) {
        try {
            return json.readValue(snapshot, Convention.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable convention snapshot", e);
        }
    }

    private static Store.ConventionRow lockConvention(Connection c, String id) throws SQLException {
        // an update takes the row's exclusive lock for the rest of the transaction
        if (Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET VERSION = VERSION WHERE ID = ?", id) == 0) {
            throw conventionNotFound();
        }
        return Store.convention(c, id).orElseThrow();
    }

    private void validate(ConventionTerms terms, Set<String> alreadyListed) {
        if (terms == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION, "Les termes de la convention sont absents.",
                    null);
        }
        if (terms.accountQuota() < 0 || terms.accountQuota() > MAX_QUOTA) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "Le nombre de comptes actifs autorisés (annexe 2, RGC exclu) va de 0 à " + MAX_QUOTA + ".",
                    "accountQuota");
        }
        Set<String> unknown = new TreeSet<>();
        for (String service : terms.services()) {
            if (!catalogue.containsKey(service) && !alreadyListed.contains(service)) {
                unknown.add(service);
            }
        }
        if (!unknown.isEmpty()) {
            throw unknownServices(unknown);
        }
        if (length(terms.followUpManager()) > 200 || length(terms.ftCorrespondent()) > 200) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "Le responsable du suivi et le correspondant France Travail tiennent en 200 caractères.", null);
        }
    }

    private OpusException unknownServices(Set<String> unknown) {
        return OpusException.invalid(AccountProblemCodes.UNKNOWN_SERVICE,
                "Service(s) inconnu(s) ou dont le module n'est pas installé : " + String.join(", ", unknown)
                        + ". Services disponibles : " + String.join(", ", new TreeSet<>(catalogue.keySet())) + ".",
                "services");
    }

    private static void writeServices(Connection c, String conventionId, Set<String> services) throws SQLException {
        for (String service : services) {
            Jdbc.update(c, "INSERT INTO ACCOUNTS.CONVENTION_SERVICE (CONVENTION_ID, SERVICE_ID) VALUES (?, ?)",
                    conventionId, service);
        }
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_CONVENTION,
                    "Le motif de la modification est obligatoire (500 caractères au plus).", "reason");
        }
        SensitiveText.check(reason, "reason");
        return reason.strip();
    }

    static void requireOperator(Caller by) {
        if (by == null || !by.is(Role.REGIONAL_OPERATOR)) {
            throw OpusException.forbidden(fr.opus.platform.api.security.SecurityProblemCodes.FORBIDDEN,
                    "Seul un opérateur régional peut faire cette opération.");
        }
    }

    static OpusException partnerNotFound() {
        return OpusException.notFound(AccountProblemCodes.PARTNER_NOT_FOUND, "Aucune structure partenaire ne porte cet"
                + " identifiant.");
    }

    static OpusException conventionNotFound() {
        return OpusException.notFound(AccountProblemCodes.CONVENTION_NOT_FOUND, "Aucune convention ne porte cet"
                + " identifiant.");
    }
}
