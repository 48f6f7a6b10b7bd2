package fr.opus.offers.api;

/**
 * Realistic fictitious offers for demonstrations and benchmarks: titles from ROME appellations, places weighted
 * by commune population, varied contracts, diffusion modes and preselection. They go through the feed like France
 * Travail's own events.
 */
public interface DemoOffers {

    /**
     * Generates {@code count} offers (ids {@code D} + 6 characters, deterministic from {@code firstIndex}) and
     * feeds them in batches.
     *
     * @return the number of offers accepted
     */
    long load(long firstIndex, long count);
}
