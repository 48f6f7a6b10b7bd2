package fr.opus.contacts.impl;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the three parties of an act what became of it (DOMAIN §4), inside the transaction of the change: mails go
 * through the platform's outbox and a {@code referral.state-changed} event through the event outbox, so both exist
 * if and only if the change commits, and each is sent once (its key names the referral and the history line).
 *
 * <p>Who is told what:
 * <ul>
 *   <li>the <b>job seeker</b>, by mail when their channel is e-mail: the offer document on a mise en contact; that
 *       their application was transmitted (mise en relation) or that they are summoned (convocation) — information
 *       the law requires when their data reach a third party, sent regardless of any opt-out; then the updates (CV
 *       asked, interview, hire, not retained with the reason only when it may be shared, offer closed), which they
 *       may decline;</li>
 *   <li>the <b>counsellor</b> who acted, of every change made by someone else or by Opus itself, unless they
 *       declined;</li>
 *   <li>the <b>employer</b>, of a candidate proposed (mise en relation) and of a proposed candidate withdrawn,
 *       unless they declined; the employer's address comes from the offer, else the managing partner or France
 *       Travail's correspondent relays.</li>
 * </ul>
 * A presentation's referrals are announced by the presentation's own mails, not here.
 */
final class Notifier {

    static final String JOB_SEEKER = "JOB_SEEKER";
    static final String COUNSELLOR = "COUNSELLOR";
    static final String EMPLOYER = "EMPLOYER";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    private final MailOutbox mail;
    private final EventOutbox events;
    private final OfferCatalog offers;
    private final OfferDocuments documents;

    Notifier(MailOutbox mail, EventOutbox events, OfferCatalog offers, OfferDocuments documents) {
        this.mail = mail;
        this.events = events;
        this.offers = offers;
        this.documents = documents;
    }

    /** What changed: one line of a referral's history. */
    record Change(String referralId, int seq, ReferralState from, ReferralState to, RejectionReason reason,
            String actorId, Instant at) {
    }

    /** The referral's facts notifications need. */
    private record Facts(ReferralKind kind, String offerId, String jobSeekerId, String partnerId, String counsellorId,
            String counsellorName, String counsellorEmail, String presentationId) {
    }

