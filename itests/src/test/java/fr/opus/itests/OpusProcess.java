package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Opus distribution as a real operating-system process, for the tests that kill it: unpacked from the
 * assembly's archive under {@code target/}, given free ports and a first operator through the environment, started
 * with {@code bin/karaf server}, stopped with SIGKILL (no shutdown hook runs).
 */
final class OpusProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * What every capability booted by the distribution answers to the operator once it is up. The JAX-RS whiteboard
     * rebuilds its application each time a resource arrives, so one capability answering does not mean the others do.
     */
    static final List<String> READY_PATHS = List.of("/api/v1/health", "/partenaire/offresdemploi/v2/referentiel/regions",
            "/api/v1/referentials/datasets", "/soap/referentials?wsdl", "/soap/accounts?wsdl",
            "/partenaire/offresdemploi/v2/offres/search?range=0-0", "/api/v1/offers/feed/status",
            "/api/v1/conventions/services", "/api/v1/referrals/reasons",
            "/api/v1/indicators/activity?from=2026-01-01&to=2026-01-31", "/api/v1/notification-preferences/me",
            "/soap/referrals?wsdl", "/api/v1/webhooks", "/api/v1/employers?q=41222233000018");

    /** Given to the distribution through the environment, as an operator would at first boot. */
    final String operatorPassword = "Proc-" + UUID.randomUUID() + "-It!";
    final Path home;
    final int port;
    private Process karaf;

    OpusProcess(String name) throws IOException, InterruptedException {
        home = unpack(name);
        port = freePort();
        configure("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port));
        configure("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort()));
    }

    /** Sets a key of a configuration file under the distribution, creating the file when needed. */
    void configure(String file, String key, String value) throws IOException {
        Path cfg = home.resolve(file);
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : Files.exists(cfg) ? Files.readAllLines(cfg) : List.<String>of()) {
            if (line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.add(key + " = " + value);
                found = true;
            } else {
                lines.add(line);
            }
        }
        if (!found) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines);
    }

    /** Starts Opus and waits until every capability answers the operator with 2xx (3 minutes at most). */
    void start() throws Exception {
        List<String> readyPaths = READY_PATHS;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        builder.environment().put("OPUS_OPERATOR_LOGIN", "operateur");
        builder.environment().put("OPUS_OPERATOR_PASSWORD", operatorPassword);
        karaf = builder.directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue("Karaf died; see " + home.resolve("data/log/karaf.log"), karaf.isAlive());
            try {
                boolean ready = true;
                for (String path : readyPaths) {
                    ready &= send("GET", path, operator(), null).statusCode() / 100 == 2;
                }
                if (ready) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Opus did not start within 180 s; see " + home.resolve("data/log/karaf.log"));
    }

    /** SIGKILL to the launcher and to the JVM it started. */
    void kill() {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroyForcibly);
            karaf.destroyForcibly();
            try {
                karaf.waitFor(30, TimeUnit.SECONDS);
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            karaf = null;
        }
    }

    @Override
    public void close() {
        kill();
    }

    String operator() {
        return "Basic " + Base64.getEncoder().encodeToString(("operateur:" + operatorPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #send} with extra headers, given as name, value pairs. */
    HttpResponse<String> post(String path, String authorization, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path unpack(String name) throws IOException, InterruptedException {
        Path target = Path.of("target", name + "-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(target);
        File archive = new File(System.getProperty("opus.assembly"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", target.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (var dirs = Files.list(target)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
