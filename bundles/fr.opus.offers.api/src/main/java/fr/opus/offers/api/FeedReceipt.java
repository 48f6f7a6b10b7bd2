package fr.opus.offers.api;

import java.util.List;

/**
 * The acknowledgement of a batch: every event not rejected is durably stored when this is returned.
 *
 * @param accepted   events applied
 * @param duplicates events already received
 * @param stale      events older than the offer's stored version
 * @param rejected   events refused, each with its reason in {@link #outcomes()}
 * @param outcomes   one entry per event, in batch order
 */
public record FeedReceipt(int accepted, int duplicates, int stale, int rejected, List<EventOutcome> outcomes) {

    public FeedReceipt {
        outcomes = List.copyOf(outcomes);
    }

    public static FeedReceipt of(List<EventOutcome> outcomes) {
        int[] counts = new int[EventOutcome.Result.values().length];
        outcomes.forEach(o -> counts[o.result().ordinal()]++);
        return new FeedReceipt(counts[0], counts[1], counts[2], counts[3], outcomes);
    }

    /**
     * The receipt of a batch of which an adapter could read only some events: {@code early} holds, at their batch
     * index, the outcomes of the events it rejected itself; {@code positions.get(k)} is the batch index of the k-th
     * event it passed to {@link OfferFeed#accept}, which answered {@code applied} ({@code null} when none was).
     */
    public static FeedReceipt merge(EventOutcome[] early, List<Integer> positions, FeedReceipt applied) {
        EventOutcome[] outcomes = early.clone();
        if (applied != null) {
            for (EventOutcome o : applied.outcomes()) {
                int i = positions.get(o.index());
                outcomes[i] = new EventOutcome(o.eventId(), i, o.result(), o.code(), o.detail(), o.field());
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                throw new IllegalStateException("No outcome for event " + i + " of the batch");
            }
        }
        return of(List.of(outcomes));
    }
}
