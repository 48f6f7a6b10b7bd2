package fr.opus.offers.api;

/**
 * The offer document (DOMAIN §3): the system-made description of an offer that a partner hands each candidate,
 * with how to apply under the offer's diffusion mode and management.
 */
public interface OfferDocuments {

    /**
     * A PDF document, in French.
     *
     * @throws fr.opus.platform.api.OpusException 404 ({@link OfferProblemCodes#OFFER_NOT_FOUND}) when the offer is
     *                                            unknown or not active
     */
    byte[] render(String offerId);
}
