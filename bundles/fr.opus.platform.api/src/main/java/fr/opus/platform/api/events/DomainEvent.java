package fr.opus.platform.api.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened in Opus that partner systems may want to know: a referral changed state, a presentation
 * was sent. Published through the {@link EventOutbox} in the transaction of the change; delivered to the webhooks of
 * the partners in {@link #partnerIds()} (and to France Travail's subscriptions, which receive every event).
 *
 * @param id         unique and stable: the receiver deduplicates on it ({@code Opus-Event-Id})
 * @param type       dotted lower-case name, {@code referral.state-changed}
 * @param occurredAt when the change happened
 * @param partnerIds the partners concerned (who may receive it); never empty
 * @param subject    the id of what changed (a referral id…)
 * @param data       the facts, as JSON-friendly values (strings, numbers, booleans, lists, maps); ids and states,
 *                   never a person's name, contact or anything DOMAIN §9 forbids
 */
public record DomainEvent(String id, String type, Instant occurredAt, Set<String> partnerIds, String subject,
        Map<String, Object> data) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subject, "subject");
        partnerIds = Set.copyOf(partnerIds);
        if (partnerIds.isEmpty()) {
            throw new IllegalArgumentException("an event concerns at least one partner");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
