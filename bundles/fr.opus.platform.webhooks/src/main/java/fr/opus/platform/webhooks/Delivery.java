package fr.opus.platform.webhooks;

import java.time.Instant;

/**
 * One event sent (or to send) to one subscription, with its receipt.
 *
 * @param attempts       POSTs made so far in the current series (a retry by hand starts a new series)
 * @param nextAttemptAt  when the next attempt is due, while {@code PENDING}
 * @param lastStatusCode the HTTP status of the last answer, absent when no answer came
 * @param lastError      why the last attempt failed, absent after a success
 * @param deliveredAt    when the receiver answered 2xx
 * @param durationMs     how long the last attempt took, in milliseconds
 */
public record Delivery(long id, String subscriptionId, String eventId, String eventType, DeliveryStatus status,
        int attempts, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Integer lastStatusCode,
        String lastError, Instant deliveredAt, Long durationMs) {
}
