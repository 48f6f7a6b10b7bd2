package fr.opus.offers.impl;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import java.time.Instant;
import java.util.UUID;

/** Test offers and events. */
final class Offers {

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private Offers() {
    }

    static OfferContent.Builder content(String title, String rome, String commune, String contract) {
        return OfferContent.builder().title(title).romeCode(rome).description("Description de l'offre " + title)
                .creationDate("2026-11-19T08:00:00.000Z")
                .workplace(new OfferContent.Workplace(null, null, null, null, commune))
                .company(new OfferContent.Company("BOULANGERIE DUPAIN", null, null, null, false))
                .contact(new OfferContent.Contact("BOULANGERIE DUPAIN", "12 rue du Four", null, null, null,
                        "recrutement@dupain.example", null, null, null))
                .contractType(contract).contractTypeLabel(contract).contractNature("Contrat travail")
                .experienceRequirement("D").experienceLabel("Débutant accepté").workingTimeKind("Temps plein")
                .qualification("6", "Employé qualifié");
    }

    static Offer offer(OfferContent content, Diffusion diffusion) {
        return new Offer(null, null, 0, null, diffusion, null, null, null, null, null, content, null);
    }

    static Offer offer(OfferContent content, Diffusion diffusion, String siret) {
        return new Offer(null, null, 0, null, diffusion, null, null, null, null, null, content, siret);
    }

    static Offer offer(OfferContent content, Diffusion diffusion, ManagingPartner partner) {
        return new Offer(null, null, 0, null, diffusion, null, null, null, partner, null, content, null);
    }

    static OfferEvent created(String id, long version, Offer offer) {
        return new OfferEvent(UUID.randomUUID().toString(), OfferEventType.CREATED, id, version,
                T0.plusSeconds(version), offer);
    }

    static OfferEvent event(OfferEventType type, String id, long version) {
        return new OfferEvent(UUID.randomUUID().toString(), type, id, version, T0.plusSeconds(version), null);
    }
}
