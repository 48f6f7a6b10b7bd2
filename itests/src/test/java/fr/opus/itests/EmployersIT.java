package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The employer entry shared between France Travail and partners (DOMAIN §3), over HTTP on the booted distribution:
 * the feed brings offers with their establishment's SIRET; France Travail's agent completes the entry and adds a
 * contact; a partner sees the employer of a nominative offer with its contacts, notes and the history of its own acts,
 * and never the employer of an anonymous offer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmployersIT extends PartnerTestSupport {

    /** A valid SIRET for this run: 13 random digits and the Luhn key. */
    private static String siret() {
        StringBuilder digits = new StringBuilder("9");
        for (int i = 0; i < 12; i++) {
            digits.append((int) (Math.random() * 10));
        }
        for (int key = 0; key < 10; key++) {
            String candidate = digits.toString() + key;
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int d = candidate.charAt(13 - i) - '0';
                if (i % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError("no Luhn key");
    }

    private static String publish(String siret, String diffusion) {
        String id = ("E" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(Locale.ROOT);
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "CREATED");
        event.put("offerId", id);
        event.put("version", 1);
        event.put("occurredAt", Instant.now().minusSeconds(1).toString());
        ObjectNode offer = event.putObject("offer");
        offer.put("diffusion", diffusion);
        offer.put("siret", siret);
        ObjectNode content = offer.putObject("content");
        content.put("intitule", "Boulanger (H/F)");
        content.put("description", "Fabrication du pain.");
        content.put("romeCode", "D1102");
        content.put("typeContrat", "CDI");
        content.putObject("lieuTravail").put("commune", "38185");
        content.putObject("entreprise").put("nom", "Boulangerie Rivière");
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("events").add(event);
        HttpResponse<String> receipt = postJson("/api/v1/offers/feed", batch.toString());
        assertEquals(receipt.body(), 1, json(receipt).path("accepted").asInt());
        return id;
    }

    @Test
    public void franceTravailAndAPartnerShareAnEmployerWithinWhatTheOfferShows() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String nominative = siret();
        String anonymous = siret();
        String offer = publish(nominative, "NOMINATIVE");
        publish(anonymous, "ANONYMOUS");
        String agent = login(person(operatorAuth(), "FT_AGENT", null, "Fabienne", "Tardy",
                "agent-emp-" + run + "@francetravail.example")[1], STRONG);
        String[] a = partnerWithConvention("Mission Locale Employeurs " + run, 3);
        String rgc = rgc(a[0], "rgc-emp-" + run + "@a.example.org");

        HttpResponse<String> completed = sendJsonAs(agent, "PUT", "/api/v1/employers/" + nominative,
                "{\"name\":\"Boulangerie Rivière\",\"nafCode\":\"10.71C\",\"address\":\"3 rue du Four, 38000 Grenoble\"}");
        assertEquals(completed.body(), 200, completed.statusCode());
        HttpResponse<String> contact = postJsonAs(agent, "/api/v1/employers/" + nominative + "/contacts",
                "{\"name\":\"Mme Rivière\",\"role\":\"Gérante\",\"email\":\"riviere-" + run
                        + "@boulangerie.example.fr\",\"phone\":\"0476000000\"}");
        assertEquals(contact.body(), 201, contact.statusCode());
        assertProblem(postJsonAs(rgc, "/api/v1/employers/" + nominative + "/notes",
                "{\"text\":\"La gérante est en arrêt maladie\"}"), 422, "forbidden-personal-data");
        HttpResponse<String> note = postJsonAs(rgc, "/api/v1/employers/" + nominative + "/notes",
                "{\"text\":\"Recrute aussi des apprentis en septembre.\"}");
        assertEquals(note.body(), 201, note.statusCode());

        JsonNode seen = json(getAs(rgc, "/api/v1/employers/" + nominative));
        assertEquals(seen.toString(), "Boulangerie Rivière", seen.path("name").asText());
        assertTrue(seen.toString(), seen.path("contactsShown").asBoolean());
        assertEquals(seen.toString(), "Mme Rivière", seen.path("contacts").get(0).path("name").asText());
        assertEquals(seen.toString(), offer, seen.path("offers").get(0).path("id").asText());
        assertEquals(seen.toString(), 1, seen.path("notes").size());
        assertEquals(200, getAs(rgc, "/api/v1/employers/" + nominative + "/history").statusCode());

        assertProblem(getAs(rgc, "/api/v1/employers/" + anonymous), 404, "employer-not-found");
        JsonNode forAgent = json(getAs(agent, "/api/v1/employers/" + anonymous));
        assertFalse(forAgent.toString(), forAgent.path("offers").isEmpty());
        assertProblem(getAs(rgc, "/api/v1/employers/12345678901235"), 400, "invalid-siret");
    }
}
