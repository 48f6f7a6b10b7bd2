package fr.opus.platform.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs a webhook body with the JDK's HTTP client: HTTP/1.1, connection and answer timeouts, no redirect followed
 * (a 3xx is a failure: a redirect could lead to an address {@link Receivers} would refuse), and the answer's body
 * read and dropped, never stored.
 */
class HttpSender implements AutoCloseable {

    static final String USER_AGENT = "Opus-Webhooks/1";

    private final ExecutorService executor;
    private final HttpClient client;
    private final Duration timeout;

    HttpSender(int timeoutSeconds) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "opus-webhooks-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** POSTs {@code body} as JSON with these headers; returns the answer's status. */
    int post(URI uri, Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
