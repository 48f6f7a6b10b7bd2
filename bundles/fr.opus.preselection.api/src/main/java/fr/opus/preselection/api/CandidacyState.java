package fr.opus.preselection.api;

/**
 * Where a candidacy stands in the preselection.
 *
 * <pre>
 * PROPOSED ─► TRANSMITTED ─► RECEIVED ─► HIRED
 *    │             │            └──────► NOT_RETAINED
 *    │             └───────────────────► HIRED, NOT_RETAINED
 *    └─► DECLINED (by the correspondent)
 * PROPOSED, TRANSMITTED, RECEIVED ─► WITHDRAWN (the counsellor, the job seeker, or the act closed elsewhere)
 * </pre>
 */
public enum CandidacyState {
    /** Proposed by the counsellor; awaits the correspondent's review. */
    PROPOSED("proposée"),
    /** Not transmitted: the correspondent declined it, saying why. */
    DECLINED("écartée"),
    /** Transmitted to the employer (the mise en relation is sent). */
    TRANSMITTED("transmise"),
    /** The employer received the candidate. */
    RECEIVED("reçu par l'employeur"),
    /** Hired. */
    HIRED("recruté"),
    /** Not retained by the employer. */
    NOT_RETAINED("non retenu"),
    /** Withdrawn before the employer's decision. */
    WITHDRAWN("retirée");

    private final String label;

    CandidacyState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the candidacy is still in progress. */
    public boolean open() {
        return this == PROPOSED || this == TRANSMITTED || this == RECEIVED;
    }

    /** Whether the candidacy reached the employer. */
    public boolean transmitted() {
        return this == TRANSMITTED || this == RECEIVED || this == HIRED || this == NOT_RETAINED;
    }
}
