import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The authentication benchmark driver (bench/accounts.sh runs it against a started distribution).
 *
 * <pre>
 * OPUS_OPERATOR_LOGIN=… OPUS_OPERATOR_PASSWORD=… java -cp jackson bench/AccountsBench.java BASE-URL RESULTS.tsv
 *     [logins-per-kind] [requests-per-kind] [threads,threads…] [warm-up requests] [cost note]
 * </pre>
 *
 * Setup, as an operator would: a partner of region 84, its convention with {@code consultation-offres}, signed
 * today, and a {@code PARTNER_APPLICATION} client for it. Then, for each client thread count:
 * <ol>
 * <li>logins — each kind warmed up, then measured in rounds that alternate the kinds: the operator's login
 * (Argon2id at the configured cost, a token row, an audit row), an unknown login (the decoy hash, an audit row: an
 * unknown login never locks anything, whereas failures on a real account lock it after 5), the client-credentials
 * grant (the secret's Argon2id hash, the convention check, a token row), and a token request refused before any hash
 * ({@code unsupported_grant_type}: what a POST costs through the same stack). Then each token the measured logins
 * produced is used twice on the cheap GET below: its first use misses the token cache (a database read), the second
 * hits it;</li>
 * <li>token check — one cheap authenticated GET, {@code /api/v1/conventions/services} (an in-memory list, no
 * database), with a person's bearer token, with HTTP Basic (remembered 5 minutes after one verification), without
 * credentials (the same route, answering 401 before any credential is looked at: the baseline), with an unknown
 * token (a database read and an audit row each), and the public {@code /api/v1/health}, which has no authentication
 * filter at all but does its own work (database and capability checks).</li>
 * </ol>
 * Last, the JDK work of a cached check (SHA-256 or HMAC and a map lookup), which the HTTP figures cannot resolve, is
 * timed on its own in this JVM ({@link #checkWork()}).
 * Nothing it does changes partners, conventions, accounts or clients once measuring starts, so Opus's caches of
 * resolved callers stay valid through the run, as between an organisation's ordinary requests.
 */
public class AccountsBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVICES = "/api/v1/conventions/services";
    static final String SESSION = "/api/v1/session";
    static final String TOKEN = "/connexion/oauth2/access_token?realm=%2Fpartenaire";
    static final int LOGIN_WARM_UP = 40;
    static final int ROUNDS = 10;

    /** One kind of request: how to build its i-th request, the status it must get, what to do with the body. */
    record Kind(String name, int expected, IntFunction<HttpRequest> request, BodySink sink) {
        Kind(String name, int expected, IntFunction<HttpRequest> request) {
            this(name, expected, request, null);
        }
    }

    interface BodySink {
        void accept(String body) throws IOException;
    }

    /** Timings of one kind, merged over rounds. */
    static final class Sample {
        final List<long[]> nanos = new ArrayList<>();
        long wallNanos;
        long bytes;
        int errors;

        void add(Sample other) {
            nanos.addAll(other.nanos);
            wallNanos += other.wallNanos;
            bytes += other.bytes;
            errors += other.errors;
        }

        Stats stats(String name) {
            long[] all = nanos.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double mean = Arrays.stream(all).average().orElse(Double.NaN) / 1e6;
            return new Stats(name, all.length, pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), mean,
                    all.length / (wallNanos / 1e9), all.length == 0 ? 0 : bytes / all.length, errors);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    /** Milliseconds, requests per second, average body bytes. */
    record Stats(String name, int count, double p50, double p95, double p99, double mean, double perSecond, long bytes,
            int errors) {
    }

    final String base;
    final Path results;
    final int logins;
    final int requests;
    final int[] threadCounts;
    final int warmUp;
    final String costNote;
    final String login = System.getenv().getOrDefault("OPUS_OPERATOR_LOGIN", "operateur");
    final String password = System.getenv("OPUS_OPERATOR_PASSWORD");
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> lines = new ArrayList<>();
    String operatorBasic;
    String operatorBearer;
    String clientId;
    String clientSecret;

    AccountsBench(String[] args) {
        base = args[0];
        results = Path.of(args[1]);
        logins = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        threadCounts = Arrays.stream((args.length > 4 ? args[4] : "1,4").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 40_000;
        costNote = args.length > 6 ? args[6] : "argon2MemoryKiB=19456 argon2Iterations=2";
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || System.getenv("OPUS_OPERATOR_PASSWORD") == null) {
            System.err.println("usage: OPUS_OPERATOR_PASSWORD=… AccountsBench BASE-URL RESULTS.tsv [logins] [requests]"
                    + " [threads,…] [warm-up] [cost note]");
            System.exit(2);
        }
        new AccountsBench(args).run();
    }

    void run() throws Exception {
        operatorBasic = basic(login, password);
        setUp();
        lines.add("# Opus authentication benchmark, " + Instant.now() + ", " + base + ", "
                + Runtime.getRuntime().availableProcessors() + " cores seen by the client, " + costNote);
        lines.add(String.join("\t", "phase", "threads", "kind", "count", "errors", "p50_ms", "p95_ms", "p99_ms",
                "mean_ms", "per_second", "body_bytes", "baseline", "p50_minus_baseline_us", "p50_ratio",
                "per_request_minus_baseline_us"));

        for (int threads : threadCounts) {
            loginPhase(threads);
        }
        for (int k = 0; k < threadCounts.length; k++) {
            requestPhase(threadCounts[k], k == 0 ? warmUp : warmUp / 4);
        }
        checkWork();
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines);
        System.out.println();
        System.out.println("Written to " + results);
    }

    // ------------------------------------------------------------------------------------------------- setup

    /** Waits for accounts and reference data, then makes a partner, its signed convention and a client. */
    void setUp() throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (send(get(SERVICES, operatorBasic)).statusCode() != 200) {
            waitOrFail(deadline, "accounts capability");
        }
        String safir = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        String partnerBody = "{\"kind\":\"MISSION_LOCALE\",\"name\":\"Mission Locale du banc " + UUID.randomUUID()
                + "\",\"safirCode\":\"" + safir + "\",\"region\":\"84\",\"address\":{\"street\":\"1 place de la"
                + " Gare\",\"postalCode\":\"38000\",\"city\":\"Grenoble\"}}";
        HttpResponse<String> partner;
        // the region is checked against the reference data, loaded in the background at first start
        while ((partner = send(post("/api/v1/partners", operatorBasic, partnerBody))).statusCode() != 201) {
            waitOrFail(deadline, "reference data (" + partner.statusCode() + " " + partner.body() + ")");
        }
        String partnerId = JSON.readTree(partner.body()).path("id").asText();
        HttpResponse<String> convention = expect(201, send(post("/api/v1/partners/" + partnerId + "/conventions",
                operatorBasic, "{\"services\":[\"consultation-offres\"],\"accountQuota\":2,\"followUpManager\":"
                        + "\"Mme Suivi\",\"reason\":\"Convention du banc de mesure\"}")));
        String conventionId = JSON.readTree(convention.body()).path("id").asText();
        expect(200, send(post("/api/v1/conventions/" + conventionId + "/signature", operatorBasic,
                "{\"signedOn\":\"" + LocalDate.now(ZoneId.of("Europe/Paris")) + "\",\"reason\":\"Signée pour le banc\"}")));
        JsonNode issued = JSON.readTree(expect(201, send(post("/api/v1/clients", operatorBasic,
                "{\"role\":\"PARTNER_APPLICATION\",\"partnerId\":\"" + partnerId + "\",\"name\":\"Banc de mesure\"}")))
                .body());
        clientId = issued.path("client").path("clientId").asText();
        clientSecret = issued.path("clientSecret").asText();
        operatorBearer = "Bearer " + JSON.readTree(expect(200, send(post(SESSION, null, credentials(login, password))))
                .body()).path("access_token").asText();
        expect(200, send(tokenRequest(clientForm())));
        System.out.printf("Set up: partner %s, convention %s signed, client %s; operator %s logged in%n", partnerId,
                conventionId, clientId, login);
    }

    /** The machine's 1-minute load average, to judge how shared it was during a phase. */
    String loadAverage() {
        try {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            lines.add("# load average " + load + " at " + Instant.now());
            return load;
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void waitOrFail(long deadline, String what) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Not ready after 300 s: " + what);
        }
        Thread.sleep(1000);
    }

    // ------------------------------------------------------------------------------------------------ logins

    void loginPhase(int threads) throws Exception {
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        String unknown = "inconnu" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String refused = "grant_type=password&client_id=" + clientId + "&client_secret=x";
        Kind ok = new Kind("login, right password", 200, i -> post(SESSION, null, credentials(login, password)),
                body -> tokens.add(JSON.readTree(body).path("access_token").asText()));
        Kind decoy = new Kind("login, unknown login (decoy hash)", 401,
                i -> post(SESSION, null, credentials(unknown, "Pas-le-bon-mot-de-passe-" + i)));
        Kind grant = new Kind("client_credentials token", 200, i -> tokenRequest(clientForm()));
        Kind baseline = new Kind("token request refused before hashing", 400, i -> tokenRequest(refused));
        List<Kind> kinds = List.of(baseline, ok, decoy, grant);
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind k : kinds) {
            counts.put(k, k == baseline ? Math.max(logins, 2000) : logins);
        }

        System.out.printf("%nLogins, %d client thread(s): warm-up of %d per kind (load average %s)%n", threads,
                LOGIN_WARM_UP, loadAverage());
        for (Kind k : kinds) {
            load(k, k == baseline ? 500 : LOGIN_WARM_UP, threads);
        }
        tokens.clear();
        Map<Kind, Stats> stats = rounds(kinds, counts, threads);

        // each measured login's token, used twice: a cache miss (token and account read), then a hit
        // (in rounds too: a block of new tokens used once, then the same block again)
        List<String> fresh = new ArrayList<>(tokens);
        Sample misses = new Sample();
        Sample hits = new Sample();
        Kind first = null;
        Kind second = null;
        for (int r = 0; r < ROUNDS; r++) {
            List<String> block = fresh.subList(r * fresh.size() / ROUNDS, (r + 1) * fresh.size() / ROUNDS);
            first = new Kind("bearer, first use of a new token", 200, i -> get(SERVICES, "Bearer " + block.get(i)));
            second = new Kind("bearer, second use (cached)", 200, i -> get(SERVICES, "Bearer " + block.get(i)));
            misses.add(load(first, block.size(), threads));
            hits.add(load(second, block.size(), threads));
        }
        stats.put(first, misses.stats(first.name()));
        stats.put(second, hits.stats(second.name()));

        System.out.printf("%-40s %6s %9s %9s %9s %9s %9s  %s%n", "", "n", "p50 ms", "p95 ms", "p99 ms", "mean ms",
                "per s", "p50 − refused POST");
        Stats base = stats.get(baseline);
        for (Map.Entry<Kind, Stats> e : stats.entrySet()) {
            Stats s = e.getValue();
            String delta = e.getKey() == baseline || e.getKey() == first || e.getKey() == second ? ""
                    : String.format(Locale.ROOT, "%+8.1f ms", s.p50() - base.p50());
            System.out.printf(Locale.ROOT, "%-40s %6d %9.2f %9.2f %9.2f %9.2f %9.1f  %s%s%n", s.name(), s.count(),
                    s.p50(), s.p95(), s.p99(), s.mean(), s.perSecond(), delta,
                    s.errors() > 0 ? "  ERRORS " + s.errors() : "");
            tsv("logins", threads, s, e.getKey() == first || e.getKey() == second ? stats.get(second) : base);
        }
        Stats miss = stats.get(first);
        Stats hit = stats.get(second);
        System.out.printf(Locale.ROOT, "token cache miss − hit, p50: %+.0f µs%n", (miss.p50() - hit.p50()) * 1000);
    }

    // ----------------------------------------------------------------------------------------- token checks

    void requestPhase(int threads, int warm) throws Exception {
        // a new session for each phase, so that no token nears its 30 minutes during a long run
        operatorBearer = "Bearer " + JSON.readTree(expect(200, send(post(SESSION, null, credentials(login, password))))
                .body()).path("access_token").asText();
        Kind health = new Kind("public /api/v1/health, no credentials", 200, i -> get("/api/v1/health", null));
        Kind none = new Kind("same GET, no credentials (401)", 401, i -> get(SERVICES, null));
        Kind bearer = new Kind("same GET, bearer token", 200, i -> get(SERVICES, operatorBearer));
        Kind basic = new Kind("same GET, HTTP Basic", 200, i -> get(SERVICES, operatorBasic));
        String stranger = "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID()
                .toString().getBytes(StandardCharsets.UTF_8));
        Kind unknown = new Kind("same GET, unknown bearer token (401)", 401, i -> get(SERVICES, stranger));
        List<Kind> kinds = List.of(none, bearer, basic, health, unknown);
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind k : kinds) {
            // an unknown token writes an audit row each time: fewer of them
            counts.put(k, k == unknown ? Math.max(ROUNDS, requests / 10) : requests);
        }
        System.out.printf("%nToken check, %d client thread(s): warm-up of %,d requests (load average %s)%n", threads,
                warm, loadAverage());
        for (Kind k : List.of(none, bearer, basic, health)) {
            load(k, warm / 4, threads);
        }
        load(unknown, Math.max(1, warm / 40), threads);
        Map<Kind, Stats> stats = rounds(kinds, counts, threads);

        Stats base = stats.get(none);
        Stats h = stats.get(health);
        System.out.printf("%-40s %6s %8s %8s %8s %8s %8s %6s  %s%n", "", "n", "p50 µs", "p95 µs", "p99 µs", "mean µs",
                "per s", "bytes", "p50 − 401 path, ×401, ×health; 1/throughput − 401 path");
        for (Kind k : kinds) {
            Stats s = stats.get(k);
            String delta = k == none ? "(baseline)" : String.format(Locale.ROOT, "%+6.0f µs  ×%.2f  ×%.2f;  %+6.0f µs",
                    (s.p50() - base.p50()) * 1000, s.p50() / base.p50(), s.p50() / h.p50(),
                    1e6 / s.perSecond() - 1e6 / base.perSecond());
            System.out.printf(Locale.ROOT, "%-40s %6d %8.0f %8.0f %8.0f %8.0f %8.0f %6d  %s%s%n", s.name(), s.count(),
                    s.p50() * 1000, s.p95() * 1000, s.p99() * 1000, s.mean() * 1000, s.perSecond(), s.bytes(), delta,
                    s.errors() > 0 ? "  ERRORS " + s.errors() : "");
            tsv("token-check", threads, s, base);
        }
    }

    /**
     * The check's own work, which the HTTP figures above cannot resolve, timed in this JVM on one thread: what
     * {@code AccessManager} does for a request whose caller is cached — for a bearer token, the SHA-256 of the token
     * in hex and a map lookup; for HTTP Basic, the header's Base64 decoding, an HMAC-SHA256 of login and password
     * in hex (a new {@code Mac} each time, as there) and a map lookup. JDK code only, replicated here: a figure of
     * the order of magnitude, not of the server's exact instructions.
     */
    void checkWork() {
        Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();
        String token = operatorBearer.substring(7);
        String header = operatorBasic.substring(6);
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        for (int i = 0; i < 1000; i++) {
            cache.put(sha256(UUID.randomUUID().toString()), "caller " + i);
        }
        cache.put(sha256(token), "bearer caller");
        cache.put(hmac(key, header), "basic caller");
        long sink = 0;
        double bearerNs = 0;
        double basicNs = 0;
        for (int pass = 0; pass < 3; pass++) { // the first two passes warm the JIT up
            int n = 300_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += cache.get(sha256(token)).length();
            }
            bearerNs = (System.nanoTime() - t0) / (double) n;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += cache.get(hmac(key, header)).length();
            }
            basicNs = (System.nanoTime() - t0) / (double) n;
        }
        if (sink == 42) {
            System.out.println(); // uses the sum, so that the JIT cannot drop the loops
        }
        System.out.printf(Locale.ROOT, "%nThe check's own work, replicated in the client JVM, one thread:%n"
                + "  %-44s %6.2f µs%n  %-44s %6.2f µs%n", "bearer: SHA-256 + lookup", bearerNs / 1000,
                "HTTP Basic: Base64 + HMAC-SHA256 + lookup", basicNs / 1000);
        // the time per check goes in the mean_ms column
        lines.add("check-work\t1\tbearer: SHA-256 + lookup\t300000\t0\t\t\t\t" + f(bearerNs / 1e6));
        lines.add("check-work\t1\tHTTP Basic: Base64 + HMAC-SHA256 + lookup\t300000\t0\t\t\t\t"
                + f(basicNs / 1e6));
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(byte[] key, String basicValue) {
        String decoded = new String(Base64.getDecoder().decode(basicValue), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            mac.update(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return java.util.HexFormat.of().formatHex(mac.doFinal(decoded.substring(colon + 1)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------- measuring

    /** Measures every kind in {@link #ROUNDS} rounds that alternate them, so drift falls on all kinds alike. */
    Map<Kind, Stats> rounds(List<Kind> kinds, Map<Kind, Integer> counts, int threads) throws Exception {
        Map<Kind, Sample> samples = new LinkedHashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (Kind k : kinds) {
                int total = counts.get(k);
                int n = total / ROUNDS + (r < total % ROUNDS ? 1 : 0);
                samples.computeIfAbsent(k, x -> new Sample()).add(load(k, n, threads));
            }
        }
        Map<Kind, Stats> stats = new LinkedHashMap<>();
        samples.forEach((k, s) -> stats.put(k, s.stats(k.name())));
        return stats;
    }

    /** Sends {@code count} requests of a kind from {@code threads} client threads and times each. */
    Sample load(Kind kind, int count, int threads) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest request = kind.request().apply(i);
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = send(request);
                        nanos[i] = System.nanoTime() - t0;
                        bytes.addAndGet(r.body().length());
                        if (r.statusCode() != kind.expected()) {
                            if (errors.getAndIncrement() == 0) {
                                System.err.println(kind.name() + ": " + r.statusCode() + " " + r.body());
                            }
                        } else if (kind.sink() != null) {
                            kind.sink().accept(r.body());
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
        Sample s = new Sample();
        s.nanos.add(nanos);
        s.wallNanos = System.nanoTime() - start;
        s.bytes = bytes.get();
        s.errors = errors.get();
        return s;
    }

    void tsv(String phase, int threads, Stats s, Stats base) {
        lines.add(String.join("\t", phase, String.valueOf(threads), s.name(), String.valueOf(s.count()),
                String.valueOf(s.errors()), f(s.p50()), f(s.p95()), f(s.p99()), f(s.mean()), f(s.perSecond()),
                String.valueOf(s.bytes()), base.name(), f((s.p50() - base.p50()) * 1000), f(s.p50() / base.p50()),
                f(1e6 / s.perSecond() - 1e6 / base.perSecond())));
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    HttpRequest get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    HttpRequest post(String path, String authorization, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    /** France Travail's token request: form body, realm in the query. */
    HttpRequest tokenRequest(String form) {
        return HttpRequest.newBuilder(URI.create(base + TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    }

    String clientForm() {
        return "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + "&scope=api_offresdemploiv2%20o2dsoffre";
    }

    static String credentials(String login, String password) {
        try {
            return JSON.writeValueAsString(Map.of("login", login, "password", password));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + " from " + r.request().method() + " "
                    + r.request().uri() + ", got " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
