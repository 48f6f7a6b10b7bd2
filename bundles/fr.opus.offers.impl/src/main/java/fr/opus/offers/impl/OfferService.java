package fr.opus.offers.impl;

import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.referentials.api.ReferentialService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offers capability: applies France Travail's feed to the OFFERS schema and keeps the Lucene index in step;
 * serves lookups from the database and searches from the index.
 *
 * <p>Batches are applied one at a time: the batch's events and offer rows are committed in one database
 * transaction (so an acknowledged batch survives a crash), then applied to the index and made visible before the
 * batch is acknowledged. The index is committed on a timer; after a crash it catches up from the change sequence
 * it recorded.
 */
@Component(service = {OfferCatalog.class, OfferFeed.class, HealthIndicator.class})
@Designate(ocd = OfferService.Config.class)
public class OfferService implements OfferCatalog, OfferFeed, HealthIndicator {

    @ObjectClassDefinition(name = "Opus offers", description = "Offer store, feed and search index")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the search index; empty for <karaf.data>/offers/index")
        String indexPath() default "";

        @AttributeDefinition(description = "Seconds between index commits (durability of the index; the database"
                + " always holds every change)")
        int commitIntervalSeconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OfferService.class);
    /** Up to this many active offers the index is rebuilt before the service starts; beyond, in the background. */
    private static final long SYNCHRONOUS_REBUILD_MAX = 50_000;

    private final OfferStore store;
    private final OfferIndex index;
    private final FeedRules rules;
    private final SearchQueries queries;
    private final OfferFacts facts;
    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ScheduledExecutorService scheduler;
    private long lastSeq;
    /** What feed/status shows, counted once from the database on start and then kept by each stored batch. */
    private volatile FeedTotals totals;
    private volatile boolean rebuilding;
    private volatile boolean closing;
    private volatile Instant lastRebuildAt;

    @Activate
    public OfferService(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference ReferentialService referentials,
            @Reference(target = "(opus.schema=OFFERS)") MigratedSchema schema, Config config) {
        this(dataSource, referentials, indexPath(config), Clock.systemUTC(), config.commitIntervalSeconds());
    }

    OfferService(DataSource dataSource, ReferentialService referentials, Path indexDir, Clock clock,
            int commitIntervalSeconds) {
        this.clock = clock;
        this.store = new OfferStore(dataSource);
        this.rules = new FeedRules(referentials, clock);
        this.facts = new OfferFacts(referentials);
        try {
            this.index = new OfferIndex(indexDir, facts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the offer index in " + indexDir, e);
        }
        this.queries = new SearchQueries(referentials, index, clock);
        this.lastSeq = store.maxChangeSeq();
        this.totals = readTotals();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opus-offers-index");
            t.setDaemon(true);
            return t;
        });
        if (index.committedSeq() < 0) {
            rebuilding = true;
            if (totals.byStatus().get(OfferStatus.ACTIVE) <= SYNCHRONOUS_REBUILD_MAX) {
                rebuild();
            } else {
                scheduler.execute(this::rebuild);
            }
        } else {
            catchUp(index.committedSeq());
        }
        int every = Math.max(1, commitIntervalSeconds);
        scheduler.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.SECONDS);
    }

    private static Path indexPath(Config config) {
        if (!config.indexPath().isBlank()) {
            return Path.of(config.indexPath());
        }
        return Path.of(System.getProperty("karaf.data", "data"), "offers", "index");
    }

    @Deactivate
    void deactivate() {
        // no interrupts: an interrupted thread closes Derby connections and Lucene's file channels
        closing = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Offer index work still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeLock.lock();
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Offer index not closed cleanly: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ index upkeep

    /** Replays into the index what the database holds beyond the index's last commit. */
    private void catchUp(long fromSeq) {
        long start = System.nanoTime();
        int[] n = {0};
        store.changedSince(fromSeq, false, s -> {
            index.apply(s.offer(), s.seq());
            n[0]++;
        });
        index.markApplied(lastSeq);
        index.refresh();
        index.commit();
        LOG.info("Offer index caught up: {} changes replayed after sequence {} in {} ms", n[0], fromSeq,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Rebuilds the index from the database, holding the feed back meanwhile. */
    void rebuild() {
        writeLock.lock();
        rebuilding = true;
        try {
            long start = System.nanoTime();
            index.deleteAll();
            int[] n = {0};
            store.changedSince(0, true, s -> {
                if (closing) {
                    throw new IllegalStateException("stopping");
                }
                index.apply(s.offer(), s.seq());
                if (++n[0] % 100_000 == 0) {
                    LOG.info("Offer index rebuild: {} offers", n[0]);
                }
            });
            index.markApplied(lastSeq);
            index.commit();
            index.refresh();
            lastRebuildAt = clock.instant();
            LOG.info("Offer index rebuilt from the database: {} active offers in {} ms", n[0],
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Offer index rebuild failed; search answers from a partial index", e);
        } finally {
            rebuilding = false;
            writeLock.unlock();
        }
    }

    private void commitQuietly() {
        try {
            index.commit();
        } catch (RuntimeException e) {
            LOG.warn("Offer index commit failed (will retry): {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ catalog

    @Override
    public Optional<Offer> find(String id) {
        return id == null ? Optional.empty() : store.find(id);
    }

    @Override
    public Optional<OfferContent> findPublished(String id) {
        return find(id).filter(Offer::visible).map(Offer::published);
    }

    @Override
    public List<Offer> findBySiret(String siret) {
        return siret == null || siret.isBlank() ? List.of() : store.bySiret(siret.strip());
    }

    @Override
    public List<String> activeOfferIds(java.time.Instant publishedBefore) {
        return store.activeIds(publishedBefore);
    }

    @Override
    public OfferPage search(OfferQuery query) {
        SearchQueries.Compiled compiled = queries.compile(query);
        return index.search(compiled.query(), compiled.sort(), query.first(), query.last());
    }

    // ------------------------------------------------------------------ feed

    @Override
    public FeedReceipt accept(List<OfferEvent> batch) {
        if (batch == null || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw OpusException.invalid(OfferProblemCodes.INVALID_BATCH, "Un lot contient de 1 à " + MAX_BATCH
                    + " événements.", "events");
        }
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        List<OfferEvent> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> storedJson = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            FeedRules.Checked checked = rules.check(batch.get(i), i);
            if (checked.ok()) {
                valid.add(checked.event());
                positions.add(i);
                storedJson.add(checked.storedJson());
            } else {
                outcomes[i] = checked.rejection();
            }
        }
        if (!valid.isEmpty()) {
            writeLock.lock();
            try {
                List<OfferStore.Change> applied = applyInTransaction(valid, positions, storedJson, outcomes);
                for (OfferStore.Change change : applied) {
                    index.apply(change.offer(), change.seq(), change.facts());
                }
                index.refresh();
            } finally {
                writeLock.unlock();
            }
        }
        return FeedReceipt.of(List.of(outcomes));
    }

    private List<OfferStore.Change> applyInTransaction(List<OfferEvent> events, List<Integer> positions,
            List<String> storedJson, EventOutcome[] outcomes) {
        Instant now = clock.instant();
        long seqBefore = lastSeq;
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                Set<String> known = store.knownEvents(c, events.stream().map(OfferEvent::eventId).toList());
                Map<String, OfferStore.State> stored = store.states(c,
                        events.stream().map(OfferEvent::offerId).distinct().toList());
                Map<String, OfferStore.State> states = new LinkedHashMap<>(stored);
                Map<String, Offer> changed = new LinkedHashMap<>();
                // the stored JSON the checks made, while an offer's last accepted event is the one that carried it
                Map<String, String> json = new HashMap<>();
                List<OfferStore.Received> received = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int k = 0; k < events.size(); k++) {
                    OfferEvent e = events.get(k);
                    int i = positions.get(k);
                    if (known.contains(e.eventId()) || !seen.add(e.eventId())) {
                        outcomes[i] = new EventOutcome(e.eventId(), i, EventOutcome.Result.DUPLICATE, null, null,
                                null);
                        continue;
                    }
                    OfferStore.State state = states.get(e.offerId());
                    if (state != null && e.version() <= state.version()) {
                        outcomes[i] = new EventOutcome(e.eventId(), i, EventOutcome.Result.STALE, null,
                                "L'offre est déjà en version " + state.version() + " : événement ignoré.", null);
                        received.add(new OfferStore.Received(e, EventOutcome.Result.STALE));
                        continue;
                    }
                    EventOutcome refusal = refusal(e, i, state);
                    if (refusal != null) {
                        outcomes[i] = refusal;
                        continue;
                    }
                    Offer next = next(c, e, state, changed);
                    changed.put(e.offerId(), next);
                    if (e.type().carriesOffer()) {
                        json.put(e.offerId(), storedJson.get(k));
                    } else {
                        json.remove(e.offerId());
                    }
                    states.put(e.offerId(), new OfferStore.State(e.offerId(), next.status(), next.version()));
                    outcomes[i] = new EventOutcome(e.eventId(), i, EventOutcome.Result.ACCEPTED, null, null, null);
                    received.add(new OfferStore.Received(e, EventOutcome.Result.ACCEPTED));
                }
                List<OfferStore.Change> changes = new ArrayList<>(changed.size());
                for (Offer o : changed.values()) {
                    changes.add(new OfferStore.Change(o, ++lastSeq, !stored.containsKey(o.id()), facts.of(o),
                            json.get(o.id())));
                }
                store.write(c, changes, received, now);
                c.commit();
                totals = totals.after(changes, stored, received, now);
                return changes;
            } catch (SQLException | RuntimeException e) {
                lastSeq = seqBefore;
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            LOG.error("Feed batch not stored", e);
            throw new OpusException(503, ProblemCodes.UNAVAILABLE, "Le lot n'a pas pu être enregistré (base de"
                    + " données indisponible) ; aucun de ses événements n'est pris en compte : renvoyez-le.", null);
        }
    }

    /** Why the event cannot apply to the offer as it stands, or {@code null}. */
    private static EventOutcome refusal(OfferEvent e, int i, OfferStore.State state) {
        if (state == null && !e.type().carriesOffer()) {
            return EventOutcome.rejected(e.eventId(), i, OfferProblemCodes.UNKNOWN_OFFER,
                    "Offre inconnue : « " + e.offerId() + " » ; seuls CREATED et UPDATED peuvent l'introduire.",
                    "offerId");
        }
        if (state != null && state.status().isFinal()) {
            return EventOutcome.rejected(e.eventId(), i, OfferProblemCodes.FINAL_OFFER, "L'offre « " + e.offerId()
                    + " » est " + (state.status() == OfferStatus.CANCELLED ? "annulée" : "clôturée")
                    + " : elle ne peut plus changer.", "type");
        }
        return null;
    }

    private Offer next(Connection c, OfferEvent e, OfferStore.State state, Map<String, Offer> changed)
            throws SQLException {
        if (e.type().carriesOffer()) {
            OfferStatus status = e.type().target() != null ? e.type().target()
                    : state == null ? OfferStatus.ACTIVE : state.status();
            return e.offer().withState(status, e.version(), e.occurredAt());
        }
        Offer current = changed.get(e.offerId());
        if (current == null) {
            current = store.find(c, e.offerId()).orElseThrow();
        }
        return current.withState(e.type().target(), e.version(), e.occurredAt());
    }

    @Override
    public FeedStatus status() {
        FeedTotals t = totals;
        return new FeedStatus(t.byStatus(), t.events(), t.lastEventAt(), t.lastBatchAt(), index.size(),
                !rebuilding && index.appliedSeq() >= lastSeq, lastRebuildAt);
    }

    private FeedTotals readTotals() {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(OCCURRED_AT), MAX(RECEIVED_AT) FROM OFFERS.FEED_EVENT");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new FeedTotals(store.countByStatus(), store.eventCount(), instant(rs.getTimestamp(1)),
                    instant(rs.getTimestamp(2)));
        } catch (SQLException e) {
            throw OfferStore.failure("feed status", e);
        }
    }

    /** Offers per status, events stored and the latest times, as of the last stored batch. */
    record FeedTotals(Map<OfferStatus, Long> byStatus, long events, Instant lastEventAt, Instant lastBatchAt) {

        FeedTotals after(List<OfferStore.Change> changes, Map<String, OfferStore.State> before,
                List<OfferStore.Received> received, Instant storedAt) {
            Map<OfferStatus, Long> counts = new EnumMap<>(byStatus);
            for (OfferStore.Change change : changes) {
                OfferStore.State old = before.get(change.offer().id());
                if (old != null) {
                    counts.merge(old.status(), -1L, Long::sum);
                }
                counts.merge(change.offer().status(), 1L, Long::sum);
            }
            Instant lastEvent = lastEventAt;
            for (OfferStore.Received r : received) {
                Instant at = r.event().occurredAt();
                if (at != null && (lastEvent == null || at.isAfter(lastEvent))) {
                    lastEvent = at;
                }
            }
            return new FeedTotals(counts, events + received.size(), lastEvent,
                    received.isEmpty() ? lastBatchAt : storedAt);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // ------------------------------------------------------------------ health

    @Override
    public String name() {
        return "offers";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("indexedOffers", index.size());
        details.put("indexRebuilding", rebuilding);
        return rebuilding ? new Health(Health.Status.DEGRADED, details) : Health.up(details);
    }
}
