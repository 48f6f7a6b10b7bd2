package fr.opus.offers.impl;

import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.platform.api.OpusException;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Renders the offer document of an active offer (DOMAIN §3) with {@link OfferDocumentRenderer}. */
@Component(service = OfferDocuments.class)
public class OfferDocumentService implements OfferDocuments {

    private final OfferCatalog catalog;
    private final OfferDocumentRenderer renderer;

    @Activate
    public OfferDocumentService(@Reference OfferCatalog catalog) {
        this(catalog, Clock.systemUTC());
    }

    OfferDocumentService(OfferCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.renderer = new OfferDocumentRenderer(clock);
    }

    @Override
    public byte[] render(String offerId) {
        Offer offer = catalog.find(offerId).filter(Offer::visible).orElseThrow(() -> new OpusException(404,
                OfferProblemCodes.OFFER_NOT_FOUND, "Offre « " + offerId + " » introuvable, suspendue ou retirée :"
                        + " sa fiche ne peut pas être remise.", "id"));
        return renderer.render(offer);
    }
}
