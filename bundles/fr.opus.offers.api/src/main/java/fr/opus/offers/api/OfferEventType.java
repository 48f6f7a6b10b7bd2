package fr.opus.offers.api;

/** What France Travail's information system says happened to an offer. */
public enum OfferEventType {
    /** A new offer; carries the offer. */
    CREATED(OfferStatus.ACTIVE, true),
    /** The offer's content changed; carries the offer. Creates it if Opus never saw it. */
    UPDATED(null, true),
    SUSPENDED(OfferStatus.SUSPENDED, false),
    RESUMED(OfferStatus.ACTIVE, false),
    CANCELLED(OfferStatus.CANCELLED, false),
    CLOSED(OfferStatus.CLOSED, false);

    private final OfferStatus target;
    private final boolean carriesOffer;

    OfferEventType(OfferStatus target, boolean carriesOffer) {
        this.target = target;
        this.carriesOffer = carriesOffer;
    }

    /** The status the offer takes, or {@code null} when it keeps its status (an update). */
    public OfferStatus target() {
        return target;
    }

    /** Whether the event must carry the offer's content. */
    public boolean carriesOffer() {
        return carriesOffer;
    }
}
