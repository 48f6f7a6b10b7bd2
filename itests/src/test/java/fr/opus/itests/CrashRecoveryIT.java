package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * The durability promise of the feed, tested the hard way: the distribution runs as a real process, a batch is
 * acknowledged, the JVM is killed with SIGKILL at once (no shutdown hook, no index commit), and after a restart
 * every acknowledged change is there — in lookup (the database) and in search (the index catches up).
 */
public class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Given to the distribution through the environment, as an operator would at first boot. */
    private static final String OPERATOR_PASSWORD = "Crash-" + UUID.randomUUID() + "-It!";

    private Process karaf;
    private String feedAuthorization;
    private Path home;
    private int port;

    @After
    public void stop() {
        kill();
    }

    @Test
    public void everyAcknowledgedChangeSurvivesAKill9() throws Exception {
        home = unpack();
        port = freePort();
        configurePorts(home, port, freePort());
        start();
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> ids = new ArrayList<>();
        ArrayNode events = JSON.createArrayNode();
        for (int i = 0; i < 200; i++) {
            String id = "K" + i + marker.substring(2, 8).toUpperCase();
            ids.add(id);
            events.add(created(id, marker));
        }
        JsonNode receipt = postBatch(events);
        assertEquals(receipt.toString(), 200, receipt.path("accepted").asInt());
        // then suspend the first 50: acknowledged changes to offers already indexed
        ArrayNode suspensions = JSON.createArrayNode();
        for (int i = 0; i < 50; i++) {
            suspensions.add(event("SUSPENDED", ids.get(i), 2));
        }
        assertEquals(50, postBatch(suspensions).path("accepted").asInt());
        kill();

        start();
        assertEquals(204, get("/partenaire/offresdemploi/v2/offres/" + ids.get(0)).statusCode());
        assertEquals(200, get("/partenaire/offresdemploi/v2/offres/" + ids.get(199)).statusCode());
        HttpResponse<String> search = get("/partenaire/offresdemploi/v2/offres/search?range=0-0&motsCles=" + marker);
        assertEquals("offres 0-0/150", search.headers().firstValue("Content-Range").orElse(""));
    }

    private static ObjectNode event(String type, String id, long version) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("offerId", id);
        e.put("version", version);
        e.put("occurredAt", Instant.now().minusSeconds(1).toString());
        return e;
    }

    private static ObjectNode created(String id, String marker) {
        ObjectNode e = event("CREATED", id, 1);
        ObjectNode content = e.putObject("offer").putObject("content");
        content.put("intitule", "Boulanger (H/F)");
        content.put("description", "Fabrication du pain " + marker);
        content.put("romeCode", "D1102");
        content.put("typeContrat", "CDI");
        content.putObject("lieuTravail").put("commune", "72181");
        return e;
    }

    private JsonNode postBatch(ArrayNode events) throws Exception {
        ObjectNode batch = JSON.createObjectNode();
        batch.set("events", events);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/offers/feed"))
                .header("Content-Type", "application/json")
                .header("Authorization", feedAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().header("Authorization", operator())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String operator() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("operateur:" + OPERATOR_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The operator issues France Travail's feed client; the client takes a token as from France Travail. */
    private String feedAuthorization() throws Exception {
        if (feedAuthorization == null) {
            HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/clients"))
                    .header("Content-Type", "application/json").header("Authorization", operator())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"FT_FEED\",\"name\":\"Flux\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(issued.body(), 201, issued.statusCode());
            JsonNode client = JSON.readTree(issued.body());
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                    + "/connexion/oauth2/access_token?realm=%2Fpartenaire"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + client.path("client").path("clientId").asText() + "&client_secret="
                            + client.path("clientSecret").asText() + "&scope=opus_feed")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(token.body(), 200, token.statusCode());
            feedAuthorization = "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
        }
        return feedAuthorization;
    }

    private void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        builder.environment().put("OPUS_OPERATOR_LOGIN", "operateur");
        builder.environment().put("OPUS_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        karaf = builder
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertTrue("Karaf died; see " + home.resolve("data/log/karaf.log"), karaf.isAlive());
            try {
                if (get("/partenaire/offresdemploi/v2/offres/search?range=0-0").statusCode() / 100 == 2
                        && get("/api/v1/offers/feed/status").statusCode() == 200) {
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
    private void kill() {
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

    private static Path unpack() throws Exception {
        Path target = Path.of("target", "crash-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(target);
        File archive = new File(System.getProperty("opus.assembly"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", target.toString())
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        try (var dirs = Files.list(target)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static void configurePorts(Path home, int http, int ssh) throws IOException {
        replace(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(http));
        replace(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(ssh));
    }

    private static void replace(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : Files.readAllLines(cfg)) {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
