package fr.opus.offers.api;

import java.time.Instant;
import java.util.Map;

/**
 * The state of the offer feed and of the search index, for operators.
 *
 * @param offersByStatus     how many offers are stored in each status
 * @param eventsReceived     events stored since the first boot
 * @param lastEventAt        the {@code occurredAt} of the last applied event, or {@code null}
 * @param lastBatchAt        when the last batch was acknowledged, or {@code null}
 * @param indexedOffers      offers in the search index (the active ones)
 * @param indexUpToDate      whether the index reflects every stored change
 * @param lastIndexRebuildAt when the index was last rebuilt from the database, or {@code null}
 */
public record FeedStatus(Map<OfferStatus, Long> offersByStatus, long eventsReceived, Instant lastEventAt,
        Instant lastBatchAt, long indexedOffers, boolean indexUpToDate, Instant lastIndexRebuildAt) {

    public FeedStatus {
        offersByStatus = Map.copyOf(offersByStatus);
    }
}
