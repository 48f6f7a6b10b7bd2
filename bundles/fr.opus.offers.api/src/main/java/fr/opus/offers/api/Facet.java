package fr.opus.offers.api;

import java.util.List;

/**
 * France Travail's {@code FiltrePossible}: for one filter, how many matching offers carry each value.
 *
 * @param name   the search parameter ({@code typeContrat}, {@code experience}, {@code qualification},
 *               {@code natureContrat})
 * @param values values by decreasing count
 */
public record Facet(String name, List<Value> values) {

    public Facet {
        values = List.copyOf(values);
    }

    public record Value(String value, long count) {
    }
}
