package fr.opus.offers.api;

/** Where an offer stands. Only an {@link #ACTIVE} offer is shown to partners. */
public enum OfferStatus {
    /** Published: searchable and readable. */
    ACTIVE,
    /** Withdrawn for now by a France Travail agent; may be resumed. */
    SUSPENDED,
    /** Cancelled by France Travail; final. */
    CANCELLED,
    /** Filled or closed at the end of its life; final. */
    CLOSED;

    /** Whether no further event may change the offer. */
    public boolean isFinal() {
        return this == CANCELLED || this == CLOSED;
    }
}
