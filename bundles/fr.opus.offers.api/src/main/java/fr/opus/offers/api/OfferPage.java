package fr.opus.offers.api;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total  how many offers match in all
 * @param first  index of the first offer returned (from 0)
 * @param last   index of the last offer returned ({@code first - 1} when the page is empty)
 * @param offers the offers, as partners see them
 * @param facets counts per value of the France Travail filters, over every match
 */
public record OfferPage(long total, int first, int last, List<PublishedOffer> offers, List<Facet> facets) {

    public OfferPage {
        offers = List.copyOf(offers);
        facets = List.copyOf(facets);
    }

    /** Whether every match is in this page. */
    public boolean complete() {
        return first == 0 && offers.size() >= total;
    }
}
