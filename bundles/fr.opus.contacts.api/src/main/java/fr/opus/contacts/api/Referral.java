package fr.opus.contacts.api;

import java.time.Instant;
import java.util.List;

/**
 * An act done for a job seeker on an offer, with its whole history (oldest first).
 *
 * @param partnerId     the partner whose counsellor acted
 * @param counsellorId  the account of the counsellor who acted
 */
public record Referral(String id, ReferralKind kind, String offerId, String jobSeekerId, String partnerId,
        String counsellorId, ReferralState state, RejectionReason reason, Instant createdAt, Instant updatedAt,
        List<ReferralEvent> history) {
}
