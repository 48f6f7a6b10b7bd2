package fr.opus.offers.api;

import java.util.List;
import java.util.Optional;

/** Reads offers. Implemented by the offers capability only. */
@org.osgi.annotation.versioning.ProviderType
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

    /**
     * The ids of the active offers published (or, without a publication date, last changed) at or before
     * {@code publishedBefore}: for Opus's own processes that follow every offer (the life-cycle automation).
     */
    List<String> activeOfferIds(java.time.Instant publishedBefore);

    /**
     * Every offer of an employer's establishment, in any status, unmasked, newest change first: for the employers
     * capability, which applies its own access rules. Empty for a SIRET no offer carries.
     *
     * @param siret 14 digits, no spaces
     */
    List<Offer> findBySiret(String siret);
}
