package fr.opus.platform.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A partner's webhook receiver on loopback: records every request and answers the statuses it is told to, in order
 * (per path, or on any path), then 200.
 */
final class Receiver implements AutoCloseable {

    /** One request as received; header names in lower case. */
    record Request(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final List<Request> all = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> statusesOn = new ConcurrentHashMap<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The statuses of the next answers, in order; 200 after them. */
    void answer(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
    }

    /** The statuses of the next answers on one path, in order; then those of {@link #answer}, then 200. */
    void answerOn(String path, int... next) {
        for (int status : next) {
            statusesOn.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(status);
        }
    }

    /** The next request not yet taken, waiting at most {@code wait}; null if none came. */
    Request next(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every request received so far, in order. */
    List<Request> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Every request received so far on one path, in order. */
    List<Request> on(String path) {
        return all().stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
        ConcurrentLinkedQueue<Integer> own = statusesOn.get(request.path());
        Integer status = own == null ? null : own.poll();
        status = status != null ? status : statuses.poll();
        all.add(request);
        received.add(request);
        exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
