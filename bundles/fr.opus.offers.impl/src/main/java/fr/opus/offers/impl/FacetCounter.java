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
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Counts, over every matching offer, the values of France Travail's {@code filtresPossibles}, and the matches.
 *
 * <p>The four facet values of an offer are indexed together as one doc value, {@code CDI␟2␟9␟E1}: a few hundred
 * distinct combinations over a million offers. Counting reads one ordinal per match (not four, which the offers
 * benchmark showed to be a quarter of a search's time) into a per-segment array; each combination seen is split
 * into its four values once per segment at the end.
 *
 * <p>A segment's ordinals never change, so a {@link SegmentCache} holds them on the heap once per segment: counting
 * is then an array read per match instead of a doc-values read through memory-mapped, bounds-checked buffers (a
 * tenth of a search's time in the offers benchmark before).
 */
final class FacetCounter implements Collector {

    /** France Travail's facet names, in the order of their values in the doc value. */
    static final List<String> FACETS = List.of("typeContrat", "experience", "qualification", "natureContrat");
    private static final String FIELD = "f.combination";
    private static final String SEPARATOR = "\u001f";

    /** One segment's doc values (asked for the labels of the ordinals counted) and counts per ordinal. */
    private record Segment(SortedDocValues values, int[] counts) {
    }

    private final SegmentCache<int[]> ordinals;
    private final List<Segment> segments = new ArrayList<>();
    private long matches;

    FacetCounter(SegmentCache<int[]> ordinals) {
        this.ordinals = ordinals;
    }

    /** The doc value holding an offer's four facet values, in {@link #FACETS} order ({@code null} = none). */
    static SortedDocValuesField field(String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            if (values[i] != null) {
                b.append(values[i]);
            }
        }
        return new SortedDocValuesField(FIELD, new BytesRef(b.toString()));
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedDocValues values = DocValues.getSorted(context.reader(), FIELD);
        Segment segment = new Segment(values, new int[Math.max(1, values.getValueCount())]);
        segments.add(segment);
        int[] counts = segment.counts();
        int[] ords = ordinals.of(context.reader());
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) {
                matches++;
                int ord = ords[doc];
                if (ord >= 0) {
                    counts[ord]++;
                }
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> byFacet = new LinkedHashMap<>();
        FACETS.forEach(f -> byFacet.put(f, new HashMap<>()));
        try {
            for (Segment s : segments) {
                for (int ord = 0; ord < s.values().getValueCount(); ord++) {
                    long n = s.counts()[ord];
                    if (n > 0) {
                        String[] values = s.values().lookupOrd(ord).utf8ToString().split(SEPARATOR, -1);
                        for (int i = 0; i < FACETS.size() && i < values.length; i++) {
                            if (!values[i].isEmpty()) {
                                byFacet.get(FACETS.get(i)).merge(values[i], n, Long::sum);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFacet;
    }

    /** The facets over every match, and how many matched. */
    record Result(List<Facet> facets, long matches) {
    }

    static Result facets(Collection<FacetCounter> counters) {
        Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
        FACETS.forEach(f -> merged.put(f, new HashMap<>()));
        long matches = 0;
        for (FacetCounter c : counters) {
            matches += c.matches;
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
        return new Result(facets, matches);
    }

    static final class Manager implements CollectorManager<FacetCounter, Result> {
        private final SegmentCache<int[]> ordinals;

        Manager(SegmentCache<int[]> ordinals) {
            this.ordinals = ordinals;
        }

        @Override
        public FacetCounter newCollector() {
            return new FacetCounter(ordinals);
        }

        @Override
        public Result reduce(Collection<FacetCounter> collectors) {
            return facets(collectors);
        }
    }

    /** Each segment's facet ordinal per document, -1 for none. */
    static SegmentCache<int[]> ordinals() {
        return new SegmentCache<>(FacetCounter::readOrdinals);
    }

    private static int[] readOrdinals(LeafReader reader) throws IOException {
        int[] ords = new int[reader.maxDoc()];
        java.util.Arrays.fill(ords, -1);
        SortedDocValues values = DocValues.getSorted(reader, FIELD);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            ords[doc] = values.ordValue();
        }
        return ords;
    }
}