    void changed(Connection c, Change change) throws SQLException {
        Facts r = Jdbc.one(c, "SELECT KIND, OFFER_ID, JOB_SEEKER_ID, PARTNER_ID, COUNSELLOR_ID, COUNSELLOR_NAME,"
                + " COUNSELLOR_EMAIL, PRESENTATION_ID FROM CONTACTS.REFERRAL WHERE ID = ?", rs -> new Facts(
                        ReferralKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), change.referralId())
                .orElseThrow();
        publish(c, change, r);
        JobSeeker person = ContactsManager.jobSeeker(c, r.jobSeekerId()).orElseThrow();
        Offer offer = offers.find(r.offerId()).orElse(null);
        String title = offer == null ? "" : " – " + nonNull(offer.content().title());
        String offerLabel = "l'offre " + r.offerId() + title;
        String key = "referral:" + change.referralId() + ":" + change.seq() + ":";
        boolean transmitted = change.to() == ReferralState.SENT
                && (change.from() == null || change.from() == ReferralState.PROPOSED);

        // ---- the job seeker
        if (person.channel() == Channel.EMAIL && person.email() != null && r.presentationId() == null) {
            String hello = "Bonjour " + person.firstName() + " " + person.lastName() + ",\n\n";
            String signature = signature(r);
            if (transmitted) {
                switch (r.kind()) {
                    case CONTACT -> mail.enqueue(c, new Mail(person.email(), "Une offre d'emploi pour vous : "
                            + r.offerId() + title, hello + "Votre conseiller vous propose " + offerLabel + ".\n"
                            + "Vous trouverez en pièce jointe la fiche de l'offre et la manière de postuler :"
                            + " présentez votre candidature en rappelant la référence " + r.offerId() + ".\n"
                            + signature, key + "job-seeker", offerDocument(r.offerId())));
                    case RELATION -> mail.enqueue(c, new Mail(person.email(), "Votre candidature a été transmise"
                            + " à l'employeur", hello + "Votre candidature à " + offerLabel + " a été transmise à"
                            + " l'employeur, qui pourra vous contacter directement.\n" + signature,
                            key + "job-seeker"));
                    case SUMMONS -> mail.enqueue(c, new Mail(person.email(), "Convocation pour l'offre "
                            + r.offerId(), hello + "Votre conseiller a proposé votre candidature à " + offerLabel
                            + ". France Travail, qui présélectionne les candidats de cette offre, vous convoquera"
                            + " pour un entretien de sélection.\n" + signature, key + "job-seeker"));
                }
            } else if (!optedOut(c, JOB_SEEKER, person.id())) {
                Optional<String> update = jobSeekerUpdate(change, offerLabel);
                if (update.isPresent()) {
                    mail.enqueue(c, new Mail(person.email(), "Votre candidature à l'offre " + r.offerId() + " : "
                            + change.to().label(), hello + update.get() + "\n" + signature
                            + "\nVous pouvez demander à votre conseiller de ne plus recevoir ces nouvelles.",
                            key + "job-seeker"));
                }
            }
        }

        // ---- the counsellor, when someone else (or Opus) moved their act
        if (r.counsellorEmail() != null && !r.counsellorId().equals(change.actorId())
                && !optedOut(c, COUNSELLOR, r.counsellorId())) {
            StringBuilder text = new StringBuilder("Bonjour " + nonNull(r.counsellorName()) + ",\n\n")
                    .append("La ").append(r.kind().label()).append(" de ").append(person.firstName()).append(' ')
                    .append(person.lastName()).append(" sur ").append(offerLabel).append(" est passée de « ")
                    .append(change.from() == null ? "nouvelle" : change.from().label()).append(" » à « ")
                    .append(change.to().label()).append(" » le ").append(DAY.format(change.at())).append(".\n");
            if (change.reason() != null) {
                text.append("Motif : ").append(change.reason().label()).append(".\n");
            }
            if (person.channel() != Channel.EMAIL) {
                text.append("Prévenez-le par ").append(person.channel().label()).append(", son canal préféré.\n");
            }
            text.append("\nVous pouvez désactiver ces courriels dans vos préférences Opus.\n");
            mail.enqueue(c, new Mail(r.counsellorEmail(), "Opus : " + r.kind().label() + " de " + person.firstName()
                    + " " + person.lastName() + " – " + change.to().label(), text.toString(), key + "counsellor"));
        }

        // ---- the employer: a candidate proposed to them, or a proposed candidate withdrawn
        if (r.kind() == ReferralKind.RELATION && r.presentationId() == null && offer != null) {
            Optional<EmployerRecipient> employer = employerRecipient(offer);
            boolean withdrawn = change.to() == ReferralState.WITHDRAWN && change.from() != ReferralState.PROPOSED;
            // the proposal is the act itself; only the withdrawal notice may be declined
            if (employer.isPresent() && (transmitted || withdrawn && !optedOut(c, EMPLOYER,
                    employer.get().address().toLowerCase(Locale.ROOT)))) {
                String text = employer.get().greeting(r.offerId()) + "\n\n" + (transmitted
                        ? "Un candidat vous est proposé pour " + offerLabel + " : " + person.firstName() + " "
                                + person.lastName() + contactLine(person) + ".\nSon profil correspond à l'offre et il"
                                + " est intéressé. Pour tout échange, son conseiller : " + counsellorLine(r) + ".\n"
                        : "La candidature de " + person.firstName() + " " + person.lastName() + " à " + offerLabel
                                + " est retirée : le candidat n'est plus disponible.\n")
                        + "\nCordialement,\nOpus, pour France Travail et ses partenaires\n"
                        + "Pour ne plus recevoir ces courriels, répondez à votre correspondant France Travail.";
                mail.enqueue(c, new Mail(employer.get().address(), (transmitted ? "Un candidat pour votre offre "
                        : "Candidature retirée – offre ") + r.offerId(), text, key + "employer"));
            }
        }
    }

