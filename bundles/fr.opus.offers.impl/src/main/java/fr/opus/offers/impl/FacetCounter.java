package fr.opus.offers.impl;

import fr.opus.offers.api.Facet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts, over every matching offer, the values of France Travail's {@code filtresPossibles}. One pass over the
 * matches, per segment an array indexed by the doc-values ordinal; labels are looked up once per segment at the end.
 */
final class FacetCounter implements Collector {

    /** Facet name → doc-values field. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("typeContrat", "f.typeContrat");
        FIELDS.put("experience", "f.experience");
        FIELDS.put("qualification", "f.qualification");
        FIELDS.put("natureContrat", "f.natureContrat");
    }

    /** One facet in one segment: its doc values (advanced in doc order, then asked for labels) and counts. */
    private record Segment(String facet, SortedDocValues values, int[] counts) {
    }

    private final List<Segment> segments = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        List<Segment> leaf = new ArrayList<>(FIELDS.size());
        for (Map.Entry<String, String> f : FIELDS.entrySet()) {
            SortedDocValues dv = DocValues.getSorted(context.reader(), f.getValue());
            Segment s = new Segment(f.getKey(), dv, new int[Math.max(1, dv.getValueCount())]);
            leaf.add(s);
            segments.add(s);
        }
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                for (Segment s : leaf) {
                    if (s.values().advanceExact(doc)) {
                        s.counts()[s.values().ordValue()]++;
                    }
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> byFacet = new LinkedHashMap<>();
        FIELDS.keySet().forEach(f -> byFacet.put(f, new HashMap<>()));
        try {
            for (Segment s : segments) {
                for (int ord = 0; ord < s.values().getValueCount(); ord++) {
                    if (s.counts()[ord] > 0) {
                        byFacet.get(s.facet()).merge(s.values().lookupOrd(ord).utf8ToString(),
                                (long) s.counts()[ord], Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFacet;
    }

    static List<Facet> facets(Collection<FacetCounter> counters) {
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        FIELDS.keySet().forEach(f -> merged.put(f, new HashMap<>()));
        for (FacetCounter c : counters) {
            c.counts().forEach((facet, values) -> values.forEach((v, n) -> merged.get(facet).merge(v, n, Long::sum)));
        }
        List<Facet> facets = new ArrayList<>();
        merged.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                facets.add(new Facet(facet, values.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .map(e -> new Facet.Value(e.getKey(), e.getValue())).toList()));
            }
        });
        return facets;
    }

    static final class Manager implements CollectorManager<FacetCounter, List<Facet>> {
        @Override
        public FacetCounter newCollector() {
            return new FacetCounter();
        }

        @Override
        public List<Facet> reduce(Collection<FacetCounter> collectors) {
            return facets(collectors);
        }
    }
}
