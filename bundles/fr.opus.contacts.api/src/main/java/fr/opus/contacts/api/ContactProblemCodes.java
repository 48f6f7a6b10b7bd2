package fr.opus.contacts.api;

/** Stable codes of the contacts capability's problems. */
public final class ContactProblemCodes {

    public static final String JOB_SEEKER_NOT_FOUND = "job-seeker-not-found";
    public static final String REFERRAL_NOT_FOUND = "referral-not-found";
    public static final String INVALID_JOB_SEEKER = "invalid-job-seeker";
    /** The act does not fit the offer: its preselection, diffusion or status. */
    public static final String ACT_NOT_ALLOWED = "act-not-allowed-on-offer";
    /** The move is not in the referral's state machine. */
    public static final String INVALID_TRANSITION = "invalid-referral-transition";
    /** The job seeker already has an open referral on this offer. */
    public static final String DUPLICATE_REFERRAL = "duplicate-referral";
    public static final String PRESENTATION_NOT_FOUND = "presentation-not-found";
    /** An {@code Idempotency-Key} already used for a different request. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";

    private ContactProblemCodes() {
    }
}
