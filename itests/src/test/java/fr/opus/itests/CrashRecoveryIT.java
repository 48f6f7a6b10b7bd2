package fr.opus.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.After;
import org.junit.Test;

/**
 * The durability promise of the feed, tested the hard way: the distribution runs as a real process, a batch is
 * acknowledged, the JVM is killed with SIGKILL at once (no shutdown hook, no index commit), and after a restart
 * every acknowledged change is there — in lookup (the database) and in search (the index catches up).
 */
public class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpusProcess opus;
    private String feedAuthorization;

    @After
    public void stop() {
        if (opus != null) {
            opus.kill();
        }
    }

    @Test
    public void everyAcknowledgedChangeSurvivesAKill9() throws Exception {
        opus = new OpusProcess("crash");
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
        opus.kill();

        start();
        assertEquals(204, get("/partenaire/offresdemploi/v2/offres/" + ids.get(0)).statusCode());
        assertEquals(200, get("/partenaire/offresdemploi/v2/offres/" + ids.get(199)).statusCode());
        HttpResponse<String> search = get("/partenaire/offresdemploi/v2/offres/search?range=0-0&motsCles=" + marker);
        assertEquals("offres 0-0/150", search.headers().firstValue("Content-Range").orElse(""));
    }

    private void start() throws Exception {
        opus.start();
    }

    static ObjectNode event(String type, String id, long version) {
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
        if (feedAuthorization == null) {
            feedAuthorization = feedAuthorization(opus);
        }
        ObjectNode batch = JSON.createObjectNode();
        batch.set("events", events);
        HttpResponse<String> r = opus.send("POST", "/api/v1/offers/feed", feedAuthorization, batch.toString());
        assertEquals(r.body(), 200, r.statusCode());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return opus.send("GET", path, opus.operator(), null);
    }

    /** The operator issues France Travail's feed client; the client takes a token as from France Travail. */
    static String feedAuthorization(OpusProcess opus) throws Exception {
        HttpResponse<String> issued = opus.send("POST", "/api/v1/clients", opus.operator(),
                "{\"role\":\"FT_FEED\",\"name\":\"Flux\"}");
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonNode client = JSON.readTree(issued.body());
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + opus.port + "/connexion/oauth2/access_token?realm=%2Fpartenaire"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + client.path("client").path("clientId").asText() + "&client_secret="
                        + client.path("clientSecret").asText() + "&scope=opus_feed")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(token.body(), 200, token.statusCode());
        return "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
    }
}
