package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Offers as France Travail's information system feeds them and as a program written for France Travail's
 * "Offres d'emploi v2" API reads them: real HTTP against the booted distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OffersIT extends OpusTestSupport {

    private static final String SEARCH = "/partenaire/offresdemploi/v2/offres/search";
    private static final String OFFER = "/partenaire/offresdemploi/v2/offres/";
    private static final String FEED = "/api/v1/offers/feed";

    /** A word no other offer of this run contains, to isolate each test's offers. */
    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Before
    public void offersAreServed() {
        awaitOpusReady();
    }

    private static JsonNode example(String name) {
        try (InputStream in = OffersIT.class.getResourceAsStream("/ft-api/examples/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newId() {
        return ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** France Travail's real offer 179PPHH, under a new id, with this test's marker in its description. */
    private ObjectNode offer(String diffusion) {
        ObjectNode content = (ObjectNode) example("offre_by_id_179PPHH.json").deepCopy();
        content.remove("id");
        content.put("description", content.path("description").asText() + " " + marker);
        ObjectNode offer = JSON.createObjectNode();
        offer.put("diffusion", diffusion);
        offer.set("content", content);
        return offer;
    }

    private static ObjectNode event(String type, String offerId, long version, ObjectNode offer) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("offerId", offerId);
        e.put("version", version);
        e.put("occurredAt", Instant.now().minusSeconds(1).toString());
        if (offer != null) {
            e.set("offer", offer);
        }
        return e;
    }

    private static JsonNode publish(JsonNode... events) {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode list = batch.putArray("events");
        for (JsonNode e : events) {
            list.add(e);
        }
        HttpResponse<String> response = postJson(FEED, batch.toString());
        assertEquals(response.body(), 200, response.statusCode());
        return json(response);
    }

    private HttpResponse<String> searchMarker(String extra) {
        return get(SEARCH + "?motsCles=" + marker + extra);
    }

    /** Polls for at most one second (the promise), returning how long it took. */
    private static long within1s(java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertTrue("not within 1 s", System.nanoTime() - start < 1_000_000_000L);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    public void aCreatedOfferIsFoundWithin1sAndHasFranceTravailsShape() {
        String id = newId();
        JsonNode receipt = publish(event("CREATED", id, 1, offer("NOMINATIVE")));
        assertEquals(1, receipt.path("accepted").asInt());
        within1s(() -> searchMarker("").statusCode() == 200);

        HttpResponse<String> found = get(SEARCH + "?motsCles=gestionnaire,stock," + marker + "&commune=34240");
        assertEquals(found.body(), 200, found.statusCode());
        assertEquals("offres 0-0/1", found.headers().firstValue("Content-Range").orElse(""));
        JsonNode body = json(found);
        JsonNode openApi = franceTravailOpenApi();
        assertFranceTravailShape(openApi, "ResultatRecherche", body, "search");
        assertEquals(id, body.path("resultats").get(0).path("id").asText());
        assertTrue(body.path("filtresPossibles").size() > 0);

        HttpResponse<String> one = get(OFFER + id);
        assertEquals(200, one.statusCode());
        JsonNode offer = json(one);
        assertFranceTravailShape(openApi, "Offre", offer, "offre");
        JsonNode original = example("offre_by_id_179PPHH.json");
        for (java.util.Iterator<String> it = original.fieldNames(); it.hasNext();) {
            String field = it.next();
            assertTrue("field " + field + " kept", offer.has(field));
            if (!field.equals("id") && !field.equals("description")) {
                assertEquals(field, original.get(field), offer.get(field));
            }
        }
    }

    @Test
    public void aProductionInstallHasNoDemoOffers() {
        assertEquals(204, get(OFFER + "D000000").statusCode());
    }

    @Test
    public void keywordsIgnoreAccentsCaseAndGender() {
        String id = newId();
        ObjectNode offer = offer("NOMINATIVE");
        ((ObjectNode) offer.get("content")).put("intitule", "Développeuse Java (H/F)").put("romeCode", "M1855");
        publish(event("CREATED", id, 1, offer));
        within1s(() -> searchMarker(",DEVELOPPEUR").statusCode() == 200);
        assertEquals(id, json(searchMarker(",developpeurs")).path("resultats").get(0).path("id").asText());
        assertEquals(204, searchMarker(",developpeur,cobol").statusCode());
    }

    @Test
    public void aSuspendedOfferVanishesFromSearchAndLookupWithin1sAndComesBackWhenResumed() {
        String id = newId();
        publish(event("CREATED", id, 1, offer("NOMINATIVE")));
        within1s(() -> get(OFFER + id).statusCode() == 200);
        publish(event("SUSPENDED", id, 2, null));
        within1s(() -> get(OFFER + id).statusCode() == 204 && searchMarker("").statusCode() == 204);
        assertEquals("offres */0", searchMarker("").headers().firstValue("Content-Range").orElse(""));
        assertProblem(get("/api/v1/offers/" + id), 404, "offer-not-found");
        publish(event("RESUMED", id, 3, null));
        within1s(() -> get(OFFER + id).statusCode() == 200);
        publish(event("CANCELLED", id, 4, null));
        within1s(() -> get(OFFER + id).statusCode() == 204);
        JsonNode late = publish(event("RESUMED", id, 5, null));
        assertEquals("offer-final", late.path("outcomes").get(0).path("code").asText());
    }

    @Test
    public void replayedAndOutdatedEventsChangeNothingAndBadEventsAreRejectedOneByOne() {
        String id = newId();
        ObjectNode create = event("CREATED", id, 10, offer("NOMINATIVE"));
        ObjectNode badRome = event("CREATED", newId(), 1, offer("NOMINATIVE"));
        ((ObjectNode) badRome.get("offer").get("content")).put("romeCode", "Z9999");
        ObjectNode unreadable = event("CREATED", newId(), 1, null);
        unreadable.put("version", "dix");
        ObjectNode noType = event("CREATED", newId(), 1, offer("NOMINATIVE"));
        noType.remove("type");
        JsonNode receipt = publish(create, badRome, unreadable, noType);
        assertEquals(1, receipt.path("accepted").asInt());
        assertEquals(3, receipt.path("rejected").asInt());
        JsonNode outcomes = receipt.path("outcomes");
        assertEquals("offer.content.romeCode", outcomes.get(1).path("field").asText());
        assertEquals("malformed-body", outcomes.get(2).path("code").asText());
        assertEquals("version", outcomes.get(2).path("field").asText());
        assertEquals("type", outcomes.get(3).path("field").asText());
        for (int i = 1; i < 4; i++) {
            assertFalse(outcomes.get(i).path("detail").asText().isEmpty());
        }
        assertEquals("DUPLICATE", publish(create).path("outcomes").get(0).path("result").asText());
        assertEquals("STALE", publish(event("SUSPENDED", id, 9, null)).path("outcomes").get(0).path("result")
                .asText());
        within1s(() -> get(OFFER + id).statusCode() == 200);
        assertProblem(postJson(FEED, "{\"events\": []}"), 400, "invalid-batch");
        assertProblem(postJson(FEED, "{\"events\": [ {"), 400, "malformed-body");
    }

    @Test
    public void anAnonymousOfferShowsNeitherTheEmployerNorItsContactAnywhere() {
        String id = newId();
        ObjectNode anonymous = offer("ANONYMOUS");
        ObjectNode content = (ObjectNode) anonymous.get("content");
        // the employer's own words may name it; France Travail words anonymous offers without the name
        content.put("description", content.path("description").asText().replace("Adéquat", "partenaire"));
        publish(event("CREATED", id, 1, anonymous));
        within1s(() -> get(OFFER + id).statusCode() == 200);
        String lookup = get(OFFER + id).body();
        String search = searchMarker("").body();
        for (String shown : new String[] {lookup, search}) {
            assertFalse(shown, shown.contains("ADEQUAT"));
            assertFalse(shown, shown.contains("lejobadequat"));
        }
        assertEquals(204, searchMarker(",adequat").statusCode());
        HttpResponse<byte[]> pdf = getBytes("/api/v1/offers/" + id + "/document");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    public void pagesAnswer206WithContentRangeAndBadParametersAnswer400() {
        ObjectNode[] events = new ObjectNode[5];
        for (int i = 0; i < 5; i++) {
            events[i] = event("CREATED", newId(), 1, offer("VISIBILITY"));
        }
        publish(events);
        within1s(() -> searchMarker("").statusCode() == 200);
        HttpResponse<String> page = searchMarker("&range=0-1&sort=1");
        assertEquals(206, page.statusCode());
        assertEquals("offres 0-1/5", page.headers().firstValue("Content-Range").orElse(""));
        assertEquals(2, json(page).path("resultats").size());
        assertEquals("offres 4-4/5", searchMarker("&range=4-10").headers().firstValue("Content-Range").orElse(""));
        assertEquals(206, searchMarker("&range=4-10").statusCode());
        assertProblem(get(SEARCH + "?range=0-150"), 400, "invalid-range");
        assertProblem(get(SEARCH + "?range=3001-3010"), 400, "invalid-range");
        assertProblem(get(SEARCH + "?range=3000-3150"), 400, "invalid-range");
        assertEquals("commune", assertProblem(get(SEARCH + "?commune=99999"), 400, "invalid-parameter")
                .path("field").asText());
        assertEquals("codeROME", assertProblem(get(SEARCH + "?codeROME=M18"), 400, "invalid-parameter")
                .path("field").asText());
        assertProblem(get(SEARCH + "?salaireMin=1800"), 400, "unsupported-parameter");
        assertEquals(204, get(OFFER + "NOSUCHOFFER").statusCode());
    }

    @Test
    public void soapPartnersFeedSearchAndReadOffersLikeRestOnes() {
        assertTrue(get("/soap/offers?wsdl").body().contains("OfferService"));
        assertTrue(get("/soap/offers-feed?wsdl").body().contains("OfferFeedService"));

        String id = newId();
        String offerJson = offer("NOMINATIVE").toString().replace("&", "&amp;").replace("<", "&lt;");
        HttpResponse<String> receipt = soap("/soap/offers-feed", "<o:publish>"
                + soapEvent(UUID.randomUUID().toString(), id, offerJson)
                + soapEvent(UUID.randomUUID().toString(), newId(), "{\"content\": {\"intitule\": ")
                + "</o:publish>");
        String body = receipt.body();
        assertEquals(body, 200, receipt.statusCode());
        assertTrue(body, body.contains("<accepted>1</accepted>") && body.contains("<rejected>1</rejected>"));
        assertTrue(body, body.contains(">malformed-body<") && body.contains(">offerJson<"));

        within1s(() -> soap("/soap/offers", "<o:search><o:recherche><o:motsCles>" + marker
                + "</o:motsCles></o:recherche></o:search>").body().contains(">" + id + "<"));
        HttpResponse<String> found = soap("/soap/offers", "<o:search><o:recherche><o:motsCles>" + marker
                + "</o:motsCles><o:commune>34240</o:commune><o:typeContrat>MIS</o:typeContrat>"
                + "<o:qualification></o:qualification></o:recherche></o:search>");
        assertTrue(found.body(), found.body().contains("<total>1</total>"));

        HttpResponse<String> one = soap("/soap/offers", "<o:get><o:id>" + id + "</o:id></o:get>");
        assertEquals(one.body(), 200, one.statusCode());
        String intitule = example("offre_by_id_179PPHH.json").path("intitule").asText();
        assertTrue(one.body(), one.body().contains(">" + intitule + "<"));
        // the same offer, whichever way it is read
        assertEquals(intitule, json(get(OFFER + id)).path("intitule").asText());
    }

    @Test
    public void soapAnswersTypedClientFaultsForUnknownOffersAndBadCriteria() {
        HttpResponse<String> unknown = soap("/soap/offers", "<o:get><o:id>ZZ404ZZ</o:id></o:get>");
        assertEquals(500, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("<faultcode>soap:Client</faultcode>")
                && unknown.body().contains(">offer-not-found<") && unknown.body().contains(">404<"));

        HttpResponse<String> range = soap("/soap/offers",
                "<o:search><o:recherche><o:first>0</o:first><o:last>200</o:last></o:recherche></o:search>");
        assertTrue(range.body(), range.body().contains(">invalid-range<") && range.body().contains(">last<"));

        HttpResponse<String> empty = soap("/soap/offers-feed", "<o:publish/>");
        assertTrue(empty.body(), empty.body().contains(">invalid-batch<") && empty.body().contains(">event<"));
    }

    @Test
    public void theShellSearchesShowsAndReportsTheFeed() {
        String id = newId();
        publish(event("CREATED", id, 1, offer("ANONYMOUS")));
        within1s(() -> searchMarker("").statusCode() == 200);

        String search = shell("opus:offer-search -k " + marker);
        assertTrue(search, search.contains(id) && search.contains("Gestionnaire de stock"));
        String show = shell("opus:offer-show " + id);
        assertTrue(show, show.contains("Offre " + id) && show.contains("Statut") && show.contains("anonyme"));
        assertTrue(shell("opus:offer-show ZZ404ZZ").contains("Offre inconnue : ZZ404ZZ"));
        String status = shell("opus:offer-feed-status");
        assertTrue(status, status.contains("Événements reçus") && status.contains("Index à jour"));
    }

    private static String soapEvent(String eventId, String offerId, String offerJson) {
        return "<o:event><o:eventId>" + eventId + "</o:eventId><o:type>CREATED</o:type><o:offerId>" + offerId
                + "</o:offerId><o:version>1</o:version><o:occurredAt>" + Instant.now().minusSeconds(1)
                + "</o:occurredAt><o:offerJson>" + offerJson + "</o:offerJson></o:event>";
    }

    private static HttpResponse<byte[]> getBytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().header("Authorization", operatorAuth())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
