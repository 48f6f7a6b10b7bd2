package fr.opus.contacts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentations;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.platform.api.Inputs;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.mail.MailStatus;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.ServiceDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Presentations of candidates (DOMAIN §4), all or nothing in one transaction: the presentation with its PDF list,
 * one referral per candidate ({@code SENT}), the employer's mail with the list attached, each candidate's notice and
 * the events. Mails leave through the outbox after commit, each under a key naming the presentation and its
 * recipient: whatever is retried — the request (same {@code Idempotency-Key}), the sending after a crash — nothing
 * is sent twice.
 */
@Component(service = Presentations.class)
public class PresentationManager implements Presentations {

    static final int MAX_CANDIDATES = 100;
    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final Jdbc jdbc;
    private final OfferCatalog offers;
    private final AuditTrail audit;
    private final PartnerDirectory partners;
    private final MailOutbox mail;
    private final EventOutbox events;
    private final Notifier notifier;
    private final ContactsManager contacts;
    private final Clock clock;

    @Activate
    public PresentationManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=CONTACTS)") MigratedSchema schema, @Reference OfferCatalog offers,
            @Reference AuditTrail audit, @Reference PartnerDirectory partners, @Reference MailOutbox mail,
            @Reference EventOutbox events, @Reference OfferDocuments documents, @Reference ContactsManager contacts) {
        this(dataSource, offers, audit, partners, mail, events, new Notifier(mail, events, offers, documents),
                contacts, Clock.systemUTC());
    }

    PresentationManager(DataSource dataSource, OfferCatalog offers, AuditTrail audit, PartnerDirectory partners,
            MailOutbox mail, EventOutbox events, Notifier notifier, ContactsManager contacts, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.offers = offers;
        this.audit = audit;
        this.partners = partners;
        this.mail = mail;
        this.events = events;
        this.notifier = notifier;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Presentation present(Caller by, String offerId, List<String> jobSeekerIds, String message,
            String requestKey) {
        String partnerId = ContactsManager.actingPartner(by);
        if (offerId == null || offerId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "L'identifiant de l'offre est obligatoire (ex. 201WLXK).", "offerId");
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String id : jobSeekerIds == null ? List.<String>of() : jobSeekerIds) {
            if (id != null && !id.isBlank()) {
                candidates.add(id.strip());
            }
        }
        if (candidates.isEmpty() || candidates.size() > MAX_CANDIDATES) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Choisissez de 1 à " + MAX_CANDIDATES
                    + " demandeurs d'emploi à présenter.", "jobSeekerIds");
        }
        String note = Inputs.screened(message, 1000, "message");
        String key = requestKey == null || requestKey.isBlank() ? UUID.randomUUID().toString() : requestKey.strip();
        if (!REQUEST_KEY.matcher(key).matches()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "La clé d'idempotence compte de 8 à 100"
                    + " caractères parmi lettres, chiffres et . _ : -", "Idempotency-Key");
        }
        Optional<String> earlier = jdbc.read(c -> presentationByKey(c, partnerId, key));
        if (earlier.isPresent()) {
            return repeated(by, earlier.get(), offerId, candidates);
        }
        Offer offer = contacts.actionableOffer(offerId);
        ReferralKind kind = offer.preselection() == null ? ReferralKind.CONTACT : ReferralKind.RELATION;
        if (kind == ReferralKind.RELATION && !by.mayUse(ServiceDefinition.DELEGATION_MER)) {
            throw OpusException.conflict(ContactProblemCodes.ACT_NOT_ALLOWED, "L'offre " + offer.id() + " fait"
                    + " l'objet d'une présélection et la convention de votre structure ne délègue pas la mise en"
                    + " relation : convoquez les candidats plutôt que de les présenter.", "offerId");
        }
        ContactsManager.checkAct(by, offer, kind);
        Optional<Notifier.EmployerRecipient> to = Notifier.employerRecipient(offer);
        if (to.isEmpty()) {
            throw OpusException.conflict(ContactProblemCodes.ACT_NOT_ALLOWED, "L'offre " + offer.id() + " n'indique"
                    + " ni l'adresse de l'employeur, ni structure gestionnaire, ni correspondant France Travail :"
                    + " personne ne pourrait recevoir la liste.", "offerId");
        }
        String recipient = to.get().kind();
        Account counsellor = contacts.counsellor(by);
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        try {
            jdbc.tx(c -> {
                List<JobSeeker> people = new ArrayList<>();
                for (String jobSeekerId : candidates) {
                    people.add(ContactsManager.ownJobSeeker(c, by, jobSeekerId));
                }
                String partnerName = partners.partner(by, partnerId).name();
                String presentedBy = (counsellor == null ? by.login() : counsellor.firstName() + " "
                        + counsellor.lastName()) + ", " + partnerName
                        + (counsellor == null ? "" : " (" + counsellor.email() + ")");
                String offerLine = "Offre " + offer.id() + " – " + Optional.ofNullable(offer.content().title())
                        .orElse("");
                byte[] pdf = CandidateListDocument.render(offer.id(), offerLine, presentedBy, note, now, people);
                String employerKey = "presentation:" + id + ":employer";
                Jdbc.update(c, "INSERT INTO CONTACTS.PRESENTATION (ID, OFFER_ID, PARTNER_ID, COUNSELLOR_ID,"
                        + " CREATED_AT, REQUEST_KEY, RECIPIENT, EMPLOYER_MAIL, MESSAGE, DOCUMENT) VALUES (?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)", id, offer.id(), partnerId, by.id(), now, key, recipient, employerKey,
                        note, pdf);
                int seq = 0;
                for (JobSeeker person : people) {
                    String referralId = UUID.randomUUID().toString();
                    ContactsManager.insertReferral(c, referralId, kind, offer, person, by, counsellor,
                            ReferralState.SENT, now, id);
                    ContactsManager.event(c, notifier, referralId, now, by, null, ReferralState.SENT, null,
                            "Présenté(e) à l'employeur dans une liste de " + people.size() + " candidat(s).");
                    String noticeKey = null;
                    if (person.channel() == Channel.EMAIL && person.email() != null) {
                        noticeKey = "presentation:" + id + ":candidate:" + person.id();
                        mail.enqueue(c, new Mail(person.email(), "Votre candidature a été transmise à l'employeur",
                                "Bonjour " + person.firstName() + " " + person.lastName() + ",\n\n"
                                        + "Votre conseiller a transmis votre candidature à " + offerLine.replace(
                                                "Offre", "l'offre") + ". L'employeur a reçu vos nom et coordonnées et"
                                        + " pourra vous contacter directement.\n\nVotre conseiller : " + presentedBy
                                        + "\n", noticeKey));
                    }
                    Jdbc.update(c, "INSERT INTO CONTACTS.PRESENTATION_CANDIDATE (PRESENTATION_ID, SEQ,"
                            + " JOB_SEEKER_ID, REFERRAL_ID, NOTICE_MAIL) VALUES (?, ?, ?, ?, ?)", id, ++seq,
                            person.id(), referralId, noticeKey);
                }
                mail.enqueue(c, new Mail(to.get().address(), "Candidats pour votre offre " + offer.id(),
                        to.get().greeting(offer.id())
                        + "\n\n" + presentedBy + " vous présente " + people.size() + " candidat(s) pour l'"
                        + offerLine.substring(0, 1).toLowerCase(java.util.Locale.FRENCH) + offerLine.substring(1) + ".\n"
                        + (note == null ? "" : "\n« " + note + " »\n")
                        + "\nLa liste jointe donne leurs coordonnées : vous pouvez les contacter directement, en"
                        + " rappelant la référence " + offer.id() + ". Chaque candidat a été informé de cette"
                        + " transmission.\n\n" + CandidateListDocument.NOTICE + "\n\nCordialement,\nOpus, pour"
                        + " France Travail et ses partenaires\n", employerKey,
                        List.of(new Mail.Attachment("candidats-" + offer.id() + ".pdf", "application/pdf", pdf))));
                events.publish(c, new DomainEvent("presentation:" + id, "presentation.sent", now, Set.of(partnerId),
                        id, Map.of("presentationId", id, "offerId", offer.id(), "candidates", people.size(),
                                "recipient", recipient)));
                return null;
            });
        } catch (OpusException e) {
            throw e;
        } catch (RuntimeException e) {
            // the same key sent twice at once: the other request made it
            Optional<String> raced = jdbc.read(c -> presentationByKey(c, partnerId, key));
            if (raced.isPresent()) {
                return repeated(by, raced.get(), offerId, candidates);
            }
            throw e;
        }
        audit.record(by, null, "presentation.create", "presentation", id, true, offer.id() + " "
                + candidates.size() + " candidat(s)");
        return presentation(by, id);
    }

    /**
     * The same request again (same {@code Idempotency-Key}): the first answer, nothing sent again. A key reused for a
     * different request is refused rather than silently answered with another presentation.
     */
    private Presentation repeated(Caller by, String presentationId, String offerId, Set<String> candidates) {
        Presentation first = presentation(by, presentationId);
        Set<String> presented = new LinkedHashSet<>();
        first.candidates().forEach(c -> presented.add(c.jobSeekerId()));
        if (!first.offerId().equals(offerId.strip()) || !presented.equals(candidates)) {
            throw OpusException.conflict(ContactProblemCodes.IDEMPOTENCY_KEY_REUSED, "Cette clé d'idempotence a déjà"
                    + " servi à une autre présentation (offre " + first.offerId() + ", " + presented.size()
                    + " candidat(s)) : choisissez une nouvelle clé pour une nouvelle demande.", "Idempotency-Key");
        }
        return first;
    }

    private static Optional<String> presentationByKey(Connection c, String partnerId, String key)
            throws SQLException {
        return Jdbc.one(c, "SELECT ID FROM CONTACTS.PRESENTATION WHERE PARTNER_ID = ? AND REQUEST_KEY = ?",
                rs -> rs.getString(1), partnerId, key);
    }

    @Override
    public Presentation presentation(Caller by, String presentationId) {
        Presentation found = jdbc.read(c -> visible(c, by, presentationId));
        audit.record(by, null, "presentation.read", "presentation", presentationId, true, null);
        return found;
    }

    @Override
    public List<Presentation> onOffer(Caller by, String offerId) {
        boolean all = !by.role().partnerBound() || ContactsManager.manages(offers, partners, by, offerId);
        List<String> ids = jdbc.read(c -> all
                ? Jdbc.list(c, "SELECT ID FROM CONTACTS.PRESENTATION WHERE OFFER_ID = ? ORDER BY CREATED_AT",
                        rs -> rs.getString(1), offerId)
                : Jdbc.list(c, "SELECT ID FROM CONTACTS.PRESENTATION WHERE OFFER_ID = ? AND PARTNER_ID = ?"
                        + " ORDER BY CREATED_AT", rs -> rs.getString(1), offerId, by.partnerId()));
        List<Presentation> out = new ArrayList<>();
        for (String id : ids) {
            out.add(jdbc.read(c -> load(c, id)).orElseThrow());
        }
        audit.record(by, null, "presentation.list", "offer", offerId, true, out.size() + " présentation(s)");
        return out;
    }

    @Override
    public byte[] document(Caller by, String presentationId) {
        jdbc.read(c -> visible(c, by, presentationId));
        byte[] pdf = jdbc.read(c -> Jdbc.one(c, "SELECT DOCUMENT FROM CONTACTS.PRESENTATION WHERE ID = ?",
                rs -> rs.getBytes(1), presentationId)).orElseThrow();
        audit.record(by, null, "presentation.document", "presentation", presentationId, true, null);
        return pdf;
    }

    @Override
    public int retryFailed(Caller by, String presentationId) {
        Presentation p = presentation(by, presentationId);
        if (!by.mayActFor(p.partnerId())) {
            throw notFound(); // the managing partner reads another partner's presentation; it does not act on it
        }
        int retried = 0;
        List<String> keys = new ArrayList<>();
        keys.add("presentation:" + p.id() + ":employer");
        p.candidates().forEach(candidate -> keys.add("presentation:" + p.id() + ":candidate:"
                + candidate.jobSeekerId()));
        for (String key : keys) {
            retried += mail.retry(key) ? 1 : 0;
        }
        audit.record(by, null, "presentation.retry", "presentation", presentationId, true, retried + " courriel(s)");
        return retried;
    }

    private Presentation visible(Connection c, Caller by, String id) throws SQLException {
        Presentation p = load(c, id).orElseThrow(PresentationManager::notFound);
        if (!by.mayActFor(p.partnerId()) && !ContactsManager.manages(offers, partners, by, p.offerId())) {
            throw notFound();
        }
        return p;
    }

    private static OpusException notFound() {
        return OpusException.notFound(ContactProblemCodes.PRESENTATION_NOT_FOUND,
                "Aucune présentation de votre structure ne porte cet identifiant.");
    }

    private Optional<Presentation> load(Connection c, String id) throws SQLException {
        record Head(String id, String offerId, String partnerId, String counsellorId, Instant createdAt,
                String recipient, String employerMail) {
        }
        Optional<Head> head = Jdbc.one(c, "SELECT ID, OFFER_ID, PARTNER_ID, COUNSELLOR_ID, CREATED_AT, RECIPIENT,"
                + " EMPLOYER_MAIL FROM CONTACTS.PRESENTATION WHERE ID = ?", rs -> new Head(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, "CREATED_AT"),
                        rs.getString(6), rs.getString(7)), id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        record Row(String jobSeekerId, String referralId, String firstName, String lastName, Channel channel,
                String noticeKey) {
        }
        List<Row> rows = Jdbc.list(c, "SELECT P.JOB_SEEKER_ID, P.REFERRAL_ID, J.FIRST_NAME, J.LAST_NAME, J.CHANNEL,"
                + " P.NOTICE_MAIL FROM CONTACTS.PRESENTATION_CANDIDATE P JOIN CONTACTS.JOB_SEEKER J"
                + " ON J.ID = P.JOB_SEEKER_ID WHERE P.PRESENTATION_ID = ? ORDER BY P.SEQ", (ResultSet rs) -> new Row(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Channel.valueOf(rs.getString(5)), rs.getString(6)), id);
        List<String> keys = new ArrayList<>();
        keys.add(head.get().employerMail());
        rows.stream().map(Row::noticeKey).filter(k -> k != null).forEach(keys::add);
        Map<String, MailStatus> status = mail.status(keys);
        List<Presentation.Candidate> candidates = new ArrayList<>();
        for (Row r : rows) {
            candidates.add(new Presentation.Candidate(r.jobSeekerId(), r.referralId(), r.firstName(), r.lastName(),
                    r.channel(), r.noticeKey() == null
                            ? new Presentation.Delivery(Presentation.Delivery.Status.TO_RELAY, 0, null, null)
                            : delivery(status.get(r.noticeKey()))));
        }
        Head h = head.get();
        return Optional.of(new Presentation(h.id(), h.offerId(), h.partnerId(), h.counsellorId(), h.createdAt(),
                h.recipient(), delivery(status.get(h.employerMail())), candidates));
    }

    private static Presentation.Delivery delivery(MailStatus status) {
        if (status == null) {
            return new Presentation.Delivery(Presentation.Delivery.Status.PENDING, 0, null, null);
        }
        return new Presentation.Delivery(Presentation.Delivery.Status.valueOf(status.state().name()),
                status.attempts(), status.sentAt(), status.lastError());
    }
}
