package fr.opus.employers.api;

import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import java.time.Instant;

/**
 * An act done on one of the employer's offers, as the contacts capability lets the caller see it (its partner's
 * acts; every act on the offers its partner manages; all for France Travail). Its history and the job seeker:
 * {@code GET /api/v1/referrals/{referralId}}.
 *
 * @param partnerId the partner whose counsellor acted
 * @param updatedAt the last change of state
 */
public record EmployerAct(String referralId, String offerId, String offerTitle, ReferralKind kind,
        ReferralState state, String partnerId, Instant createdAt, Instant updatedAt) {
}
