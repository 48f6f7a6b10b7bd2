package fr.opus.offers.api;

import java.util.List;

/** Receives offer events from France Travail's information system. */
public interface OfferFeed {

    /** Most events accepted in one batch. */
    int MAX_BATCH = 1000;

    /**
     * Stores and applies a batch. Each event is checked on its own: a malformed or impossible event is rejected with
     * its reason and the others are kept. When this returns, every event not rejected is durably stored and its
     * effect is visible to search and lookup.
     *
     * @throws fr.opus.platform.api.OpusException 400 when the batch is empty or larger than {@link #MAX_BATCH}
     */
    FeedReceipt accept(List<OfferEvent> batch);

    FeedStatus status();
}
