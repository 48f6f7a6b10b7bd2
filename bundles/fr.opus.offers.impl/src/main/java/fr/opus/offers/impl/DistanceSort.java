package fr.opus.offers.impl;

import java.io.IOException;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.geo.Rectangle;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SloppyMath;

/**
 * Nearest offers first from a centre, offers without a place last: Lucene's distance sort, but reading each offer's
 * place from a {@link SegmentCache} rather than from doc values. A commune + distance search compares every match,
 * and reading {@link LatLonDocValuesField} per match was the largest part of it in the offers benchmark.
 */
final class DistanceSort extends FieldComparatorSource {

    /** The field of offers' places: points for the distance filter, doc values for this sort. */
    static final String FIELD = "loc";

    /** One segment's places: the encoded latitude (high 32 bits) and longitude of each document that has one. */
    record Places(long[] encoded, FixedBitSet present) {
    }

    private final SegmentCache<Places> places;
    private final double latitude;
    private final double longitude;

    DistanceSort(SegmentCache<Places> places, double latitude, double longitude) {
        this.places = places;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    static SegmentCache<Places> places() {
        return new SegmentCache<>(DistanceSort::readPlaces);
    }

    private static Places readPlaces(LeafReader reader) throws IOException {
        long[] encoded = new long[reader.maxDoc()];
        FixedBitSet present = new FixedBitSet(Math.max(1, reader.maxDoc()));
        SortedNumericDocValues values = DocValues.getSortedNumeric(reader, FIELD);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            encoded[doc] = values.nextValue();
            present.set(doc);
        }
        return new Places(encoded, present);
    }

    SortField sortField() {
        return new SortField(FIELD, this);
    }

    /** A key that orders like the distance to the centre (not the distance itself); infinite without a place. */
    private double key(Places p, int doc) {
        if (!p.present().get(doc)) {
            return Double.POSITIVE_INFINITY;
        }
        long v = p.encoded()[doc];
        return SloppyMath.haversinSortKey(latitude, longitude, GeoEncodingUtils.decodeLatitude((int) (v >> 32)),
                GeoEncodingUtils.decodeLongitude((int) v));
    }

    /**
     * The encoded box around the centre that holds every place at most as far as {@code key}: once the page is full,
     * a match outside the box of the page's farthest offer is rejected by four integer comparisons, without
     * trigonometry (most matches, as the nearest offers are often in the commune itself). {@code null} when no box
     * helps (no bound yet, or a box across the antimeridian).
     */
    private int[] box(double key) {
        if (Double.isInfinite(key)) {
            return null;
        }
        Rectangle r = Rectangle.fromPointDistance(latitude, longitude, SloppyMath.haversinMeters(key));
        if (r.crossesDateline()) {
            return null;
        }
        // one encoding step wider on each side: a place exactly at the bound (a tie with the page's farthest offer,
        // which the next sort field decides) must not be rejected by rounding
        return new int[] {below(GeoEncodingUtils.encodeLatitude(r.minLat)),
            above(GeoEncodingUtils.encodeLatitudeCeil(r.maxLat)), below(GeoEncodingUtils.encodeLongitude(r.minLon)),
            above(GeoEncodingUtils.encodeLongitudeCeil(r.maxLon))};
    }

    private static int below(int encoded) {
        return encoded == Integer.MIN_VALUE ? encoded : encoded - 1;
    }

    private static int above(int encoded) {
        return encoded == Integer.MAX_VALUE ? encoded : encoded + 1;
    }

    private static boolean outside(int[] box, Places p, int doc) {
        if (box == null || !p.present().get(doc)) {
            return false;
        }
        long v = p.encoded()[doc];
        int lat = (int) (v >> 32);
        int lon = (int) v;
        return lat < box[0] || lat > box[1] || lon < box[2] || lon > box[3];
    }

    @Override
    public FieldComparator<Double> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new FieldComparator<>() {
            private final double[] slots = new double[numHits];
            private double bottom;
            private int[] bottomBox;
            private double top;

            @Override
            public int compare(int slot1, int slot2) {
                return Double.compare(slots[slot1], slots[slot2]);
            }

            @Override
            public void setTopValue(Double value) {
                top = value;
            }

            @Override
            public Double value(int slot) {
                return slots[slot];
            }

            @Override
            public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
                Places segment = places.of(context.reader());
                return new LeafFieldComparator() {
                    @Override
                    public void setBottom(int slot) {
                        if (slots[slot] != bottom || bottomBox == null) {
                            bottom = slots[slot];
                            bottomBox = box(bottom);
                        }
                    }

                    @Override
                    public int compareBottom(int doc) {
                        if (outside(bottomBox, segment, doc)) {
                            return -1;
                        }
                        return Double.compare(bottom, key(segment, doc));
                    }

                    @Override
                    public int compareTop(int doc) {
                        return Double.compare(top, key(segment, doc));
                    }

                    @Override
                    public void copy(int slot, int doc) {
                        slots[slot] = key(segment, doc);
                    }

                    @Override
                    public void setScorer(Scorable scorer) {
                    }
                };
            }
        };
    }
}
