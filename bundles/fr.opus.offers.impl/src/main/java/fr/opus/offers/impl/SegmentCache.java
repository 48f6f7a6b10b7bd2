package fr.opus.offers.impl;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Per-document values of one segment copied to the heap once, for the loops that read them for every match (facet
 * counts, distance sorting): an array read instead of a doc-values read through memory-mapped, bounds-checked
 * buffers. A segment's doc values never change (deletions do not touch its core), so an entry lives as long as the
 * segment and is dropped when it closes.
 *
 * @param <T> the array kept per segment
 */
final class SegmentCache<T> {

    /** Reads one segment's values. */
    interface Loader<T> {
        T load(LeafReader segment) throws IOException;
    }

    private final Loader<T> loader;
    private final Map<Object, T> bySegment = new ConcurrentHashMap<>();

    SegmentCache(Loader<T> loader) {
        this.loader = loader;
    }

    T of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return loader.load(segment);
        }
        IndexReader.CacheKey key = helper.getKey();
        T values = bySegment.get(key);
        if (values == null) {
            values = loader.load(segment);
            if (bySegment.putIfAbsent(key, values) == null) {
                helper.addClosedListener(bySegment::remove);
            } else {
                values = bySegment.get(key);
            }
        }
        return values;
    }

    /** Segments held, for tests. */
    int size() {
        return bySegment.size();
    }
}
