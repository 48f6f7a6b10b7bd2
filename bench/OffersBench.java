import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offers benchmark driver (bench/offers.sh runs it; see bundles/fr.opus.offers.impl/README.md).
 *
 * <pre>
 * java -cp jackson+derby bench/OffersBench.java http BASE-URL RESULTS.tsv [requests-per-kind] [threads] [phases]
 *     [warm-up searches]
 * java -cp jackson+derby bench/OffersBench.java sql DERBY-DATABASE-FOLDER RESULTS.tsv
 * </pre>
 *
 * The http phase samples offers spread over the loaded ones, builds a query mix from them (region + ROME code,
 * keywords, commune + distance, department facets), measures each kind and the mix over HTTP, then the feed's
 * ingestion rate and the time from an acknowledged suspension to the offer's disappearance. It writes the queries
 * and its figures to RESULTS.tsv. The sql phase, run once Opus is stopped, opens the same Derby database and runs the
 * same queries as plain SQL (what a database-only design would do: indexed columns where the schema has them, LIKE
 * for keywords, a bounding box joined to the communes for distance, GROUP BY for facets), inserts the same kind of
 * rows with JDBC, and prints every figure next to its baseline with the ratios.
 */
public class OffersBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SEARCH = "/partenaire/offresdemploi/v2/offres/search?";
    /** A results page as a counsellor's screen shows it. */
    static final int PAGE = 20;
    /** France Travail's largest page, as partners' programs harvest. */
    static final int API_PAGE = 150;
    static final int INGEST_BATCHES = 20;
    static final int INGEST_BATCH = 1000;
    static final int INGEST_WARM_UP = 20;
    static final int SAMPLES = 400;
    static final int SUSPENSIONS = 30;
    static final long SQL_BUDGET_NANOS = 60_000_000_000L;

    /** One query of the mix: its kind, its HTTP path, and the parameters of its SQL equivalent. */
    record Query(String kind, String path, List<String> sql) {
    }

    record Stats(String name, int count, double p50, double p95, double p99, double perSecond, int errors) {
        String tsv() {
            return String.join("\t", "stats", name, String.valueOf(count), String.valueOf(p50), String.valueOf(p95),
                    String.valueOf(p99), String.valueOf(perSecond), String.valueOf(errors));
        }

        static Stats of(String name, long[] nanos, long wallNanos, int errors) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(name, sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                    sorted.length / (wallNanos / 1e9), errors);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("http")) {
            int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
            int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
            Set<String> phases = Set.of((args.length > 5 ? args[5] : "search,ingest,suspension").split(","));
            int warmUp = args.length > 6 ? Integer.parseInt(args[6]) : 60_000;
            new Http(args[1], Path.of(args[2]), requests, threads, phases, warmUp).run();
        } else if (args.length >= 3 && args[0].equals("sql")) {
            new Sql(Path.of(args[1]), Path.of(args[2])).run();
        } else {
            System.err.println("usage: OffersBench http BASE-URL RESULTS.tsv [requests] [threads] [phases] [warm-up]"
                    + " | OffersBench sql DERBY-FOLDER RESULTS.tsv");
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    static final class Http {
        final String base;
        final Path results;
        final int requests;
        final int threads;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final List<String> lines = new ArrayList<>();
        final Set<String> phases;
        final int warmUp;

        Http(String base, Path results, int requests, int threads, Set<String> phases, int warmUp) {
            this.phases = phases;
            this.warmUp = warmUp;
            this.base = base;
            this.results = results;
            this.requests = requests;
            this.threads = threads;
        }

        void run() throws Exception {
            long offers = json(get("/api/v1/offers/feed/status")).path("offersByStatus").path("ACTIVE").asLong();
            Map<String, String> regionOf = new HashMap<>();
            for (JsonNode d : json(get("/partenaire/offresdemploi/v2/referentiel/departements"))) {
                regionOf.put(d.path("code").asText(), d.path("region").path("code").asText());
            }
            long step = Math.max(2, offers / SAMPLES);
            List<JsonNode> samples = sample(0, step);
            // the warm-up's queries come from other offers, so that caches it fills do not favour measured queries
            List<JsonNode> warmSamples = sample(step / 2, step);
            System.out.printf("%,d active offers; %d sampled for the query mix, %d others for the warm-up%n", offers,
                    samples.size(), warmSamples.size());
            lines.add("info\toffers\t" + offers);

            List<Query> queries = queries(samples, regionOf);
            for (Query q : queries) {
                lines.add(String.join("\t", "query", q.kind(), q.path(), String.join("\t", q.sql())));
            }
            Map<String, List<Query>> byKind = new LinkedHashMap<>();
            for (Query q : queries) {
                byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q);
            }
            List<Query> mix = new ArrayList<>(queries.stream().filter(q -> !q.kind().contains("150")).toList());
            java.util.Collections.shuffle(mix, new java.util.Random(7));
            if (phases.contains("search")) {
                List<Query> warmMix = new ArrayList<>(queries(warmSamples, regionOf).stream()
                        .filter(q -> !q.kind().contains("150")).toList());
                java.util.Collections.shuffle(warmMix, new java.util.Random(11));
                search(byKind, mix, warmMix);
            }
            if (phases.contains("ingest")) {
                ingest(samples);
            }
            if (phases.contains("suspension")) {
                suspensions(samples);
            }
            Files.write(results, lines);
        }

        /** Up to {@link #SAMPLES} demo offers, every {@code step}-th from {@code offset}, as Opus's offer API gives them. */
        List<JsonNode> sample(long offset, long step) throws IOException {
            List<JsonNode> samples = new ArrayList<>();
            for (int k = 0; k < SAMPLES; k++) {
                HttpResponse<String> r = get("/api/v1/offers/" + demoId(offset + k * step));
                if (r.statusCode() == 200) {
                    samples.add(JSON.readTree(r.body()));
                }
            }
            return samples;
        }

        void search(Map<String, List<Query>> byKind, List<Query> mix, List<Query> warmMix) throws Exception {
            // warm-up, not measured, printed by blocks of 10,000: on 2 cores shared with this client, the server's
            // JIT settles only after some 50,000 searches; before, the same build gives two thirds of the throughput
            for (int done = 0; done < warmUp; done += 10_000) {
                Stats warm = load("warm-up", warmMix, Math.min(10_000, warmUp - done));
                print("search: warm-up (not kept)", warm);
            }
            for (Map.Entry<String, List<Query>> e : byKind.entrySet()) {
                Stats s = load(e.getKey(), e.getValue(), requests);
                print("search: " + e.getKey(), s);
                lines.add(s.tsv());
            }
            Stats all = load("mix", mix, requests * 2);
            print("search: mix", all);
            lines.add(all.tsv());
        }

        /** Runs {@code count} requests from the queries, round robin, on {@code threads} client threads. */
        Stats load(String name, List<Query> queries, int count) throws Exception {
            long[] nanos = new long[count];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            Query q = queries.get(i % queries.size());
                            long t0 = System.nanoTime();
                            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + q.path())).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            nanos[i] = System.nanoTime() - t0;
                            if (r.statusCode() != 200 && r.statusCode() != 206 && r.statusCode() != 204) {
                                if (errors.getAndIncrement() == 0) {
                                    System.err.println(r.statusCode() + " " + q.path() + " "
                                            + new String(r.body(), StandardCharsets.UTF_8));
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            return Stats.of(name, nanos, System.nanoTime() - start, errors.get());
        }

        /**
         * 20,000 new offers (copies of the samples under new ids, random event ids as France Travail sends) posted in
         * batches of 1,000 from 2 threads, after 20 batches of warm-up (the JIT settles as for searches).
         */
        void ingest(List<JsonNode> samples) throws Exception {
            String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
            List<String> batches = new ArrayList<>();
            for (int b = 0; b < INGEST_BATCHES + INGEST_WARM_UP; b++) {
                ObjectNode body = JSON.createObjectNode();
                ArrayNode events = body.putArray("events");
                for (int i = 0; i < INGEST_BATCH; i++) {
                    ObjectNode offer = ((ObjectNode) samples.get((b * INGEST_BATCH + i) % samples.size())).deepCopy();
                    offer.remove(List.of("id", "status", "version", "changedAt"));
                    ((ObjectNode) offer.path("content")).remove("id");
                    ObjectNode e = events.addObject();
                    e.put("eventId", UUID.randomUUID().toString());
                    e.put("type", "CREATED");
                    e.put("offerId", "B" + run + String.format("%05d", b * INGEST_BATCH + i));
                    e.put("version", 1);
                    e.put("occurredAt", Instant.now().toString());
                    e.set("offer", offer);
                }
                batches.add(JSON.writeValueAsString(body));
            }
            // warm-up, not measured: the first batches after a start pay for compiling the feed's code
            for (int i = 0; i < INGEST_WARM_UP; i++) {
                post("/api/v1/offers/feed", batches.remove(batches.size() - 1));
            }
            long[] nanos = new long[batches.size()];
            AtomicInteger next = new AtomicInteger();
            AtomicLong accepted = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post("/api/v1/offers/feed", batches.get(i));
                        nanos[i] = System.nanoTime() - t0;
                        accepted.addAndGet(json(r).path("accepted").asLong());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            double rate = accepted.get() / (wall / 1e9);
            Stats batch = Stats.of("", nanos, wall, 0);
            System.out.printf("feed: %,d events accepted in %.1f s = %,.0f events/s (batch of 1,000: p50 %.0f ms,"
                    + " p95 %.0f ms)%n", accepted.get(), wall / 1e9, rate, batch.p50(), batch.p95());
            lines.add("ingest\t" + accepted.get() + "\t" + rate + "\t" + batch.p50() + "\t" + batch.p95());
        }

        /** For 30 offers: suspension posted, then lookup and keyword search polled until both answer 204. */
        void suspensions(List<JsonNode> samples) throws Exception {
            long[] fromAck = new long[SUSPENSIONS];
            long[] fromSend = new long[SUSPENSIONS];
            for (int k = 0; k < SUSPENSIONS; k++) {
                JsonNode offer = samples.get(samples.size() - 1 - k);
                String id = offer.path("id").asText();
                long version = json(get("/api/v1/offers/" + id)).path("version").asLong();
                long t0 = System.nanoTime();
                HttpResponse<String> ack = post("/api/v1/offers/feed", event("SUSPENDED", id, version + 1));
                long t1 = System.nanoTime();
                if (json(ack).path("accepted").asInt() != 1) {
                    throw new IllegalStateException("suspension not accepted: " + ack.body());
                }
                while (get("/partenaire/offresdemploi/v2/offres/" + id).statusCode() != 204
                        || get(SEARCH + "motsCles=" + id).statusCode() != 204) {
                    if (System.nanoTime() - t1 > 10_000_000_000L) {
                        throw new IllegalStateException(id + " still visible 10 s after its suspension");
                    }
                }
                long gone = System.nanoTime();
                fromAck[k] = gone - t1;
                fromSend[k] = gone - t0;
                post("/api/v1/offers/feed", event("RESUMED", id, version + 2));
            }
            Stats ack = Stats.of("", fromAck, 1, 0);
            Stats send = Stats.of("", fromSend, 1, 0);
            System.out.printf("suspension: gone from lookup and search %.1f ms (p50) / %.1f ms (max) after the"
                    + " acknowledgement, %.1f / %.1f ms after sending it%n", ack.p50(), max(fromAck), send.p50(),
                    max(fromSend));
            lines.add("suspension\t" + ack.p50() + "\t" + max(fromAck) + "\t" + send.p50() + "\t" + max(fromSend));
        }

        static double max(long[] nanos) {
            return Arrays.stream(nanos).max().orElse(0) / 1e6;
        }

        static String event(String type, String id, long version) {
            return "{\"events\":[{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"offerId\":\""
                    + id + "\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now() + "\"}]}";
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            try {
                return client.send(request, handler);
            } catch (IOException e) {
                throw new IllegalStateException(request.uri() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static JsonNode json(HttpResponse<String> r) {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + r.statusCode() + "): " + r.body(), e);
            }
        }

        static String demoId(long index) {
            String base36 = Long.toString(index, 36).toUpperCase(Locale.ROOT);
            return "D" + "0".repeat(Math.max(0, 6 - base36.length())) + base36;
        }

        /** The query mix (and pages of 150, measured apart), built from the sampled offers so that every query has matches. */
        static List<Query> queries(List<JsonNode> samples, Map<String, String> regionOf) {
            List<Query> queries = new ArrayList<>();
            List<Query> apiPages = new ArrayList<>();
            for (JsonNode o : samples) {
                JsonNode c = o.path("content");
                String rome = c.path("romeCode").asText();
                JsonNode place = c.path("lieuTravail");
                String commune = place.path("commune").asText();
                String department = commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2);
                String region = regionOf.get(department);
                String word = keyword(c.path("intitule").asText());
                if (region != null) {
                    queries.add(new Query("region + ROME", SEARCH + "region=" + region + "&codeROME=" + rome
                            + "&range=0-" + (PAGE - 1), List.of(region, rome)));
                    apiPages.add(new Query("region, page of 150", SEARCH + "region=" + region + "&range=0-"
                            + (API_PAGE - 1), List.of(region)));
                }
                if (word != null) {
                    queries.add(new Query("keywords", SEARCH + "motsCles=" + enc(word) + "&range=0-" + (PAGE - 1),
                            List.of(word)));
                }
                queries.add(new Query("commune + 20 km", SEARCH + "commune=" + commune + "&distance=20&range=0-"
                        + (PAGE - 1), List.of(commune, "20")));
                queries.add(new Query("department facets", SEARCH + "departement=" + department + "&range=0-0",
                        List.of(department)));
            }
            queries.addAll(apiPages);
            return queries;
        }

        /** The longest word of a title, as someone would type it: lower case, no accents. */
        static String keyword(String title) {
            String best = null;
            for (String w : title.replace("(H/F)", " ").split("[^\\p{L}]+")) {
                if (w.length() >= 5 && (best == null || w.length() > best.length())) {
                    best = w;
                }
            }
            return best == null ? null : Normalizer.normalize(best.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    static void print(String name, Stats s) {
        System.out.printf("%-28s %,7d req  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %,8.0f req/s%s%n", name,
                s.count(), s.p50(), s.p95(), s.p99(), s.perSecond(), s.errors() > 0 ? "  ERRORS " + s.errors() : "");
    }

    // ------------------------------------------------------------------------------------------------- SQL

    static final class Sql {

        static void ensureIndex(Connection c, String name, String ddl) throws java.sql.SQLException {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM SYS.SYSCONGLOMERATES g"
                    + " JOIN SYS.SYSSCHEMAS s ON g.SCHEMAID = s.SCHEMAID WHERE s.SCHEMANAME = 'OFFERS'"
                    + " AND g.CONGLOMERATENAME = ?")) {
                ps.setString(1, name);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            long t0 = System.nanoTime();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(ddl);
            }
            System.out.printf("SQL baseline: index %s made in %.0f s (not measured)%n", name,
                    (System.nanoTime() - t0) / 1e9);
        }
        final Path database;
        final Path results;

        Sql(Path database, Path results) {
            this.database = database;
            this.results = results;
        }

        void run() throws Exception {
            List<String> lines = Files.readAllLines(results);
            Map<String, List<Query>> byKind = new LinkedHashMap<>();
            Map<String, Stats> opus = new LinkedHashMap<>();
            String[] ingest = null;
            String[] suspension = null;
            for (String line : lines) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "query" -> byKind.computeIfAbsent(f[1], k -> new ArrayList<>())
                            .add(new Query(f[1], f[2], List.of(Arrays.copyOfRange(f, 3, f.length))));
                    case "stats" -> opus.put(f[1], new Stats(f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                            Integer.parseInt(f[7])));
                    case "ingest" -> ingest = f;
                    case "suspension" -> suspension = f;
                    default -> { }
                }
            }
            System.setProperty("derby.stream.error.file", database.getParent().resolve("bench-derby.log").toString());
            Map<String, Stats> sql = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:derby:" + database)) {
                // a database-only design indexes what it searches: Opus's schema no longer keeps the commune index
                // (its feed does not need it), so the baseline makes it, untimed, before measuring
                ensureIndex(c, "OFFER_COMMUNE", "CREATE INDEX OFFERS.OFFER_COMMUNE ON OFFERS.OFFER (STATUS, COMMUNE)");
                c.setReadOnly(true);
                for (Map.Entry<String, List<Query>> e : byKind.entrySet()) {
                    sql.put(e.getKey(), measure(c, e.getKey(), e.getValue()));
                    print("SQL " + e.getKey(), sql.get(e.getKey()));
                }
                c.setReadOnly(false);
                double inserts = insertRate(c);
                System.out.println();
                System.out.printf("%-22s | %-36s | %-36s | %s%n", "", "Opus over HTTP (ms, req/s)",
                        "plain SQL, embedded (ms, req/s)", "SQL p95 / Opus p95, Opus req/s / SQL req/s");
                for (Map.Entry<String, Stats> e : opus.entrySet()) {
                    Stats o = e.getValue();
                    Stats s = sql.get(e.getKey());
                    if (s == null) {
                        System.out.printf("%-22s | p50 %6.2f p95 %6.2f p99 %6.2f %7.0f | %-36s |%n",
                                e.getKey(), o.p50(), o.p95(), o.p99(), o.perSecond(),
                                "(the queries above, together)");
                        continue;
                    }
                    System.out.printf("%-22s | p50 %6.2f p95 %6.2f p99 %6.2f %7.0f | p50 %6.1f p95 %7.1f %7.1f /s %3d q"
                            + " | %8.1f x  %8.1f x%n", e.getKey(), o.p50(), o.p95(), o.p99(),
                            o.perSecond(), s.p50(), s.p95(), s.perSecond(), s.count(), s.p95() / o.p95(),
                            o.perSecond() / s.perSecond());
                }
                if (ingest != null) {
                    double rate = Double.parseDouble(ingest[2]);
                    System.out.printf("%-22s | %,10.0f events/s (HTTP, JSON, checks, Derby + index) | %,10.0f rows/s"
                            + " (JDBC batch insert) | %.2f x%n", "feed ingestion", rate, inserts, rate / inserts);
                }
                if (suspension != null) {
                    System.out.printf("%-22s | gone from lookup and search %s ms (p50), %s ms (max) after the"
                            + " acknowledgement; %s / %s ms after sending%n", "suspension", round(suspension[1]),
                            round(suspension[2]), round(suspension[3]), round(suspension[4]));
                }
            } finally {
                try {
                    DriverManager.getConnection("jdbc:derby:;shutdown=true");
                } catch (SQLException expected) {
                    // Derby says it shut down with an exception
                }
            }
        }

        static String round(String ms) {
            return String.format("%.1f", Double.parseDouble(ms));
        }

        /** Runs the kind's SQL for each query in turn, for at most 60 s or as many queries as Opus ran. */
        Stats measure(Connection c, String kind, List<Query> queries) throws SQLException {
            List<Long> nanos = new ArrayList<>();
            long start = System.nanoTime();
            int i = 0;
            while (System.nanoTime() - start < SQL_BUDGET_NANOS && i < 2000) {
                Query q = queries.get(i++ % queries.size());
                long t0 = System.nanoTime();
                run(c, kind, q.sql());
                nanos.add(System.nanoTime() - t0);
            }
            long wall = System.nanoTime() - start;
            return Stats.of(kind, nanos.stream().mapToLong(Long::longValue).toArray(), wall, 0);
        }

        /** What the search does, in SQL: the page of 50 newest matches and the total (and the facet if asked). */
        static void run(Connection c, String kind, List<String> p) throws SQLException {
            String active = "o.STATUS = 'ACTIVE'";
            switch (kind) {
                case "region + ROME" -> page(c, "FROM OFFERS.OFFER o WHERE " + active
                        + " AND o.REGION = ? AND o.ROME_CODE = ?", p.get(0), p.get(1));
                case "region, page of 150" -> page(c, API_PAGE, "FROM OFFERS.OFFER o WHERE " + active
                        + " AND o.REGION = ?", p.get(0));
                case "keywords" -> page(c, "FROM OFFERS.OFFER o WHERE " + active + " AND LOWER(o.BODY) LIKE ?",
                        "%" + p.get(0) + "%");
                case "commune + 20 km" -> {
                    double lat;
                    double lon;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT LATITUDE, LONGITUDE FROM REFERENTIALS.COMMUNE WHERE INSEE_CODE = ?")) {
                        ps.setString(1, p.get(0));
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            lat = rs.getDouble(1);
                            lon = rs.getDouble(2);
                        }
                    }
                    double km = Double.parseDouble(p.get(1));
                    double dLat = km / 111.2;
                    double dLon = km / (111.2 * Math.cos(Math.toRadians(lat)));
                    page(c, "FROM OFFERS.OFFER o JOIN REFERENTIALS.COMMUNE m ON m.INSEE_CODE = o.COMMUNE WHERE "
                            + active + " AND m.LATITUDE BETWEEN " + (lat - dLat) + " AND " + (lat + dLat)
                            + " AND m.LONGITUDE BETWEEN " + (lon - dLon) + " AND " + (lon + dLon));
                }
                case "department facets" -> {
                    page(c, "FROM OFFERS.OFFER o WHERE " + active + " AND o.DEPARTMENT = ?", p.get(0));
                    try (PreparedStatement ps = c.prepareStatement("SELECT o.CONTRACT_TYPE, COUNT(*) FROM"
                            + " OFFERS.OFFER o WHERE " + active + " AND o.DEPARTMENT = ? GROUP BY o.CONTRACT_TYPE")) {
                        ps.setString(1, p.get(0));
                        drain(ps);
                    }
                }
                default -> throw new IllegalArgumentException(kind);
            }
        }

        static void page(Connection c, String from, String... params) throws SQLException {
            page(c, PAGE, from, params);
        }

        static void page(Connection c, int size, String from, String... params) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT o.ID, o.BODY " + from
                    + " ORDER BY o.CREATED_AT DESC FETCH FIRST " + size + " ROWS ONLY")) {
                bind(ps, params);
                drain(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) " + from)) {
                bind(ps, params);
                drain(ps);
            }
        }

        static void bind(PreparedStatement ps, String... params) throws SQLException {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
        }

        static void drain(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }

        /** The same 20,000 rows the feed took, inserted into a copy of the table with a JDBC batch per 1,000. */
        static double insertRate(Connection c) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE OFFERS.BENCH_OFFER AS SELECT * FROM OFFERS.OFFER WITH NO DATA");
                st.execute("CREATE UNIQUE INDEX OFFERS.BENCH_OFFER_ID ON OFFERS.BENCH_OFFER (ID)");
            }
            try {
                List<Object[]> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM OFFERS.OFFER"
                        + " FETCH FIRST " + (INGEST_BATCHES * INGEST_BATCH) + " ROWS ONLY")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 1; i <= columns; i++) {
                            row[i - 1] = rs.getObject(i);
                        }
                        rows.add(row);
                    }
                }
                c.setAutoCommit(false);
                long start = System.nanoTime();
                String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO OFFERS.BENCH_OFFER VALUES (" + marks
                        + ")")) {
                    for (int i = 0; i < rows.size(); i++) {
                        for (int k = 0; k < rows.get(i).length; k++) {
                            ps.setObject(k + 1, rows.get(i)[k]);
                        }
                        ps.addBatch();
                        if ((i + 1) % INGEST_BATCH == 0 || i == rows.size() - 1) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                }
                double rate = rows.size() / ((System.nanoTime() - start) / 1e9);
                System.out.printf("SQL insert: %,d rows, %,.0f rows/s%n", rows.size(), rate);
                return rate;
            } finally {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE OFFERS.BENCH_OFFER");
                }
            }
        }
    }
}