    private void publish(Connection c, Change change, Facts r) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", change.referralId());
        data.put("kind", r.kind().name());
        data.put("offerId", r.offerId());
        data.put("jobSeekerId", r.jobSeekerId());
        data.put("from", change.from() == null ? "" : change.from().name());
        data.put("to", change.to().name());
        if (change.reason() != null) {
            data.put("reason", change.reason().name());
        }
        if (r.presentationId() != null) {
            data.put("presentationId", r.presentationId());
        }
        data.put("sequence", change.seq());
        events.publish(c, new DomainEvent("referral:" + change.referralId() + ":" + change.seq(),
                change.from() == null ? "referral.created" : "referral.state-changed", change.at(),
                Set.of(r.partnerId()), change.referralId(), data));
    }

    /** The update a job seeker may receive about their application, in French; empty when none is due. */
    private static Optional<String> jobSeekerUpdate(Change change, String offerLabel) {
        return Optional.ofNullable(switch (change.to()) {
            case CV_REQUESTED -> "L'employeur de " + offerLabel + " souhaite recevoir votre CV : transmettez-le"
                    + " rapidement, avec votre conseiller si besoin.";
            case SUMMONED -> "Vous êtes convoqué(e) à un entretien pour " + offerLabel + ". Votre conseiller vous"
                    + " en précise la date et le lieu.";
            case HIRED -> "Félicitations : votre recrutement sur " + offerLabel + " est enregistré.";
            case NOT_RETAINED -> "Votre candidature à " + offerLabel + " n'a pas été retenue"
                    + (change.reason() != null && change.reason().shareable()
                            ? " (motif : " + change.reason().label().toLowerCase(Locale.FRENCH) + ")" : "")
                    + ". Votre conseiller reste à vos côtés pour les prochaines offres.";
            case NO_ANSWER -> "L'employeur de " + offerLabel + " n'a pas donné suite. Votre conseiller peut vous"
                    + " proposer d'autres offres.";
            case OBSOLETE -> "Votre candidature à " + offerLabel + " est close : l'offre n'est plus disponible ou"
                    + " vous avez été recruté(e) par ailleurs.";
            case PROPOSED, SENT, WITHDRAWN -> null;
        });
    }

    private List<Mail.Attachment> offerDocument(String offerId) {
        return List.of(new Mail.Attachment("offre-" + offerId + ".pdf", "application/pdf", documents.render(offerId)));
    }

    /**
     * Who receives what Opus writes to an offer's employer: the employer at the offer's contact address, else who
     * relays for it — the managing partner, else France Travail's correspondent.
     *
     * @param kind {@code employer}, {@code managing-partner} or {@code france-travail}
     */
    record EmployerRecipient(String address, String kind) {

        /** The mail's opening: a relay is asked to pass the message on. */
        String greeting(String offerId) {
            return switch (kind) {
                case "managing-partner" -> "Bonjour,\n\nVous gérez l'offre " + offerId
                        + " : merci de transmettre ce message à l'employeur.";
                case "france-travail" -> "Bonjour,\n\nVous êtes correspondant de l'offre " + offerId
                        + " : merci de transmettre ce message à l'employeur.";
                default -> "Bonjour,";
            };
        }
    }

    /** Where what is meant for the offer's employer goes; empty when nobody can receive it. */
    static Optional<EmployerRecipient> employerRecipient(Offer offer) {
        OfferContent.Contact contact = offer.content().contact();
        if (contact != null && contact.email() != null && !contact.email().isBlank()) {
            return Optional.of(new EmployerRecipient(contact.email().strip(), "employer"));
        }
        if (offer.managingPartner() != null && offer.managingPartner().email() != null) {
            return Optional.of(new EmployerRecipient(offer.managingPartner().email(), "managing-partner"));
        }
        if (offer.correspondent() != null && offer.correspondent().email() != null) {
            return Optional.of(new EmployerRecipient(offer.correspondent().email(), "france-travail"));
        }
        return Optional.empty();
    }

    static boolean optedOut(Connection c, String party, String partyId) throws SQLException {
        return Jdbc.one(c, "SELECT 1 FROM CONTACTS.OPT_OUT WHERE PARTY = ? AND PARTY_ID = ?", rs -> 1, party,
                partyId).isPresent();
    }

    private static String signature(Facts r) {
        return "\nVotre conseiller" + (r.counsellorName() == null ? "" : " : " + r.counsellorName())
                + (r.counsellorEmail() == null ? "" : " (" + r.counsellorEmail() + ")") + "\n";
    }

    static String contactLine(JobSeeker person) {
        StringBuilder s = new StringBuilder();
        if (person.phone() != null) {
            s.append(", tél. ").append(person.phone());
        }
        if (person.email() != null) {
            s.append(", ").append(person.email());
        }
        return s.toString();
    }

    private static String counsellorLine(Facts r) {
        return nonNull(r.counsellorName()) + (r.counsellorEmail() == null ? "" : " (" + r.counsellorEmail() + ")");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
