package fr.opus.offers.api;

import java.util.Optional;

/** Reads offers. */
public interface OfferCatalog {

    /** The offer in any status, unmasked: for France Travail agents and Opus's own processes. */
    Optional<Offer> find(String id);

    /** The offer as partners see it, only while it is {@link OfferStatus#ACTIVE active}. */
    Optional<OfferContent> findPublished(String id);

    /**
     * Active offers matching the query.
     *
     * @throws fr.opus.platform.api.OpusException 400 when a code names nothing (an unknown commune, ROME code…)
     */
    OfferPage search(OfferQuery query);
}
