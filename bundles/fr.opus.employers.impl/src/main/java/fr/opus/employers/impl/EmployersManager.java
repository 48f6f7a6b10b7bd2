package fr.opus.employers.impl;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.Referrals;
import fr.opus.employers.api.ContactDraft;
import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerAct;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerDraft;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.EmployerProblemCodes;
import fr.opus.employers.api.EmployerSummary;
import fr.opus.employers.api.Employers;
import fr.opus.employers.api.NoteDraft;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.Siret;
import fr.opus.platform.api.Inputs;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Employer entries in the EMPLOYERS schema, with the offers (by SIRET, from the offers capability) and the acts on
 * them (from the contacts capability, which filters them for the caller).
 *
 * <p><b>Lazy entries.</b> An employer exists as soon as an offer carries its SIRET: until someone writes to it, its
 * page is made from its offers (the company's name and NAF code of the newest one the caller may see). The first
 * write — France Travail setting the name, anyone who may see it adding a contact or a note — stores the entry,
 * seeded the same way. Nothing listens to the feed: an offer's SIRET is enough.
 *
 * <p><b>Who sees what</b> (DOMAIN §3, "within what each convention allows"; the convention service
 * {@code consultation-offres} is checked by the REST layer's {@code @Permit}). France Travail's agents and regional
 * operators see and edit everything. A partner's people and applications see an employer while one of its offers
 * is active and not anonymous, or is managed by their partner (by its SAFIR code); otherwise 404, as if it did not
 * exist. They see the contacts while one of its active offers is nominative or managed by their partner; the
 * offers listed to them are the active non-anonymous ones and those their partner manages. Notes are shared with
 * everyone who sees the employer; a partner's people rewrite or remove only their own partner's notes and contacts.
 */
@Component(service = Employers.class)
public class EmployersManager implements Employers {

    static final String FRANCE_TRAVAIL = "France Travail";
    private static final Pattern PERSON = Pattern.compile("[\\p{L}][\\p{L}' .-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{9,15}");
    private static final Pattern NAF = Pattern.compile("([0-9]{2})\\.?([0-9]{2})([A-Z])");
    private static final int MAX_FIND = 200;
    private static final int MAX_NOTE = 2000;

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final Referrals referrals;
    private final AuditTrail audit;
    private final PartnerDirectory partners;
    private final Clock clock;

    @Activate
    public EmployersManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=EMPLOYERS)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference Referrals referrals, @Reference AuditTrail audit, @Reference PartnerDirectory partners) {
        this(dataSource, offers, referrals, audit, partners, Clock.systemUTC());
    }

    EmployersManager(DataSource dataSource, OfferCatalog offers, Referrals referrals, AuditTrail audit,
            PartnerDirectory partners, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.offers = offers;
        this.referrals = referrals;
        this.audit = audit;
        this.partners = partners;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ reads

    @Override
    public List<EmployerSummary> find(Caller by, String text, int limit) {
        String q = text == null ? "" : text.strip();
        int max = limit <= 0 ? 50 : Math.min(limit, MAX_FIND);
        String compact = Siret.normalise(q);
        List<EmployerSummary> found = new ArrayList<>();
        if (compact != null && compact.chars().allMatch(Character::isDigit) && compact.length() >= 9) {
            String siret = siret(compact, "q");
            visibleView(by, siret).ifPresent(v -> found.add(new EmployerSummary(v.siret(), v.name(), v.nafCode(),
                    v.row() == null ? null : v.row().address())));
        } else {
            if (q.length() < 2) {
                throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez au moins 2 lettres du nom de"
                        + " l'employeur, ou son SIRET (14 chiffres).", "q");
            }
            List<Row> rows = jdbc.read(c -> Jdbc.list(c, "SELECT * FROM EMPLOYERS.EMPLOYER WHERE SEARCH_NAME LIKE ?"
                    + " ESCAPE '!' ORDER BY SEARCH_NAME FETCH FIRST " + MAX_FIND + " ROWS ONLY", EmployersManager::row,
                    escapeLike(SensitiveText.fold(q)) + "%"));
            for (Row row : rows) {
                if (found.size() >= max) {
                    break;
                }
                if (!by.role().partnerBound() || access(by, offers.findBySiret(row.siret())).visible()) {
                    found.add(new EmployerSummary(row.siret(), row.name(), row.nafCode(), row.address()));
                }
            }
        }
        audit.record(by, null, "employer.search", "employer", q.length() > 40 ? q.substring(0, 40) : q, true,
                found.size() + " résultat(s)");
        return found;
    }

    @Override
    public Employer employer(Caller by, String siret) {
        View view = view(by, siret(siret, "siret"));
        Employer page = jdbc.read(c -> page(c, view, view.row()));
        audit.record(by, null, "employer.read", "employer", view.siret(), true,
                page.contacts().size() + " contact(s) montré(s)");
        return page;
    }

    @Override
    public List<EmployerOffer> offers(Caller by, String siret) {
        View view = view(by, siret(siret, "siret"));
        return summaries(view);
    }

    @Override
    public List<EmployerAct> history(Caller by, String siret) {
        View view = view(by, siret(siret, "siret"));
        List<EmployerAct> acts = new ArrayList<>();
        for (Offer offer : view.access().shown()) {
            for (Referral r : referrals.onOffer(by, offer.id())) {
                acts.add(new EmployerAct(r.id(), offer.id(), offer.content().title(), r.kind(), r.state(),
                        r.partnerId(), r.createdAt(), r.updatedAt()));
            }
        }
        acts.sort(Comparator.comparing(EmployerAct::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
        audit.record(by, null, "employer.history", "employer", view.siret(), true, acts.size() + " acte(s)");
        return acts;
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public Employer update(Caller by, String siret, EmployerDraft draft) {
        if (by.role().partnerBound()) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Seul France Travail modifie le nom, le"
                    + " code NAF et l'adresse d'un employeur ; ajoutez plutôt une note.");
        }
        String s = siret(siret, "siret");
        EmployerDraft clean = validate(draft);
        Instant now = clock.instant();
        View view = new View(s, null, access(by, offers.findBySiret(s)), clean.name(), clean.nafCode());
        Employer page = jdbc.tx(c -> {
            int changed = Jdbc.update(c, "UPDATE EMPLOYERS.EMPLOYER SET NAME = ?, NAF_CODE = ?, ADDRESS = ?,"
                    + " SEARCH_NAME = ?, UPDATED_AT = ?, UPDATED_BY = ? WHERE SIRET = ?", clean.name(),
                    clean.nafCode(), clean.address(), SensitiveText.fold(clean.name()), now, by.login(), s);
            if (changed == 0) {
                // France Travail may open the entry of an employer none of whose offers reached Opus yet
                insert(c, s, clean.name(), clean.nafCode(), clean.address(), now, by.login());
            }
            return page(c, view, row(c, s).orElseThrow());
        });
        audit.record(by, null, "employer.update", "employer", s, true, null);
        return page;
    }

    @Override
    public EmployerContact addContact(Caller by, String siret, ContactDraft draft) {
        View view = view(by, siret(siret, "siret"));
        if (!view.access().contacts()) {
            throw OpusException.forbidden(EmployerProblemCodes.CONTACTS_NOT_SHARED, "Les contacts de cet employeur"
                    + " ne sont communiqués à votre structure que s'il a une offre active nominative ou gérée par"
                    + " elle : vous ne pouvez donc pas en ajouter.");
        }
        ContactDraft clean = validate(draft);
        String organisation = organisation(by);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        EmployerContact created = jdbc.tx(c -> {
            store(c, view, now, by.login());
            Jdbc.update(c, "INSERT INTO EMPLOYERS.EMPLOYER_CONTACT (ID, SIRET, NAME, ROLE, EMAIL, PHONE, PARTNER_ID,"
                    + " ORGANISATION, ADDED_BY, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, view.siret(),
                    clean.name(), clean.role(), clean.email(), clean.phone(), partnerOf(by), organisation,
                    by.login(), now);
            return Jdbc.one(c, "SELECT * FROM EMPLOYERS.EMPLOYER_CONTACT WHERE ID = ?", EmployersManager::contact, id)
                    .orElseThrow();
        });
        audit.record(by, null, "employer.contact-add", "employer", view.siret(), true, id);
        return created;
    }

    @Override
    public void removeContact(Caller by, String siret, String contactId) {
        View view = view(by, siret(siret, "siret"));
        jdbc.tx(c -> {
            EmployerContact contact = Jdbc.one(c, "SELECT * FROM EMPLOYERS.EMPLOYER_CONTACT WHERE ID = ? AND SIRET = ?",
                    EmployersManager::contact, contactId, view.siret())
                    .filter(x -> view.access().contacts())
                    .orElseThrow(() -> OpusException.notFound(EmployerProblemCodes.CONTACT_NOT_FOUND,
                            "Aucun contact de cet employeur ne porte cet identifiant."));
            own(by, contact.partnerId(), "ce contact", "l'a ajouté");
            return Jdbc.update(c, "DELETE FROM EMPLOYERS.EMPLOYER_CONTACT WHERE ID = ?", contactId);
        });
        audit.record(by, null, "employer.contact-remove", "employer", view.siret(), true, contactId);
    }

    @Override
    public EmployerNote addNote(Caller by, String siret, NoteDraft draft) {
        View view = view(by, siret(siret, "siret"));
        String text = noteText(draft);
        String organisation = organisation(by);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        EmployerNote created = jdbc.tx(c -> {
            store(c, view, now, by.login());
            Jdbc.update(c, "INSERT INTO EMPLOYERS.EMPLOYER_NOTE (ID, SIRET, TEXT, PARTNER_ID, ORGANISATION, AUTHOR,"
                    + " WRITTEN_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, view.siret(), text,
                    partnerOf(by), organisation, by.login(), now, now);
            return note(c, view.siret(), id).orElseThrow();
        });
        audit.record(by, null, "employer.note-add", "employer", view.siret(), true, id);
        return created;
    }

    @Override
    public EmployerNote updateNote(Caller by, String siret, String noteId, NoteDraft draft) {
        View view = view(by, siret(siret, "siret"));
        Instant now = clock.instant();
        EmployerNote updated = jdbc.tx(c -> {
            EmployerNote note = note(c, view.siret(), noteId).orElseThrow(EmployersManager::noteNotFound);
            own(by, note.partnerId(), "cette note", "l'a écrite");
            String text = noteText(draft);
            Jdbc.update(c, "UPDATE EMPLOYERS.EMPLOYER_NOTE SET TEXT = ?, AUTHOR = ?, UPDATED_AT = ? WHERE ID = ?",
                    text, by.login(), now, noteId);
            return note(c, view.siret(), noteId).orElseThrow();
        });
        audit.record(by, null, "employer.note-update", "employer", view.siret(), true, noteId);
        return updated;
    }

    @Override
    public void removeNote(Caller by, String siret, String noteId) {
        View view = view(by, siret(siret, "siret"));
        jdbc.tx(c -> {
            EmployerNote note = note(c, view.siret(), noteId).orElseThrow(EmployersManager::noteNotFound);
            own(by, note.partnerId(), "cette note", "l'a écrite");
            return Jdbc.update(c, "DELETE FROM EMPLOYERS.EMPLOYER_NOTE WHERE ID = ?", noteId);
        });
        audit.record(by, null, "employer.note-remove", "employer", view.siret(), true, noteId);
    }

    // ------------------------------------------------------------------------------------------------ rules

    /**
     * What a caller may see of an employer's offers.
     *
     * @param shown    the offers listed to the caller (all for France Travail)
     * @param managed  ids of the offers the caller's partner manages
     * @param contacts whether the employer's contacts are shown to the caller
     */
    record Access(List<Offer> shown, Set<String> managed, boolean contacts) {

        boolean visible() {
            return !shown.isEmpty();
        }
    }

    /** The rules of DOMAIN §3 for the caller over an employer's offers (see the class comment). */
    Access access(Caller by, List<Offer> all) {
        if (!by.role().partnerBound()) {
            return new Access(all, Set.of(), true);
        }
        Set<String> managed = new HashSet<>();
        String safir = null;
        for (Offer o : all) {
            String manager = o.managingPartner() == null ? null : o.managingPartner().safirCode();
            if (manager != null) {
                if (safir == null) {
                    safir = partners.partner(by, by.partnerId()).safirCode(); // read once, only when needed
                }
                if (manager.equals(safir)) {
                    managed.add(o.id());
                }
            }
        }
        List<Offer> shown = all.stream()
                .filter(o -> managed.contains(o.id()) || o.visible() && o.diffusion() != Diffusion.ANONYMOUS)
                .toList();
        boolean contacts = all.stream()
                .anyMatch(o -> o.visible() && (o.diffusion() == Diffusion.NOMINATIVE || managed.contains(o.id())));
        return new Access(shown, Set.copyOf(managed), contacts);
    }

    /**
     * An employer as the caller sees it: its stored row (or {@code null}) and its offers under the caller's rights;
     * {@code name} and {@code nafCode} are the row's, else those of the newest offer the caller sees.
     */
    record View(String siret, Row row, Access access, String name, String nafCode) {
    }

    private Optional<View> visibleView(Caller by, String siret) {
        Row row = jdbc.read(c -> row(c, siret)).orElse(null);
        List<Offer> all = offers.findBySiret(siret);
        Access access = access(by, all);
        boolean exists = by.role().partnerBound() ? access.visible() : row != null || !all.isEmpty();
        if (!exists) {
            return Optional.empty();
        }
        String name = row != null ? row.name() : access.shown().stream().map(EmployersManager::companyName)
                .filter(n -> n != null).findFirst().orElse("Établissement " + siret);
        String naf = row != null ? row.nafCode() : access.shown().stream().map(o -> naf(o.content().nafCode()))
                .filter(n -> n != null).findFirst().orElse(null);
        return Optional.of(new View(siret, row, access, name, naf));
    }

    /** The employer as the caller sees it; 404 when it does not exist or the caller may not see it. */
    private View view(Caller by, String siret) {
        return visibleView(by, siret).orElseThrow(() -> OpusException.notFound(
                EmployerProblemCodes.EMPLOYER_NOT_FOUND, "Aucun employeur consultable ne porte le SIRET « " + siret
                        + " » : aucune fiche ni aucune offre que vous pouvez voir ne le cite."));
    }

    /** Stores the entry on its first write, seeded from the view; a concurrent first write wins silently. */
    private static void store(Connection c, View view, Instant now, String login) throws SQLException {
        if (view.row() != null) {
            return;
        }
        try {
            insert(c, view.siret(), view.name(), view.nafCode(), null, now, login);
        } catch (SQLException e) {
            if (!Jdbc.duplicateKey(e)) {
                throw e;
            }
        }
    }

    private static void insert(Connection c, String siret, String name, String naf, String address, Instant now,
            String login) throws SQLException {
        Jdbc.update(c, "INSERT INTO EMPLOYERS.EMPLOYER (SIRET, NAME, NAF_CODE, ADDRESS, SEARCH_NAME, CREATED_AT,"
                + " CREATED_BY, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", siret, name, naf,
                address, SensitiveText.fold(name), now, login, now, login);
    }

    /** A partner's people change only what their partner wrote; France Travail changes all. */
    private static void own(Caller by, String writerPartnerId, String what, String verb) {
        if (!by.mayActFor(writerPartnerId)) {
            throw OpusException.forbidden(EmployerProblemCodes.NOT_OWN, "Seuls France Travail et la structure qui "
                    + verb + " peuvent modifier ou supprimer " + what + ".");
        }
    }

    private String organisation(Caller by) {
        return by.role().partnerBound() ? partners.partner(by, by.partnerId()).name() : FRANCE_TRAVAIL;
    }

    private static String partnerOf(Caller by) {
        return by.role().partnerBound() ? by.partnerId() : null;
    }

    private static String companyName(Offer o) {
        return o.content().company() == null ? null : o.content().company().name();
    }

    private static List<EmployerOffer> summaries(View view) {
        return view.access().shown().stream().map(o -> new EmployerOffer(o.id(), o.content().title(), o.status(),
                o.diffusion(), o.content().contractType(),
                o.content().workplace() == null ? null : o.content().workplace().label(), o.changedAt(),
                view.access().managed().contains(o.id()))).toList();
    }

    /** The page of an employer the caller may see, with its stored row ({@code null} while not stored). */
    private static Employer page(Connection c, View view, Row row) throws SQLException {
        List<EmployerContact> contacts = view.access().contacts()
                ? Jdbc.list(c, "SELECT * FROM EMPLOYERS.EMPLOYER_CONTACT WHERE SIRET = ? ORDER BY CREATED_AT, ID",
                        EmployersManager::contact, view.siret())
                : List.of();
        List<EmployerNote> notes = Jdbc.list(c, "SELECT * FROM EMPLOYERS.EMPLOYER_NOTE WHERE SIRET = ?"
                + " ORDER BY WRITTEN_AT DESC, ID", EmployersManager::note, view.siret());
        return new Employer(view.siret(), row != null ? row.name() : view.name(),
                row != null ? row.nafCode() : view.nafCode(), row == null ? null : row.address(), row != null,
                view.access().contacts(), contacts, notes, summaries(view), row == null ? null : row.updatedAt(),
                row == null ? null : row.updatedBy());
    }

    // ------------------------------------------------------------------------------------------------ validation

    /** A valid SIRET without spaces, or 400 {@code invalid-siret} with the French reason. */
    static String siret(String value, String field) {
        String problem = Siret.problem(value);
        if (problem != null) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_SIRET, problem, field);
        }
        return Siret.normalise(value);
    }

    private static EmployerDraft validate(EmployerDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "L'employeur est absent.", null);
        }
        String name = optional(draft.name(), 200, "name");
        if (name == null || name.chars().anyMatch(Character::isISOControl)) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER, "Le nom de l'employeur est"
                    + " obligatoire (200 caractères au plus, sur une ligne).", "name");
        }
        String nafText = optional(draft.nafCode(), 10, "nafCode");
        String naf = naf(nafText);
        if (nafText != null && naf == null) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER, "Le code NAF est de la forme 62.01Z"
                    + " (quatre chiffres et une lettre) : « " + nafText + " ».", "nafCode");
        }
        return new EmployerDraft(name, naf, optional(draft.address(), 300, "address"));
    }

    /** A NAF rev. 2 code as {@code 62.01Z}, or {@code null} when absent or malformed. */
    static String naf(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = NAF.matcher(value.replace(" ", "").toUpperCase(Locale.ROOT));
        return m.matches() ? m.group(1) + "." + m.group(2) + m.group(3) : null;
    }

    private static ContactDraft validate(ContactDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Le contact est absent.", null);
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (!PERSON.matcher(name).matches()) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER, "Le nom du contact est obligatoire"
                    + " (lettres, espaces, apostrophes, points et traits d'union ; 100 caractères au plus).", "name");
        }
        String role = optional(draft.role(), 100, "role");
        SensitiveText.check(role, "role");
        String email = optional(draft.email(), 254, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER,
                    "L'adresse électronique est invalide : « " + email + " ».", "email");
        }
        String phone = optional(draft.phone(), 30, "phone");
        if (phone != null) {
            phone = phone.replaceAll("[\\s.()-]", "");
            if (!PHONE.matcher(phone).matches()) {
                throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER,
                        "Le numéro de téléphone est invalide (ex. 02 43 12 34 56 ou +33243123456).", "phone");
            }
        }
        if (email == null && phone == null) {
            throw OpusException.invalid(EmployerProblemCodes.INVALID_EMPLOYER, "Indiquez au moins l'adresse"
                    + " électronique ou le téléphone du contact.", "email");
        }
        return new ContactDraft(name, role, email, phone);
    }

    private static String noteText(NoteDraft draft) {
        String text = draft == null ? null : optional(draft.text(), MAX_NOTE, "text");
        if (text == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Le texte de la note est obligatoire ("
                    + MAX_NOTE + " caractères au plus).", "text");
        }
        SensitiveText.check(text, "text");
        return text;
    }

    private static String optional(String value, int max, String field) {
        return Inputs.optional(value, max, field);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static OpusException noteNotFound() {
        return OpusException.notFound(EmployerProblemCodes.NOTE_NOT_FOUND,
                "Aucune note sur cet employeur ne porte cet identifiant.");
    }

    // ------------------------------------------------------------------------------------------------ rows

    /** A stored employer entry. */
    record Row(String siret, String name, String nafCode, String address, Instant updatedAt, String updatedBy) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("SIRET"), rs.getString("NAME"), rs.getString("NAF_CODE"),
                rs.getString("ADDRESS"), Jdbc.instant(rs, "UPDATED_AT"), rs.getString("UPDATED_BY"));
    }

    private static Optional<Row> row(Connection c, String siret) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM EMPLOYERS.EMPLOYER WHERE SIRET = ?", EmployersManager::row, siret);
    }

    private static EmployerContact contact(ResultSet rs) throws SQLException {
        return new EmployerContact(rs.getString("ID"), rs.getString("NAME"), rs.getString("ROLE"),
                rs.getString("EMAIL"), rs.getString("PHONE"), rs.getString("PARTNER_ID"),
                rs.getString("ORGANISATION"), rs.getString("ADDED_BY"), Jdbc.instant(rs, "CREATED_AT"));
    }

    private static EmployerNote note(ResultSet rs) throws SQLException {
        return new EmployerNote(rs.getString("ID"), rs.getString("TEXT"), rs.getString("PARTNER_ID"),
                rs.getString("ORGANISATION"), rs.getString("AUTHOR"), Jdbc.instant(rs, "WRITTEN_AT"),
                Jdbc.instant(rs, "UPDATED_AT"));
    }

    private static Optional<EmployerNote> note(Connection c, String siret, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM EMPLOYERS.EMPLOYER_NOTE WHERE ID = ? AND SIRET = ?",
                EmployersManager::note, id, siret);
    }
}
