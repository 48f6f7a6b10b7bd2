package fr.opus.offers.api;

/** Stable problem codes of the offers capability (beside the platform's own). */
public final class OfferProblemCodes {

    /** {@code range} is malformed or beyond France Travail's limits (150 per call, start ≤ 3000, end ≤ 3149). */
    public static final String INVALID_RANGE = "invalid-range";
    /** A search parameter France Travail's API has but Opus does not serve yet. */
    public static final String UNSUPPORTED_PARAMETER = "unsupported-parameter";
    /** A feed event lacks a required property. */
    public static final String MISSING_PROPERTY = "missing-property";
    /** A feed event's property has an impossible value. */
    public static final String INVALID_PROPERTY = "invalid-property";
    /** A feed event refers to an offer Opus does not hold. */
    public static final String UNKNOWN_OFFER = "unknown-offer";
    /** A feed event would change a cancelled or closed offer. */
    public static final String FINAL_OFFER = "offer-final";
    /** A batch is empty or too large. */
    public static final String INVALID_BATCH = "invalid-batch";
    /** The offer does not exist or is not visible. */
    public static final String OFFER_NOT_FOUND = "offer-not-found";

    private OfferProblemCodes() {
    }
}
