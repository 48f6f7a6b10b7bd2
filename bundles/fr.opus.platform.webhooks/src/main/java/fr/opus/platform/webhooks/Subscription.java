package fr.opus.platform.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription, as its owner and operators see it: never its secret.
 *
 * @param partnerId   the partner whose events it receives, or {@code null} for a France Travail-wide subscription,
 *                    which receives every partner's events
 * @param events      the event types (or {@code prefix.*} patterns) it receives; empty: every type
 * @param active      false once revoked: nothing more is sent to it
 */
public record Subscription(String id, String partnerId, String url, List<String> events, String description,
        boolean active, String createdBy, Instant createdAt, String revokedBy, Instant revokedAt) {
}
