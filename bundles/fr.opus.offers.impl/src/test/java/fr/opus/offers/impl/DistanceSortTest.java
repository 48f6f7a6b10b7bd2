package fr.opus.offers.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.SloppyMath;
import org.junit.jupiter.api.Test;

/** The heap-backed distance sort against a brute-force order, with ties at the centre and offers without a place. */
class DistanceSortTest {

    record Place(int id, Double lat, Double lon, long created) {
    }

    @Test
    void pagesMatchABruteForceOrderWhateverTiesAndMissingPlaces() throws Exception {
        double lat = 48.0075;
        double lon = 0.1984;
        Random random = new Random(42);
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            // 10 % without a place, 2 % at the centre itself (ties at distance 0), the rest around it
            int kind = random.nextInt(50);
            Double la = kind < 5 ? null : kind == 5 ? lat : lat + random.nextGaussian() * 0.3;
            Double lo = la == null ? null : kind == 5 ? lon : lon + random.nextGaussian() * 0.3;
            places.add(new Place(i, la, lo, random.nextInt(50)));
        }
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(400))) {
                for (Place p : places) {
                    Document d = new Document();
                    d.add(new StoredField("id", p.id()));
                    d.add(new NumericDocValuesField("created", p.created()));
                    if (p.lat() != null) {
                        d.add(new LatLonDocValuesField(DistanceSort.FIELD, p.lat(), p.lon()));
                    }
                    w.addDocument(d);
                }
            }
            SegmentCache<DistanceSort.Places> cache = DistanceSort.places();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Sort sort = new Sort(new DistanceSort(cache, lat, lon).sortField(),
                        new SortField("created", SortField.Type.LONG, true), SortField.FIELD_DOC);
                for (int size : new int[] {1, 20, 150, 1000, 3000}) {
                    ScoreDoc[] hits = searcher.search(new MatchAllDocsQuery(), size, sort).scoreDocs;
                    List<Integer> got = new ArrayList<>();
                    for (ScoreDoc h : hits) {
                        got.add(searcher.storedFields().document(h.doc).getField("id").numericValue().intValue());
                    }
                    List<Integer> expected = places.stream()
                            .sorted(Comparator.comparingDouble((Place p) -> distance(p, lat, lon))
                                    .thenComparing(Comparator.comparingLong(Place::created).reversed())
                                    .thenComparingInt(Place::id))
                            .limit(size).map(Place::id).toList();
                    assertEquals(expected, got, "page of " + size);
                }
                assertEquals(reader.leaves().size(), cache.size(), "one entry per segment");
            }
            assertEquals(0, cache.size(), "entries leave with their segments");
        }
    }

    /** Distance as the index sees it: on the encoded place. */
    private static double distance(Place p, double lat, double lon) {
        if (p.lat() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double la = GeoEncodingUtils.decodeLatitude(GeoEncodingUtils.encodeLatitude(p.lat()));
        double lo = GeoEncodingUtils.decodeLongitude(GeoEncodingUtils.encodeLongitude(p.lon()));
        return SloppyMath.haversinSortKey(lat, lon, la, lo);
    }
}
