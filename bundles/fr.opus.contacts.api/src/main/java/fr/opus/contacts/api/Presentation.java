package fr.opus.contacts.api;

import java.time.Instant;
import java.util.List;

/**
 * A presentation of candidates (DOMAIN §4): the counsellor sends the employer a list of potential candidates whom the
 * employer may contact, and each candidate is told their application was transmitted. Each candidate gets a
 * referral ({@link ReferralKind#RELATION} or {@link ReferralKind#CONTACT} as the offer allows), already
 * {@link ReferralState#SENT}.
 *
 * @param recipient  where the employer's list went: {@code employer}, {@code managing-partner} or
 *                   {@code france-travail} (who relays it when the employer's address is not known)
 * @param employerMail the delivery of the employer's mail
 * @param candidates the candidates, in the order the counsellor gave
 */
public record Presentation(String id, String offerId, String partnerId, String counsellorId, Instant createdAt,
        String recipient, Delivery employerMail, List<Candidate> candidates) {

    public Presentation {
        candidates = List.copyOf(candidates);
    }

    /**
     * One presented candidate.
     *
     * @param notice how the candidate is told: {@code EMAIL} through the outbox, otherwise the counsellor tells them
     *               on their channel ({@link Delivery.Status#TO_RELAY})
     */
    public record Candidate(String jobSeekerId, String referralId, String firstName, String lastName,
            Channel channel, Delivery notice) {
    }

    /**
     * Where a mail or notice stands.
     *
     * @param attempts how many times sending was tried
     * @param error    the last failure, or {@code null}
     */
    public record Delivery(Status status, int attempts, Instant sentAt, String error) {

        public enum Status {
            /** Queued; sent within seconds, retried on failure. */
            PENDING,
            SENT,
            /** Every attempt failed: visible to the counsellor, who tells the person otherwise. */
            FAILED,
            /** Not a mail: the counsellor tells the candidate on their channel (SMS, phone, post). */
            TO_RELAY
        }
    }
}
