package fr.opus.preselection.api;

import fr.opus.contacts.api.RejectionReason;
import java.time.Instant;

/**
 * The employer's feedback on one transmitted candidate, as France Travail records it.
 *
 * @param received   whether the employer received (met) the candidate, or {@code null} if not said yet
 * @param hired      whether they hired them, or {@code null} while undecided
 * @param reason     when not hired, why (required then)
 * @param comment    the employer's qualitative feedback (required for a <i>valorisation</i> or an
 *                   <i>évaluation</i> once decided), or {@code null}; no DOMAIN §9 category
 * @param recordedBy login of who recorded it (set by Opus)
 * @param recordedAt when (set by Opus)
 */
public record EmployerFeedback(Boolean received, Boolean hired, RejectionReason reason, String comment,
        String recordedBy, Instant recordedAt) {

    /** A feedback as it is sent to be recorded. */
    public static EmployerFeedback of(Boolean received, Boolean hired, RejectionReason reason, String comment) {
        return new EmployerFeedback(received, hired, reason, comment, null, null);
    }
}
