package fr.opus.offers.impl;

import fr.opus.offers.api.DemoOffers;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferFeed;
import fr.opus.referentials.api.ReferentialService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * Demo mode: at first boot, feeds a few thousand generated offers (or as many as {@code count} says, a million for
 * the benchmark), carrying on at the next start if it was stopped before the end. On when the environment says
 * {@code OPUS_DEMO=true} or {@code etc/fr.opus.offers.demo.cfg} says {@code enabled=true}; a production install
 * leaves both off.
 */
@Component(service = DemoOffers.class, configurationPid = "fr.opus.offers.demo", immediate = true)
@Designate(ocd = DemoOfferLoader.Config.class)
public class DemoOfferLoader implements DemoOffers {

    @ObjectClassDefinition(name = "Opus demo offers", description = "Generated offers for demonstrations")
    public @interface Config {
        @AttributeDefinition(description = "Load demo offers at first boot (also on with OPUS_DEMO=true)")
        boolean enabled() default false;

        @AttributeDefinition(description = "How many offers to load at first boot")
        int count() default 3000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoOfferLoader.class);
    private static final int BATCH = 1000;
    private static final int PROGRESS = 50_000;

    private final OfferFeed feed;
    private final DemoOfferGenerator generator;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opus-offers-demo");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    @Activate
    public DemoOfferLoader(@Reference OfferFeed feed, @Reference ReferentialService referentials, Config config) {
        this.feed = feed;
        this.generator = new DemoOfferGenerator(referentials, Clock.systemUTC().instant());
        boolean on = config.enabled() || "true".equalsIgnoreCase(System.getenv("OPUS_DEMO"));
        long stored = feed.status().offersByStatus().values().stream().mapToLong(Long::longValue).sum();
        if (on && stored < config.count()) {
            // demo offer i is always the same: a load cut short by a stop carries on where it was
            executor.execute(() -> load(stored, config.count() - stored));
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public long load(long firstIndex, long count) {
        long start = System.nanoTime();
        long accepted = 0;
        List<OfferEvent> batch = new ArrayList<>(BATCH);
        for (long i = firstIndex; i < firstIndex + count && !stopping; i++) {
            batch.add(generator.creation(i));
            if (batch.size() == BATCH) {
                accepted += feed.accept(batch).accepted();
                batch.clear();
                if ((i + 1 - firstIndex) % PROGRESS == 0) {
                    LOG.info("Demo offers: {} of {} fed ({} events/s)", i + 1 - firstIndex, count,
                            (i + 1 - firstIndex) * 1_000_000_000L / Math.max(1, System.nanoTime() - start));
                }
            }
        }
        if (!batch.isEmpty()) {
            accepted += feed.accept(batch).accepted();
        }
        LOG.info("Demo offers: {} of {} accepted in {} ms", accepted, count, (System.nanoTime() - start) / 1_000_000);
        return accepted;
    }
}
