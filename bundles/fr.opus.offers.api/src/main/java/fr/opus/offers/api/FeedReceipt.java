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
}
