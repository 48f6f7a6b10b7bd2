package fr.opus.offers.impl;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.PublishedOffer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded Lucene index of active offers. The database is the system of record: the index remembers in its
 * commit data the last change sequence it holds, and {@link OfferService} replays what came after on start, or
 * rebuilds it whole when it is missing, unreadable or of another format.
 *
 * <p>Writes go through one {@link IndexWriter}; readers are near-real-time and refreshed after each feed batch, so
 * an acknowledged change is visible at once. Commits (fsync) happen on a timer and on close.
 */
final class OfferIndex implements Closeable {

    /** Bump when fields change: an index of another format is rebuilt. */
    static final String FORMAT = "6";
    /**
     * What a result page shows of an offer, as a binary doc value rather than a stored field: a page of 20 read
     * 20 compressed blocks of stored fields (a third of a region + ROME search in the offers benchmark); doc values
     * are read in place. It costs disk: about 2 KB per offer, uncompressed.
     */
    static final String PAGE_FIELD = "page";
    static final SortField NEWEST = new SortField("created", SortField.Type.LONG, true);
    static final SortField BY_ID = new SortField("id", SortField.Type.STRING);
    /**
     * Each segment keeps its offers newest first. A search without keywords or distance sorts the same way, so its
     * top collector stops after the page in each segment while the facet counter goes on over every match (the
     * offers benchmark showed the sort reading each match's date to be half of such a search).
     */
    static final Sort INDEX_ORDER = new Sort(NEWEST, BY_ID);
    private static final String KEY_FORMAT = "opus.format";
    private static final String KEY_SEQ = "opus.seq";

    private final OfferAnalyzer analyzer = new OfferAnalyzer();
    private final OfferFacts facts;
    private final SegmentCache<int[]> ordinals = FacetCounter.ordinals();
    private final SegmentCache<DistanceSort.Places> places = DistanceSort.places();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final long committedSeq;
    private volatile long appliedSeq;
    private volatile long lastCommittedSeq;

    /**
     * Opens the index in {@code dir}, or starts an empty one when there is none or it cannot be used; then
     * {@link #committedSeq()} is -1 and the caller rebuilds it.
     */
    OfferIndex(Path dir, OfferFacts facts) throws IOException {
        this.facts = facts;
        Files.createDirectories(dir);
        this.directory = FSDirectory.open(dir);
        long seq = readCommittedSeq(directory);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(seq < 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64)
                .setIndexSort(INDEX_ORDER)
                // the feed flushes a small segment per batch: writing each once more into a compound file (and again
                // after small merges) costs the feed CPU for nothing but fewer open files
                .setUseCompoundFile(false)
                .setMergePolicy(separateFiles());
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.committedSeq = seq;
        this.appliedSeq = Math.max(seq, 0);
        this.lastCommittedSeq = seq;
    }

