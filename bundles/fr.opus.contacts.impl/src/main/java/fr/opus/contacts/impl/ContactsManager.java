package fr.opus.contacts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.platform.api.Inputs;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Job seekers and the acts done for them on offers, in the CONTACTS schema. A partner's people only ever reach
 * their partner's job seekers and referrals (another partner's answer 404, as if they did not exist); France Travail
 * staff read all. Reads of job seekers are audited; every state change is a row of the referral's history.
 */
@Component(service = {JobSeekers.class, Referrals.class, ContactsManager.class})
public class ContactsManager implements JobSeekers, Referrals {

    static final String SYSTEM = "system";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}' .-]{0,99}");
    /** France Travail's identifier: 7 digits then a letter or digit ({@code 1234567A}), sometimes 8 + 2 characters. */
    private static final Pattern FT_IDENTIFIER = Pattern.compile("[0-9]{7}[0-9A-Z]|[0-9]{8}[0-9A-Z]{2,3}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{9,15}");
    private static final int MAX_FIND = 200;

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final AuditTrail audit;
    private final PartnerDirectory partners;
    private final AccountDirectory accounts;
    private final Notifier notifier;
    private final Clock clock;
    private final Map<String, KnownAccount> counsellors = new ConcurrentHashMap<>();

    @Activate
    public ContactsManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=CONTACTS)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference AuditTrail audit, @Reference PartnerDirectory partners, @Reference AccountDirectory accounts,
            @Reference MailOutbox mail, @Reference EventOutbox events, @Reference OfferDocuments documents) {
        this(dataSource, offers, audit, partners, accounts, new Notifier(mail, events, offers, documents),
                Clock.systemUTC());
    }

    ContactsManager(DataSource dataSource, OfferCatalog offers, AuditTrail audit, PartnerDirectory partners,
            AccountDirectory accounts, Notifier notifier, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.offers = offers;
        this.audit = audit;
        this.partners = partners;
        this.accounts = accounts;
        this.notifier = notifier;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ job seekers

    @Override
    public JobSeeker create(Caller by, JobSeekerDraft draft) {
        String partnerId = actingPartner(by);
        JobSeekerDraft clean = validate(draft);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        JobSeeker created = jdbc.tx(c -> {
            try {
                Jdbc.update(c, "INSERT INTO CONTACTS.JOB_SEEKER (ID, PARTNER_ID, FIRST_NAME, LAST_NAME, FT_IDENTIFIER,"
                        + " EMAIL, PHONE, POSTAL_ADDRESS, CHANNEL, NOTE, CREATED_AT, CREATED_BY, UPDATED_AT,"
                        + " SEARCH_NAME) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, partnerId,
                        clean.firstName(), clean.lastName(), clean.ftIdentifier(), clean.email(), clean.phone(),
                        clean.postalAddress(), clean.channel(), clean.note(), now, by.login(), now, searchName(clean));
            } catch (SQLException e) {
                if (Jdbc.duplicateKey(e)) {
                    throw OpusException.conflict(ContactProblemCodes.INVALID_JOB_SEEKER, "Un demandeur d'emploi de"
                            + " votre structure porte déjà l'identifiant France Travail « " + clean.ftIdentifier()
                            + " ».", "ftIdentifier");
                }
                throw e;
            }
            return jobSeeker(c, id).orElseThrow();
        });
        audit.record(by, null, "job-seeker.create", "job-seeker", id, true, null);
        return created;
    }

    @Override
    public JobSeeker update(Caller by, String jobSeekerId, JobSeekerDraft draft) {
        Instant now = clock.instant();
        JobSeeker updated = jdbc.tx(c -> {
            ownJobSeeker(c, by, jobSeekerId); // whose first: another partner's learns nothing from a bad input
            JobSeekerDraft clean = validate(draft);
            try {
                Jdbc.update(c, "UPDATE CONTACTS.JOB_SEEKER SET FIRST_NAME = ?, LAST_NAME = ?, FT_IDENTIFIER = ?,"
                        + " EMAIL = ?, PHONE = ?, POSTAL_ADDRESS = ?, CHANNEL = ?, NOTE = ?, UPDATED_AT = ?,"
                        + " SEARCH_NAME = ? WHERE ID = ?", clean.firstName(), clean.lastName(), clean.ftIdentifier(),
                        clean.email(), clean.phone(), clean.postalAddress(), clean.channel(), clean.note(), now,
                        searchName(clean), jobSeekerId);
            } catch (SQLException e) {
                if (Jdbc.duplicateKey(e)) {
                    throw OpusException.conflict(ContactProblemCodes.INVALID_JOB_SEEKER, "Un autre demandeur"
                            + " d'emploi de votre structure porte déjà cet identifiant France Travail.",
                            "ftIdentifier");
                }
                throw e;
            }
            return jobSeeker(c, jobSeekerId).orElseThrow();
        });
        audit.record(by, null, "job-seeker.update", "job-seeker", jobSeekerId, true, null);
        return updated;
    }

    @Override
    public JobSeeker get(Caller by, String jobSeekerId) {
        JobSeeker found = jdbc.read(c -> visibleJobSeeker(c, by, jobSeekerId));
        audit.record(by, null, "job-seeker.read", "job-seeker", jobSeekerId, true, null);
        return found;
    }

    @Override
    public List<JobSeeker> find(Caller by, String text, int limit) {
        String partnerId = actingPartner(by);
        int max = limit <= 0 ? 50 : Math.min(limit, MAX_FIND);
        String prefix = text == null ? "" : SensitiveText.fold(text.strip());
        List<JobSeeker> found = jdbc.read(c -> Jdbc.list(c, "SELECT * FROM CONTACTS.JOB_SEEKER WHERE PARTNER_ID = ?"
                + " AND (SEARCH_NAME LIKE ? ESCAPE '!' OR FT_IDENTIFIER = ?) ORDER BY SEARCH_NAME FETCH FIRST " + max
                + " ROWS ONLY", ContactsManager::jobSeeker, partnerId, escapeLike(prefix) + "%",
                prefix.toUpperCase(Locale.ROOT)));
        audit.record(by, null, "job-seeker.search", "partner", partnerId, true, found.size() + " résultat(s)");
        return found;
    }

    @Override
    public JobSeekerFile file(Caller by, String jobSeekerId) {
        JobSeekerFile file = jdbc.read(c -> {
            JobSeeker person = visibleJobSeeker(c, by, jobSeekerId);
            List<Referral> referrals = new ArrayList<>();
            for (ReferralRow row : Jdbc.list(c, "SELECT * FROM CONTACTS.REFERRAL WHERE JOB_SEEKER_ID = ?"
                    + " ORDER BY CREATED_AT DESC", ContactsManager::referralRow, jobSeekerId)) {
                referrals.add(withHistory(c, row));
            }
            return new JobSeekerFile(person, referrals);
        });
        audit.record(by, null, "job-seeker.file", "job-seeker", jobSeekerId, true, null);
        return file;
    }

    // ------------------------------------------------------------------------------------------------ referrals

    @Override
    public Referral create(Caller by, String offerId, String jobSeekerId, ReferralKind kind, boolean send,
            String comment) {
        actingPartner(by);
        if (kind == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le type d'acte est obligatoire : CONTACT (mise en contact), RELATION (mise en relation) ou"
                            + " SUMMONS (convocation).", "kind");
        }
        if (offerId == null || offerId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "L'identifiant de l'offre est obligatoire (ex. 201WLXK).", "offerId");
        }
        if (jobSeekerId == null || jobSeekerId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le demandeur d'emploi est obligatoire.", "jobSeekerId");
        }
        String note = Inputs.screened(comment, 1000, "comment");
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Account counsellor = counsellor(by);
        Referral created = jdbc.tx(c -> {
            JobSeeker person = ownJobSeeker(c, by, jobSeekerId);
            Offer offer = actionableOffer(offerId);
            checkAct(by, offer, kind);
            ReferralState state = send ? ReferralState.SENT : ReferralState.PROPOSED;
            insertReferral(c, id, kind, offer, person, by, counsellor, state, now, null);
            event(c, notifier, id, now, by, null, state, null, note);
            return referral(c, id).orElseThrow();
        });
        audit.record(by, null, "referral.create", "referral", id, true, kind + " " + offerId);
        return created;
    }

    @Override
    public Referral move(Caller by, String referralId, ReferralState to, RejectionReason reason, String comment) {
        if (to == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "L'état visé est obligatoire.", "state");
        }
        String note = Inputs.screened(comment, 1000, "comment");
        Instant now = clock.instant();
        Referral moved = jdbc.tx(c -> {
            ReferralRow row = visibleReferral(c, by, referralId);
            if (!row.state().mayMoveTo(to)) {
                throw OpusException.conflict(ContactProblemCodes.INVALID_TRANSITION, "Une " + row.kind().label()
                        + " « " + row.state().label() + " » ne peut pas passer à « " + to.label() + " »"
                        + allowed(row.state()) + ".", "state");
            }
            if (to == ReferralState.NOT_RETAINED && reason == null) {
                throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                        "Le motif de non-retenue est obligatoire (liste des motifs : GET /api/v1/referrals/reasons).",
                        "reason");
            }
            if (to != ReferralState.NOT_RETAINED && reason != null) {
                throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                        "Un motif ne s'indique que pour un candidat non retenu.", "reason");
            }
            if (to.open() && !row.state().open()) {
                actionableOffer(row.offerId()); // reopening: only on an offer still open
            }
            String key = to.open() ? openKey(row.offerId(), row.jobSeekerId()) : null;
            int changed;
            try {
                changed = Jdbc.update(c, "UPDATE CONTACTS.REFERRAL SET STATE = ?, REASON = ?, UPDATED_AT = ?,"
                        + " OPEN_KEY = ? WHERE ID = ? AND STATE = ?", to, reason, now, key, referralId, row.state());
            } catch (SQLException e) {
                if (Jdbc.duplicateKey(e)) {
                    throw OpusException.conflict(ContactProblemCodes.DUPLICATE_REFERRAL, "Un autre acte est déjà en"
                            + " cours pour ce demandeur d'emploi sur cette offre.", "state");
                }
                throw e;
            }
            if (changed == 0) {
                throw OpusException.conflict(ContactProblemCodes.INVALID_TRANSITION,
                        "L'acte vient d'être modifié par quelqu'un d'autre : rechargez-le.", "state");
            }
            event(c, notifier, referralId, now, by, row.state(), to, reason, note);
            if (to == ReferralState.HIRED) {
                // hired: the job seeker's other open acts are overtaken
                for (ReferralRow other : Jdbc.list(c, "SELECT * FROM CONTACTS.REFERRAL WHERE JOB_SEEKER_ID = ?"
                        + " AND OPEN_KEY IS NOT NULL AND ID <> ?", ContactsManager::referralRow, row.jobSeekerId(),
                        referralId)) {
                    close(c, notifier, other.id(), other.state(), ReferralState.OBSOLETE, now,
                            "Le candidat a été recruté sur l'offre " + row.offerId() + ".");
                }
            }
            return referral(c, referralId).orElseThrow();
        });
        audit.record(by, null, "referral.move", "referral", referralId, true, moved.state().name());
        return moved;
    }

    @Override
    public Referral referral(Caller by, String referralId) {
        Referral found = jdbc.read(c -> withHistory(c, Jdbc.one(c, "SELECT * FROM CONTACTS.REFERRAL WHERE ID = ?",
                ContactsManager::referralRow, referralId)
                // its partner's people and France Travail; the managing partner reads every application on its offer
                .filter(r -> by.mayActFor(r.partnerId()) || manages(by, r.offerId()))
                .orElseThrow(ContactsManager::referralNotFound)));
        if (!by.mayActFor(found.partnerId())) {
            audit.record(by, null, "referral.read-managed", "referral", referralId, true, found.offerId());
        }
        return found;
    }

    /**
     * Whether the caller's partner manages the offer (DOMAIN §3): France Travail's feed names it, by its SAFIR code,
     * in the offer's {@code managingPartner}; it then sees every application on the offer, from every partner.
     */
    private boolean manages(Caller by, String offerId) {
        return manages(offers, partners, by, offerId);
    }

    static boolean manages(OfferCatalog offers, PartnerDirectory partners, Caller by, String offerId) {
        if (!by.role().partnerBound()) {
            return false;
        }
        Offer offer = offers.find(offerId).orElse(null);
        if (offer == null || offer.managingPartner() == null || offer.managingPartner().safirCode() == null) {
            return false;
        }
        return offer.managingPartner().safirCode().equals(partners.partner(by, by.partnerId()).safirCode());
    }

    @Override
    public List<Referral> onOffer(Caller by, String offerId) {
        boolean managing = manages(by, offerId);
        if (managing) {
            audit.record(by, null, "referral.list-managed", "offer", offerId, true, null);
        }
        return jdbc.read(c -> {
            List<ReferralRow> rows = by.role().partnerBound() && !managing
                    ? Jdbc.list(c, "SELECT * FROM CONTACTS.REFERRAL WHERE OFFER_ID = ? AND PARTNER_ID = ?"
                            + " ORDER BY CREATED_AT", ContactsManager::referralRow, offerId, by.partnerId())
                    : Jdbc.list(c, "SELECT * FROM CONTACTS.REFERRAL WHERE OFFER_ID = ? ORDER BY CREATED_AT",
                            ContactsManager::referralRow, offerId);
            List<Referral> referrals = new ArrayList<>();
            for (ReferralRow row : rows) {
                referrals.add(withHistory(c, row));
            }
            return referrals;
        });
    }

    // ------------------------------------------------------------------------------------------------ rules

    /**
     * The act must fit the offer (DOMAIN §4): a mise en contact on an offer without preselection; on a preselected
     * offer, a mise en relation for partners whose convention delegates it, a convocation for the others. An
     * anonymous offer only takes a mise en contact when someone receives the applications (its France Travail
     * correspondent or managing partner).
     */
    static void checkAct(Caller by, Offer offer, ReferralKind kind) {
        boolean preselected = offer.preselection() != null;
        boolean delegated = by.mayUse(ServiceDefinition.DELEGATION_MER);
        switch (kind) {
            case CONTACT -> {
                if (preselected) {
                    throw notAllowed("L'offre " + offer.id() + " fait l'objet d'une présélection : pas de mise en"
                            + " contact directe, faites " + (delegated ? "une mise en relation." : "une convocation."));
                }
                if (offer.diffusion() == fr.opus.offers.api.Diffusion.ANONYMOUS && offer.correspondent() == null
                        && offer.managingPartner() == null) {
                    throw notAllowed("L'offre " + offer.id() + " est anonyme et n'indique ni correspondant France"
                            + " Travail ni structure gestionnaire : le candidat n'aurait personne à qui postuler.");
                }
            }
            case RELATION -> {
                if (!delegated) {
                    throw OpusException.forbidden(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION, "La convention de"
                            + " votre structure ne délègue pas la mise en relation (service « "
                            + ServiceDefinition.DELEGATION_MER + " ») : faites une convocation.");
                }
                if (!preselected) {
                    throw notAllowed("L'offre " + offer.id() + " est sans présélection : faites une mise en contact,"
                            + " le candidat postule directement.");
                }
            }
            case SUMMONS -> {
                if (!preselected) {
                    throw notAllowed("La convocation ne concerne que les offres avec présélection ; l'offre "
                            + offer.id() + " n'en a pas : faites une mise en contact.");
                }
                if (delegated) {
                    throw notAllowed("La convention de votre structure délègue la mise en relation : proposez"
                            + " directement le candidat (mise en relation) plutôt qu'une convocation.");
                }
            }
        }
    }

    private static OpusException notAllowed(String detail) {
        return OpusException.conflict(ContactProblemCodes.ACT_NOT_ALLOWED, detail, "kind");
    }

    Offer actionableOffer(String offerId) {
        Offer offer = offerId == null ? null : offers.find(offerId.strip()).orElse(null);
        if (offer == null || !offer.visible()) {
            throw OpusException.notFound(OfferProblemCodes.OFFER_NOT_FOUND, "Offre « " + offerId
                    + " » introuvable, suspendue ou retirée : aucun acte n'est possible sur elle.");
        }
        return offer;
    }

    private static String allowed(ReferralState from) {
        if (from.next().isEmpty()) {
            return " : cet état est définitif";
        }
        return " (possible : " + from.next().stream().map(ReferralState::label).collect(Collectors.joining(", "))
                + ")";
    }

    /** The partner a partner's person acts for; others (France Travail) do not act for a partner's job seekers. */
    static String actingPartner(Caller by) {
        if (!by.is(Role.COUNSELLOR, Role.ACCOUNT_MANAGER)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "Seuls les conseillers et le RGC d'une structure partenaire agissent pour ses demandeurs d'emploi.");
        }
        return by.partnerId();
    }

    // ------------------------------------------------------------------------------------------------ validation

    private static JobSeekerDraft validate(JobSeekerDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Le demandeur d'emploi est absent.", null);
        }
        String first = name(draft.firstName(), "firstName", "Le prénom");
        String last = name(draft.lastName(), "lastName", "Le nom");
        String ftId = Inputs.optional(draft.ftIdentifier(), 20, "ftIdentifier");
        if (ftId != null) {
            ftId = ftId.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!FT_IDENTIFIER.matcher(ftId).matches()) {
                throw OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER, "L'identifiant France Travail"
                        + " est de la forme 1234567A (7 chiffres puis un chiffre ou une lettre) : « " + ftId + " ».",
                        "ftIdentifier");
            }
        }
        String email = Inputs.optional(draft.email(), 254, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER,
                    "L'adresse électronique est invalide : « " + email + " ».", "email");
        }
        String phone = Inputs.optional(draft.phone(), 30, "phone");
        if (phone != null) {
            phone = phone.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phone).matches()) {
                throw OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER,
                        "Le numéro de téléphone est invalide (ex. 06 12 34 56 78 ou +33612345678).", "phone");
            }
        }
        String address = Inputs.optional(draft.postalAddress(), 300, "postalAddress");
        Channel channel = draft.channel() == null ? Channel.EMAIL : draft.channel();
        boolean reachable = switch (channel) {
            case EMAIL -> email != null;
            case SMS, PHONE -> phone != null;
            case POST -> address != null;
        };
        if (!reachable) {
            throw OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER, "Le canal préféré est le "
                    + channel.label() + " : indiquez " + switch (channel) {
                        case EMAIL -> "l'adresse électronique.";
                        case SMS, PHONE -> "le numéro de téléphone.";
                        case POST -> "l'adresse postale.";
                    }, "channel");
        }
        String note = Inputs.screened(draft.note(), 1000, "note");
        return new JobSeekerDraft(first, last, ftId, email, phone, address, channel, note);
    }

    private static String name(String value, String field, String what) {
        String v = value == null ? "" : value.strip();
        if (!NAME.matcher(v).matches()) {
            throw OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER, what + " est obligatoire (lettres,"
                    + " espaces, apostrophes et traits d'union ; 100 caractères au plus).", field);
        }
        return v;
    }

    private static String searchName(JobSeekerDraft d) {
        return SensitiveText.fold(d.lastName() + " " + d.firstName());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    // ------------------------------------------------------------------------------------------------ rows

    private record ReferralRow(String id, ReferralKind kind, String offerId, String jobSeekerId, String partnerId,
            String counsellorId, ReferralState state, RejectionReason reason, Instant createdAt, Instant updatedAt) {
    }

    static String openKey(String offerId, String jobSeekerId) {
        return offerId + "/" + jobSeekerId;
    }

    private static JobSeeker jobSeeker(ResultSet rs) throws SQLException {
        return new JobSeeker(rs.getString("ID"), rs.getString("PARTNER_ID"), rs.getString("FIRST_NAME"),
                rs.getString("LAST_NAME"), rs.getString("FT_IDENTIFIER"), rs.getString("EMAIL"),
                rs.getString("PHONE"), rs.getString("POSTAL_ADDRESS"), Channel.valueOf(rs.getString("CHANNEL")),
                rs.getString("NOTE"), Jdbc.instant(rs, "CREATED_AT"), rs.getString("CREATED_BY"),
                Jdbc.instant(rs, "UPDATED_AT"));
    }

    static Optional<JobSeeker> jobSeeker(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM CONTACTS.JOB_SEEKER WHERE ID = ?", ContactsManager::jobSeeker, id);
    }

    /** The job seeker if the caller's partner owns it; 404 otherwise. */
    static JobSeeker ownJobSeeker(Connection c, Caller by, String id) throws SQLException {
        String partnerId = actingPartner(by);
        return jobSeeker(c, id).filter(j -> j.partnerId().equals(partnerId))
                .orElseThrow(ContactsManager::jobSeekerNotFound);
    }

    /** The job seeker if the caller may read it: its partner's people, or France Travail. */
    private static JobSeeker visibleJobSeeker(Connection c, Caller by, String id) throws SQLException {
        return jobSeeker(c, id).filter(j -> by.mayActFor(j.partnerId()))
                .orElseThrow(ContactsManager::jobSeekerNotFound);
    }

    private static OpusException jobSeekerNotFound() {
        return OpusException.notFound(ContactProblemCodes.JOB_SEEKER_NOT_FOUND,
                "Aucun demandeur d'emploi de votre structure ne porte cet identifiant.");
    }

    private static ReferralRow referralRow(ResultSet rs) throws SQLException {
        String reason = rs.getString("REASON");
        return new ReferralRow(rs.getString("ID"), ReferralKind.valueOf(rs.getString("KIND")),
                rs.getString("OFFER_ID"), rs.getString("JOB_SEEKER_ID"), rs.getString("PARTNER_ID"),
                rs.getString("COUNSELLOR_ID"), ReferralState.valueOf(rs.getString("STATE")),
                reason == null ? null : RejectionReason.valueOf(reason), Jdbc.instant(rs, "CREATED_AT"),
                Jdbc.instant(rs, "UPDATED_AT"));
    }

    private static ReferralRow visibleReferral(Connection c, Caller by, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM CONTACTS.REFERRAL WHERE ID = ?", ContactsManager::referralRow, id)
                .filter(r -> by.mayActFor(r.partnerId()))
                .orElseThrow(ContactsManager::referralNotFound);
    }

    private static OpusException referralNotFound() {
        return OpusException.notFound(ContactProblemCodes.REFERRAL_NOT_FOUND,
                "Aucun acte de votre structure ne porte cet identifiant.");
    }

    private static Optional<Referral> referral(Connection c, String id) throws SQLException {
        Optional<ReferralRow> row = Jdbc.one(c, "SELECT * FROM CONTACTS.REFERRAL WHERE ID = ?",
                ContactsManager::referralRow, id);
        return row.isEmpty() ? Optional.empty() : Optional.of(withHistory(c, row.get()));
    }

    private static Referral withHistory(Connection c, ReferralRow r) throws SQLException {
        List<ReferralEvent> history = Jdbc.list(c, "SELECT * FROM CONTACTS.REFERRAL_EVENT WHERE REFERRAL_ID = ?"
                + " ORDER BY SEQ", rs -> {
                    String from = rs.getString("FROM_STATE");
                    String reason = rs.getString("REASON");
                    return new ReferralEvent(Jdbc.instant(rs, "OCCURRED_AT"), rs.getString("ACTOR"),
                            from == null ? null : ReferralState.valueOf(from),
                            ReferralState.valueOf(rs.getString("TO_STATE")),
                            reason == null ? null : RejectionReason.valueOf(reason), rs.getString("COMMENT"));
                }, r.id());
        return new Referral(r.id(), r.kind(), r.offerId(), r.jobSeekerId(), r.partnerId(), r.counsellorId(),
                r.state(), r.reason(), r.createdAt(), r.updatedAt(), history);
    }

    /**
     * Closes an open referral on Opus's own initiative ({@code system}): only if it is still in state {@code from},
     * so that a concurrent move by a person wins. Whether it was closed.
     */
    static boolean close(Connection c, Notifier notifier, String referralId, ReferralState from, ReferralState to,
            Instant now, String why) throws SQLException {
        if (Jdbc.update(c, "UPDATE CONTACTS.REFERRAL SET STATE = ?, UPDATED_AT = ?, OPEN_KEY = NULL"
                + " WHERE ID = ? AND STATE = ?", to, now, referralId, from) == 0) {
            return false;
        }
        int seq = history(c, referralId, now, SYSTEM, from, to, null, why);
        notifier.changed(c, new Notifier.Change(referralId, seq, from, to, null, SYSTEM, now));
        return true;
    }

    /** A line of the referral's history, and who must hear of it. */
    static void event(Connection c, Notifier notifier, String referralId, Instant at, Caller by, ReferralState from,
            ReferralState to, RejectionReason reason, String comment) throws SQLException {
        int seq = history(c, referralId, at, by.login(), from, to, reason, comment);
        notifier.changed(c, new Notifier.Change(referralId, seq, from, to, reason, by.id(), at));
    }

    private static int history(Connection c, String referralId, Instant at, String actor, ReferralState from,
            ReferralState to, RejectionReason reason, String comment) throws SQLException {
        int seq = Jdbc.one(c, "SELECT COALESCE(MAX(SEQ), 0) + 1 FROM CONTACTS.REFERRAL_EVENT WHERE REFERRAL_ID = ?",
                rs -> rs.getInt(1), referralId).orElse(1);
        Jdbc.update(c, "INSERT INTO CONTACTS.REFERRAL_EVENT (REFERRAL_ID, SEQ, OCCURRED_AT, ACTOR, FROM_STATE,"
                + " TO_STATE, REASON, COMMENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", referralId, seq, at, actor, from, to,
                reason, comment);
        return seq;
    }

    /**
     * Inserts a new open referral, with what notifications and indicators need: the counsellor's name and address,
     * the presentation it belongs to, and whether the offer is preselected or lets candidates reach the employer
     * directly. 409 when the job seeker already has an open act on the offer.
     */
    static void insertReferral(Connection c, String id, ReferralKind kind, Offer offer, JobSeeker person, Caller by,
            Account counsellor, ReferralState state, Instant now, String presentationId) throws SQLException {
        boolean direct = offer.preselection() == null && offer.diffusion() == fr.opus.offers.api.Diffusion.NOMINATIVE;
        try {
            Jdbc.update(c, "INSERT INTO CONTACTS.REFERRAL (ID, KIND, OFFER_ID, JOB_SEEKER_ID, PARTNER_ID,"
                    + " COUNSELLOR_ID, STATE, CREATED_AT, UPDATED_AT, OPEN_KEY, COUNSELLOR_NAME, COUNSELLOR_EMAIL,"
                    + " PRESENTATION_ID, OFFER_PRESELECTED, OFFER_DIRECT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)", id, kind, offer.id(), person.id(), person.partnerId(), by.id(), state, now, now,
                    openKey(offer.id(), person.id()),
                    counsellor == null ? null : counsellor.firstName() + " " + counsellor.lastName(),
                    counsellor == null ? null : counsellor.email(), presentationId,
                    offer.preselection() != null ? 1 : 0, direct ? 1 : 0);
        } catch (SQLException e) {
            if (Jdbc.duplicateKey(e)) {
                throw OpusException.conflict(ContactProblemCodes.DUPLICATE_REFERRAL, person.firstName() + " "
                        + person.lastName() + " a déjà un acte en cours sur l'offre " + offer.id()
                        + " : faites-le avancer plutôt que d'en créer un autre.", "jobSeekerId");
            }
            throw e;
        }
    }

    /**
     * The account of the person acting, for their name and address in notifications; none for an application. Kept
     * ten minutes, so that a counsellor's day of acts does not read (and audit) their own account each time.
     */
    Account counsellor(Caller by) {
        if (!by.is(Role.COUNSELLOR, Role.ACCOUNT_MANAGER)) {
            return null;
        }
        Instant now = clock.instant();
        KnownAccount known = counsellors.get(by.id());
        if (known != null && known.until().isAfter(now)) {
            return known.account();
        }
        try {
            Account account = accounts.account(by, by.id());
            if (counsellors.size() > 10_000) {
                counsellors.clear();
            }
            counsellors.put(by.id(), new KnownAccount(account, now.plusSeconds(600)));
            return account;
        } catch (OpusException e) {
            return null; // told nothing rather than refused: the act matters more than its notifications
        }
    }

    private record KnownAccount(Account account, Instant until) {
    }
}
