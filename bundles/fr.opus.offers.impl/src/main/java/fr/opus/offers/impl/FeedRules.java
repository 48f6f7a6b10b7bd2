package fr.opus.offers.impl;

import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.api.Siret;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks one feed event on its own and completes the offer it carries from the reference data (ROME label,
 * coordinates and postal code of the commune). An event that fails is rejected with a French reason and the
 * offending property; the rest of its batch goes on.
 */
final class FeedRules {

    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    private final ReferentialService referentials;
    private final Clock clock;
    private final Set<String> contractTypes;

    FeedRules(ReferentialService referentials, Clock clock) {
        this.referentials = referentials;
        this.clock = clock;
        this.contractTypes = referentials.codeList(CodeList.TYPES_CONTRATS).stream().map(CodeLabel::code)
                .collect(Collectors.toSet());
    }

    /**
     * A checked event, or why it was rejected. {@code storedJson} is the stored form of the offer it carries (checked
     * against the column's size here, then written as is, so that the feed serialises each offer once for its row).
     */
    record Checked(OfferEvent event, EventOutcome rejection, String storedJson) {
        boolean ok() {
            return rejection == null;
        }
    }

    Checked check(OfferEvent e, int index) {
        if (e == null) {
            return reject(null, index, OfferProblemCodes.MISSING_PROPERTY, "L'événement est vide.", null);
        }
        String id = e.eventId();
        if (id == null || id.isBlank()) {
            return reject(null, index, OfferProblemCodes.MISSING_PROPERTY, "L'identifiant d'événement manque.",
                    "eventId");
        }
        if (!identifier(id, 64, "._:-")) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY, "L'identifiant d'événement doit compter"
                    + " 1 à 64 lettres, chiffres ou . _ : -", "eventId");
        }
        if (e.type() == null) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY, "Le type d'événement manque (CREATED,"
                    + " UPDATED, SUSPENDED, RESUMED, CANCELLED ou CLOSED).", "type");
        }
        if (e.offerId() == null || !identifier(e.offerId(), 20, "")) {
            return reject(id, index, e.offerId() == null ? OfferProblemCodes.MISSING_PROPERTY
                    : OfferProblemCodes.INVALID_PROPERTY, "L'identifiant d'offre manque ou n'est pas valide"
                    + " (1 à 20 lettres ou chiffres).", "offerId");
        }
        if (e.version() == null || e.version() < 0) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY,
                    "La version de l'offre manque ou est négative.", "version");
        }
        if (e.occurredAt() == null) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY, "La date de l'événement manque.",
                    "occurredAt");
        }
        if (e.occurredAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY, "La date de l'événement est dans le futur.",
                    "occurredAt");
        }
        if (!e.type().carriesOffer()) {
            return new Checked(new OfferEvent(id, e.type(), e.offerId(), e.version(), e.occurredAt(), null), null,
                    null);
        }
        if (e.offer() == null) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY,
                    "Un événement " + e.type() + " doit porter l'offre.", "offer");
        }
        return checkOffer(e, index);
    }

    private Checked checkOffer(OfferEvent e, int index) {
        Offer offer = e.offer();
        OfferContent c = offer.content();
        String id = e.eventId();
        if (offer.id() != null && !offer.id().equals(e.offerId())) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "L'identifiant de l'offre portée diffère de offerId.", "offer.id");
        }
        if (c.id() != null && !c.id().equals(e.offerId())) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "L'identifiant de l'offre portée diffère de offerId.", "offer.content.id");
        }
        if (c.title() == null || c.title().isBlank()) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY, "L'intitulé de l'offre manque.",
                    "offer.content.intitule");
        }
        if (c.title().length() > 300) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "L'intitulé dépasse 300 caractères.", "offer.content.intitule");
        }
        if (c.romeCode() == null) {
            return reject(id, index, OfferProblemCodes.MISSING_PROPERTY, "Le code ROME de l'offre manque.",
                    "offer.content.romeCode");
        }
        Optional<Job> job = referentials.job(c.romeCode());
        if (job.isEmpty()) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "Code ROME inconnu : « " + c.romeCode() + " ».", "offer.content.romeCode");
        }
        if (c.contractType() != null && !contractTypes.contains(c.contractType())) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "Type de contrat inconnu : « " + c.contractType() + " ».", "offer.content.typeContrat");
        }
        if (offer.appellationCode() != null && referentials.appellation(offer.appellationCode()).isEmpty()) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                    "Appellation ROME inconnue : « " + offer.appellationCode() + " ».", "offer.appellationCode");
        }
        String siret = Siret.normalise(offer.siret());
        if (siret != null && !Siret.valid(siret)) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY, Siret.problem(siret), "offer.siret");
        }
        try {
            c.createdAt();
            c.updatedAt();
        } catch (DateTimeParseException ex) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY, "Date invalide : attendu le format"
                    + " ISO-8601 UTC, par exemple 2025-12-23T16:01:23.690Z.", "offer.content.dateCreation");
        }
        OfferContent.Builder completed = c.toBuilder().id(e.offerId());
        if (c.romeLabel() == null) {
            completed.romeLabel(job.get().label());
        }
        OfferContent.Workplace place = c.workplace();
        if (place != null && place.inseeCode() != null) {
            Optional<Commune> commune = referentials.commune(place.inseeCode());
            if (commune.isEmpty()) {
                return reject(id, index, OfferProblemCodes.INVALID_PROPERTY,
                        "Commune inconnue : « " + place.inseeCode() + " ».", "offer.content.lieuTravail.commune");
            }
            completed.workplace(complete(place, commune.get()));
        }
        Offer ready = new Offer(e.offerId(), null, e.version(), e.occurredAt(), offer.diffusion(),
                offer.supportLevel(), offer.preselection(), offer.correspondent(), offer.managingPartner(),
                offer.appellationCode(), completed.build(), siret);
        String stored = OfferJson.toStored(ready);
        if (stored.length() > OfferStore.MAX_BODY) {
            return reject(id, index, OfferProblemCodes.INVALID_PROPERTY, "L'offre dépasse la taille admise ("
                    + OfferStore.MAX_BODY + " caractères en JSON).", "offer");
        }
        return new Checked(new OfferEvent(id, e.type(), e.offerId(), e.version(), e.occurredAt(), ready), null,
                stored);
    }

    private static OfferContent.Workplace complete(OfferContent.Workplace p, Commune c) {
        return new OfferContent.Workplace(
                p.label() != null ? p.label() : c.departmentCode() + " - " + c.name(),
                p.latitude() != null ? p.latitude() : c.latitude(),
                p.longitude() != null ? p.longitude() : c.longitude(),
                p.postalCode() != null ? p.postalCode() : c.mainPostalCode(),
                c.inseeCode());
    }

    private static Checked reject(String eventId, int index, String code, String detail, String field) {
        return new Checked(null, EventOutcome.rejected(eventId, index, code, detail, field), null);
    }

    /**
     * 1 to {@code max} ASCII letters, digits or {@code others}. A loop, not a regular expression: the feed checks two
     * identifiers per event, and the offers benchmark found the two patterns at 6 % of ingestion's CPU.
     */
    static boolean identifier(String s, int max, String others) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || others.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