    private static TieredMergePolicy separateFiles() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    private static long readCommittedSeq(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return -1;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                if (!FORMAT.equals(data.get(KEY_FORMAT)) || data.get(KEY_SEQ) == null) {
                    return -1;
                }
                return Long.parseLong(data.get(KEY_SEQ));
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The change sequence the index held when opened, or -1 when it must be rebuilt. */
    long committedSeq() {
        return committedSeq;
    }

    /** The last change sequence applied. */
    long appliedSeq() {
        return appliedSeq;
    }

    /** Adds, replaces or (when not active) removes the offer. */
    void apply(Offer offer, long seq) {
        apply(offer, seq, offer.visible() ? facts.of(offer) : null);
    }

    /** As {@link #apply(Offer, long)}, with the offer's facts already derived. */
    void apply(Offer offer, long seq, OfferFacts.Facts offerFacts) {
        try {
            Term id = new Term("id", offer.id());
            if (offer.visible()) {
                writer.updateDocument(id, document(offer, offerFacts));
            } else {
                writer.deleteDocuments(id);
            }
            if (seq > appliedSeq) {
                appliedSeq = seq;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Index write failed for offer " + offer.id(), e);
        }
    }

    /** Makes applied changes visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Index refresh failed", e);
        }
    }

    /** Makes applied changes durable, recording the last sequence applied. */
    void commit() {
        try {
            long seq = appliedSeq;
            if (writer.hasUncommittedChanges() || lastCommittedSeq != seq) {
                writer.setLiveCommitData(Map.of(KEY_FORMAT, FORMAT, KEY_SEQ, Long.toString(seq)).entrySet());
                writer.commit();
                lastCommittedSeq = seq;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Index commit failed", e);
        }
    }

    /** Records that every change up to {@code seq} is held (after a rebuild that skipped inactive offers). */
    void markApplied(long seq) {
        if (seq > appliedSeq) {
            appliedSeq = seq;
        }
    }

    void deleteAll() {
        try {
            writer.deleteAll();
            appliedSeq = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Index reset failed", e);
        }
    }

    long size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a compiled search and reads the requested page from the stored published JSON. */
    OfferPage search(Query query, Sort sort, int first, int last) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                // the facet counter counts every match, so the top collector need not (and may skip)
                TopFieldCollectorManager top = new TopFieldCollectorManager(sort, last + 1, null, last + 1);
                FacetCounter.Manager facets = new FacetCounter.Manager(ordinals);
                TopDocs docs;
                FacetCounter.Result counted;
                if (sort.needsScores()) {
                    // Two passes: counting needs every match but no score; ranking by score alone may skip the
                    // blocks of postings that cannot reach the page. One pass would score every match, which was
                    // most of a keyword search in the offers benchmark.
                    counted = s.search(query, facets);
                    docs = s.search(query, top);
                } else {
                    Object[] results = s.search(query, new MultiCollectorManager(top, facets));
                    docs = (TopDocs) results[0];
                    counted = (FacetCounter.Result) results[1];
                }
                List<PublishedOffer> offers = page(s.getIndexReader().leaves(), docs.scoreDocs, first, last);
                return new OfferPage(counted.matches(), first, first + offers.size() - 1, offers, counted.facets());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    /**
     * The page's published offers, read from their doc values in document order (each segment's values are read
     * forwards) and returned in rank order.
     */
    private static List<PublishedOffer> page(List<LeafReaderContext> leaves, ScoreDoc[] hits, int first, int last)
            throws IOException {
        int size = Math.max(0, Math.min(hits.length, last + 1) - first);
        Integer[] byDoc = new Integer[size];
        for (int i = 0; i < size; i++) {
            byDoc[i] = first + i;
        }
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
        PublishedOffer[] page = new PublishedOffer[size];
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                values = DocValues.getBinary(leaves.get(l).reader(), PAGE_FIELD);
            }
            if (!values.advanceExact(doc - leaves.get(l).docBase)) {
                throw new IllegalStateException("Indexed offer without its published form: " + doc);
            }
            page[i - first] = published(values.binaryValue());
        }
        return List.of(page);
    }

    /** An offer's id and published JSON as one doc value: the id's ASCII bytes, a line feed, the JSON. */
    static BytesRef pageValue(String id, byte[] json) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] value = java.util.Arrays.copyOf(idBytes, idBytes.length + 1 + json.length);
        value[idBytes.length] = '\n';
        System.arraycopy(json, 0, value, idBytes.length + 1, json.length);
        return new BytesRef(value);
    }

    static PublishedOffer published(BytesRef value) {
        int end = value.offset + value.length;
        int cut = value.offset;
        while (value.bytes[cut] != '\n') {
            cut++;
        }
        return new PublishedOffer(new String(value.bytes, value.offset, cut - value.offset, StandardCharsets.US_ASCII),
                java.util.Arrays.copyOfRange(value.bytes, cut + 1, end));
    }

    /** Nearest first from the point, on the places this index keeps on the heap. */
    SortField distanceFrom(double latitude, double longitude) {
        return new DistanceSort(places, latitude, longitude).sortField();
    }

    OfferAnalyzer analyzer() {
        return analyzer;
    }

    Document document(Offer offer, OfferFacts.Facts f) {
        OfferContent c = offer.content();
        Document d = new Document();
        d.add(new StringField("id", offer.id(), Field.Store.NO));
        d.add(new SortedDocValuesField("id", new BytesRef(offer.id())));
        String title = c.title() == null ? "" : c.title();
        d.add(new TextField("title", title + " " + nz(c.appellationLabel()), Field.Store.NO));
        d.add(new TextField("text", searchableText(offer), Field.Store.NO));
        keyword(d, "rome", c.romeCode());
        keyword(d, "appellation", offer.appellationCode());
        keyword(d, "domain", f.domain());
        f.grandDomains().forEach(g -> keyword(d, "grandDomain", g));
        f.themes().forEach(t -> keyword(d, "theme", t));
        keyword(d, "sector", c.sector());
        keyword(d, "naf", c.nafCode());
        keyword(d, "commune", f.commune());
        keyword(d, "commune", f.parentCommune());
        keyword(d, "department", f.department());
        keyword(d, "region", f.region());
        keyword(d, "contractType", c.contractType());
        keyword(d, "nature", f.natureCode());
        keyword(d, "qualification", f.qualification());
        keyword(d, "experience", f.experience());
        keyword(d, "experienceReq", c.experienceRequirement());
        keyword(d, "fullTime", f.fullTime() == null ? null : f.fullTime().toString());
        keyword(d, "weeklyDuration", f.weeklyDuration());
        keyword(d, "origin", c.origin() == null ? "1" : c.origin().origin());
        flag(d, "accessibleTH", c.disabilityAccessible());
        flag(d, "shortOfCandidates", c.shortOfCandidates());
        flag(d, "adaptedCompany", c.adaptedCompany());
        flag(d, "handiEngage", c.disabilityCommittedEmployer());
        keyword(d, "diffusion", offer.diffusion().name());
        long created = f.createdAt() == null ? 0 : f.createdAt().toEpochMilli();
        d.add(new LongPoint("created", created));
        d.add(new NumericDocValuesField("created", created));
        if (f.latitude() != null && f.longitude() != null) {
            d.add(new LatLonPoint(DistanceSort.FIELD, f.latitude(), f.longitude()));
            d.add(new LatLonDocValuesField(DistanceSort.FIELD, f.latitude(), f.longitude()));
        }
        d.add(FacetCounter.field(c.contractType(), f.experience(), f.qualification(), f.natureCode()));
        d.add(new BinaryDocValuesField(PAGE_FIELD, pageValue(offer.id(), OfferJson.published(offer))));
        return d;
    }

    /**
     * What keywords search: title, job labels, description, skills, qualities, trainings, the sector — and the
     * company's name only when the diffusion mode shows it, so that an anonymous offer cannot be found by it.
     */
    private static String searchableText(Offer offer) {
        OfferContent c = offer.content();
        Stream.Builder<String> parts = Stream.builder();
        parts.add(c.title()).add(c.romeLabel()).add(c.appellationLabel()).add(c.description()).add(c.sectorLabel())
                .add(c.contractTypeLabel());
        c.skills().forEach(s -> parts.add(s.label()));
        c.professionalQualities().forEach(q -> parts.add(q.label()));
        c.trainings().forEach(t -> parts.add(t.domainLabel()));
        c.officeTools().forEach(parts::add);
        if (offer.diffusion() != Diffusion.ANONYMOUS && c.company() != null) {
            parts.add(c.company().name());
        }
        return parts.build().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null && !value.isEmpty()) {
            d.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void flag(Document d, String field, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            d.add(new StringField(field, "true", Field.Store.NO));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }
}
