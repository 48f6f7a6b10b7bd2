package fr.opus.platform.webhooks;

import com.sun.net.httpserver.HttpServer;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.security.Caller;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * On-demand benchmark, never part of a normal build (its name does not end in {@code Test}):
 * {@code bench/webhooks.sh}, or {@code mvn -o -q test -Dtest=WebhookDeliveryBench -Dwebhooks.sync=true} in this
 * bundle. Derby on disk under {@code target/} with its normal durability (a disk sync per commit), a receiver on
 * loopback answering 200 at once, one sender as in production.
 *
 * <p>Per round, in the same JVM and one after the other, so that drift of a shared machine falls on all of them:
 * <ol>
 * <li>raw: {@code n} POSTs of the same signed body with the same HTTP client settings, one after the other, no
 * database — the baseline of the deliveries;</li>
 * <li>outbox, 1 subscription: draining {@code n} published deliveries as the sender does (read a slice, POST each,
 * record the receipts);</li>
 * <li>outbox, 4 subscriptions: {@code n / 4} events fanned out to four subscriptions, drained;</li>
 * <li>a capability's transaction: {@code n} transactions inserting one row and committing — the baseline of
 * publishing — then the same with {@link WebhookOutbox#publish} in each (the cost an event adds to the change).</li>
 * </ol>
 * Prints the figures and, per round, their ratios to their baselines; the summary is the median of those ratios.
 * Writes them to {@code target/webhooks-bench.tsv}. Settings: {@code -Dwebhooks.bench.events=2000
 * -Dwebhooks.bench.rounds=5 -Dwebhooks.bench.warmups=3}.
 */
class WebhookDeliveryBench {

    private static final PrintStream OUT = System.out;
    private static final Caller RGC = Callers.RGC_A;

    @Test
    void deliveriesPerSecondAgainstRawPosts() throws Exception {
        int n = Integer.getInteger("webhooks.bench.events", 2000);
        int rounds = Integer.getInteger("webhooks.bench.rounds", 5);
        int warmUps = Integer.getInteger("webhooks.bench.warmups", 3);
        AtomicLong received = new AtomicLong();
        ExecutorService serverThreads = Executors.newFixedThreadPool(4);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<double[]> measured = new ArrayList<>();
        try (TestDatabase database = new TestDatabase()) {
            try (Connection c = database.dataSource().getConnection()) {
                c.createStatement().executeUpdate("CREATE TABLE APP.CHANGE (ID INT NOT NULL PRIMARY KEY,"
                        + " STATE VARCHAR(20) NOT NULL)");
            }
            WebhookManager webhooks = new WebhookManager(database.dataSource(), new RecordingAudit(),
                    new KnownPartners(Callers.PARTNER_A), Clock.systemUTC(), true);
            WebhookOutbox outbox = new WebhookOutbox(database.dataSource(), new HttpSender(10), Clock.systemUTC(), 3,
                    60, true, 0);
            HttpSender raw = new HttpSender(10);
            String body = EventJson.body("e-0", "referral.state-changed", Instant.now(), "r-0",
                    List.of(Callers.PARTNER_A), EventJson.payload(data(0)));
            String secret = "c2VjcmV0LWR1LWJhbmMtZCdlc3NhaS1xdWktbidlc3QtcGFz";

            OUT.printf("Webhooks benchmark: %d events per measure, %d rounds after %d warm-up rounds, Derby %s%n", n,
                    rounds, warmUps, Boolean.getBoolean("webhooks.sync") ? "with disk sync" : "WITHOUT disk sync");
            int[] next = {0};
            for (int round = 1 - warmUps; round <= rounds; round++) {
                double rawPosts = perSecond(n, () -> {
                    URI uri = URI.create(base + "/raw");
                    for (int i = 0; i < n; i++) {
                        int status = raw.post(uri, Map.of("Opus-Event-Id", "e-" + i, "Opus-Signature",
                                Signature.sign(secret, Instant.now(), body)), body);
                        check(status == 200, "raw POST answered " + status);
                    }
                });

                IssuedSubscription one = webhooks.subscribe(RGC, new WebhookDraft(base + "/one", List.of(), null,
                        null));
                for (int i = 0; i < n; i++) {
                    publish(database, outbox, next[0]++);
                }
                long before = received.get();
                double oneSubscription = perSecond(n, () -> drain(outbox));
                check(received.get() - before == n, "every delivery arrived once");
                webhooks.revoke(RGC, one.subscription().id());

                List<IssuedSubscription> four = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    four.add(webhooks.subscribe(RGC, new WebhookDraft(base + "/four" + s, List.of(), null, null)));
                }
                for (int i = 0; i < n / 4; i++) {
                    publish(database, outbox, next[0]++);
                }
                before = received.get();
                double fourSubscriptions = perSecond(n / 4 * 4, () -> drain(outbox));
                check(received.get() - before == n / 4 * 4L, "every fanned-out delivery arrived once");
                for (IssuedSubscription s : four) {
                    webhooks.revoke(RGC, s.subscription().id());
                }

                IssuedSubscription listening = webhooks.subscribe(RGC, new WebhookDraft(base + "/tx", List.of(), null,
                        null));
                double changeOnly = perSecond(n, () -> {
                    for (int i = 0; i < n; i++) {
                        change(database, null, next[0]++);
                    }
                });
                double changeAndEvent = perSecond(n, () -> {
                    for (int i = 0; i < n; i++) {
                        change(database, outbox, next[0]++);
                    }
                });
                webhooks.revoke(RGC, listening.subscription().id());

                double[] row = {rawPosts, oneSubscription, fourSubscriptions, changeOnly, changeAndEvent,
                    oneSubscription / rawPosts, fourSubscriptions / rawPosts, changeAndEvent / changeOnly};
                OUT.printf(Locale.ROOT, "%-9s raw %5.0f POSTs/s | outbox 1 sub %5.0f/s (%.2f) | 4 subs %5.0f/s"
                        + " (%.2f) | change tx %5.0f/s, with event %5.0f/s (%.2f)%n",
                        round <= 0 ? "warm-up" : "round " + round, row[0], row[1], row[5], row[2], row[6], row[3],
                        row[4], row[7]);
                if (round > 0) {
                    measured.add(row);
                }
            }
            outbox.stop();
            raw.close();
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        OUT.printf(Locale.ROOT, "median    raw %5.0f POSTs/s | outbox 1 sub %.2f of raw | 4 subs %.2f of raw"
                + " | a change with its event %.2f of the change alone%n", median(measured, 0), median(measured, 5),
                median(measured, 6), median(measured, 7));
        List<String> tsv = new ArrayList<>();
        tsv.add("round\traw_posts_per_s\toutbox_1_sub_per_s\toutbox_4_subs_per_s\tchange_tx_per_s"
                + "\tchange_and_event_tx_per_s\tratio_1_sub\tratio_4_subs\tratio_publish");
        for (int r = 0; r < measured.size(); r++) {
            StringBuilder line = new StringBuilder(String.valueOf(r + 1));
            for (double value : measured.get(r)) {
                line.append('\t').append(String.format(Locale.ROOT, "%.2f", value));
            }
            tsv.add(line.toString());
        }
        Files.write(Path.of("target", "webhooks-bench.tsv"), tsv, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> data(int i) {
        return Map.of("state", "SENT", "offerId", "201WLXK", "referralId", "r-" + i);
    }

    private static void publish(TestDatabase database, WebhookOutbox outbox, int i) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            outbox.publish(c, event(i));
            c.commit();
        }
    }

    /** A capability's change: one row, and its event when {@code outbox} is given, in one transaction. */
    private static void change(TestDatabase database, WebhookOutbox outbox, int i) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO APP.CHANGE (ID, STATE) VALUES (?, ?)")) {
                insert.setInt(1, i);
                insert.setString(2, "SENT");
                insert.executeUpdate();
            }
            if (outbox != null) {
                outbox.publish(c, event(i));
            }
            c.commit();
        }
    }

    private static DomainEvent event(int i) {
        return new DomainEvent("bench-" + i, "referral.state-changed", Instant.now(), Set.of(Callers.PARTNER_A),
                "r-" + i, data(i));
    }

    private static void drain(WebhookOutbox outbox) {
        while (outbox.sendDue() > 0) {
            // as the sender thread does: rounds until nothing is due
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double perSecond(int count, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
