import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load driver for the reference data endpoints of a running Opus, over HTTP on loopback. For each request kind it
 * runs a fixed number of requests from a few client threads and prints p50/p95/p99 latency and throughput, with the
 * ratio to the baseline measured in the same run: GET /api/v1/health (the platform's floor: whiteboard, JSON
 * provider, two indicators, no data). Bounded in count; stops by itself.
 *
 * Usage: java bench/ReferentialsLoad.java [base-url] [requests-per-kind] [threads]
 */
public class ReferentialsLoad {

    record Kind(String name, String path) {
    }

    record Result(Kind kind, double p50, double p95, double p99, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8181";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Kind> kinds = List.of(
                new Kind("baseline health", "/api/v1/health"),
                new Kind("FT regions (18)", "/partenaire/offresdemploi/v2/referentiel/regions"),
                new Kind("FT metiers (1,584)", "/partenaire/offresdemploi/v2/referentiel/metiers"),
                new Kind("commune search", "/api/v1/referentials/communes?q=st%20etienne&limit=10"),
                new Kind("job search", "/api/v1/referentials/jobs?q=developpeur&limit=10"),
                new Kind("FT communes (34,920)", "/partenaire/offresdemploi/v2/referentiel/communes"));
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Result> results = new ArrayList<>();
            for (Kind kind : kinds) {
                int count = kind.name().contains("34,920") ? Math.max(50, requests / 40) : requests;
                run(client, pool, base, kind, Math.max(20, count / 10)); // warm-up
                results.add(run(client, pool, base, kind, count));
            }
            Result baseline = results.get(0);
            System.out.printf("%-22s %9s %9s %9s %10s %12s %12s%n", "request", "p50 ms", "p95 ms", "p99 ms", "req/s",
                    "p95/base", "req/s/base");
            for (Result r : results) {
                System.out.printf("%-22s %9.2f %9.2f %9.2f %10.0f %12.2f %12.2f%n", r.kind().name(), r.p50(), r.p95(),
                        r.p99(), r.perSecond(), r.p95() / baseline.p95(), r.perSecond() / baseline.perSecond());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result run(HttpClient client, ExecutorService pool, String base, Kind kind, int count)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + kind.path())).GET().build();
        long[] nanos = new long[count];
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                nanos[index] = System.nanoTime() - t0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(kind.path() + " answered " + response.statusCode());
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Result(kind, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), count / seconds);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
