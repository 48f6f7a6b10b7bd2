package fr.opus.contacts.api;

import java.time.Instant;

/**
 * Where an offer stands in Opus's life-cycle automation (DOMAIN §3): the alert to its employer when it shows no
 * movement, the follow-up letter, the answer, and the closure when no answer came within the delay.
 *
 * @param quietAlertAt  when the employer was last alerted that the offer shows no movement, or {@code null}
 * @param letterSentAt  when the follow-up letter left, or {@code null}
 * @param answerDueAt   until when the employer may answer it, or {@code null}
 * @param answeredAt    when the answer was recorded, or {@code null}
 * @param stillOpen     the answer: the offer is still to be filled, or {@code null} without one
 * @param closedAt      when Opus closed the offer, or {@code null}
 */
public record FollowUp(String offerId, Instant quietAlertAt, Instant letterSentAt, Instant answerDueAt,
        Instant answeredAt, String answeredBy, Boolean stillOpen, Instant closedAt) {
}
