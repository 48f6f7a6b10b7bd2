package fr.opus.contacts.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands. The documented state machine:
 *
 * <pre>
 * PROPOSED ─► SENT ─► CV_REQUESTED ─► SUMMONED ─► HIRED
 *    │          │  └──────────────────────►│     └─► NOT_RETAINED (reason)
 *    │          └───────────┴─────────────┴──► HIRED, NOT_RETAINED, NO_ANSWER
 *    └──────────┴───────────┴─────────────┴──► WITHDRAWN, OBSOLETE
 * reopened: WITHDRAWN ─► PROPOSED (the job seeker changes their mind), NO_ANSWER ─► SENT (the employer answers late)
 * </pre>
 *
 * {@code HIRED}, {@code NOT_RETAINED} and {@code OBSOLETE} are final. A referral is <em>open</em> while the
 * employer may still act on it.
 */
public enum ReferralState {
    /** Prepared by the counsellor, not yet transmitted. */
    PROPOSED("proposée"),
    /** Transmitted: the job seeker applied (mise en contact) or was proposed to the employer (mise en relation). */
    SENT("transmise"),
    /** The employer asked for the CV. */
    CV_REQUESTED("CV demandé"),
    /** The candidate is summoned to an interview. */
    SUMMONED("convoqué"),
    /** Hired on this offer. */
    HIRED("recruté"),
    /** Not retained, with a {@link RejectionReason}. */
    NOT_RETAINED("non retenu"),
    /** Withdrawn by the counsellor or the job seeker. */
    WITHDRAWN("retirée"),
    /** Closed for want of an answer from the employer within the set delay. */
    NO_ANSWER("sans réponse"),
    /** Overtaken: the job seeker was hired elsewhere or the offer closed. */
    OBSOLETE("caduque");

    private final String label;

    ReferralState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the employer may still act on the referral. */
    public boolean open() {
        return this == PROPOSED || this == SENT || this == CV_REQUESTED || this == SUMMONED;
    }

    /** The states this one may move to. */
    public Set<ReferralState> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(SENT, WITHDRAWN, OBSOLETE);
            case SENT -> EnumSet.of(CV_REQUESTED, SUMMONED, HIRED, NOT_RETAINED, WITHDRAWN, NO_ANSWER, OBSOLETE);
            case CV_REQUESTED -> EnumSet.of(SUMMONED, HIRED, NOT_RETAINED, WITHDRAWN, NO_ANSWER, OBSOLETE);
            case SUMMONED -> EnumSet.of(HIRED, NOT_RETAINED, WITHDRAWN, NO_ANSWER, OBSOLETE);
            case WITHDRAWN -> EnumSet.of(PROPOSED);
            case NO_ANSWER -> EnumSet.of(SENT);
            case HIRED, NOT_RETAINED, OBSOLETE -> EnumSet.noneOf(ReferralState.class);
        };
    }

    public boolean mayMoveTo(ReferralState target) {
        return next().contains(target);
    }
}
