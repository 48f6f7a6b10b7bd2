package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * What counsellors do all day, over HTTP on the booted distribution: France Travail's feed publishes an offer; a
 * counsellor enters a job seeker, hands them the offer (mise en contact), records the employer's CV request, the
 * interview and the hire; the job seeker's file shows every step; another partner sees none of it; a preselected
 * offer takes a mise en relation, not a mise en contact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContactsIT extends PartnerTestSupport {

    private static String newOfferId() {
        return ("C" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** Publishes France Travail's real offer 179PPHH under a new id, with or without preselection. */
    private static String publishOffer(String preselection) {
        return publishOffer(preselection, null);
    }

    /** The same, managed by the partner of this SAFIR code when one is given. */
    private static String publishOffer(String preselection, String managingSafir) {
        JsonNode content;
        try (InputStream in = ContactsIT.class.getResourceAsStream("/ft-api/examples/offre_by_id_179PPHH.json")) {
            content = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((ObjectNode) content).remove("id");
        String id = newOfferId();
        ObjectNode offer = JSON.createObjectNode();
        offer.put("diffusion", "NOMINATIVE");
        if (preselection != null) {
            offer.put("preselection", preselection);
        }
        if (managingSafir != null) {
            offer.putObject("managingPartner").put("safirCode", managingSafir).put("name", "Mission Locale gestionnaire");
        }
        offer.set("content", content);
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "CREATED");
        event.put("offerId", id);
        event.put("version", 1);
        event.put("occurredAt", Instant.now().minusSeconds(1).toString());
        event.set("offer", offer);
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("events").add(event);
        HttpResponse<String> receipt = postJson("/api/v1/offers/feed", batch.toString());
        assertEquals(receipt.body(), 200, receipt.statusCode());
        assertEquals(receipt.body(), 1, json(receipt).path("accepted").asInt());
        return id;
    }

    private static JsonNode move(String auth, String referralId, String body) {
        HttpResponse<String> moved = postJsonAs(auth, "/api/v1/referrals/" + referralId + "/transitions", body);
        assertEquals(moved.body(), 200, moved.statusCode());
        return json(moved);
    }

    @Test
    public void aCounsellorTakesAJobSeekerFromMiseEnContactToHire() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] a = partnerWithConvention("Mission Locale Contacts " + run, 3);
        String rgcA = rgc(a[0], "rgc-contacts-" + run + "@a.example.org");
        String[] lea = person(rgcA, "COUNSELLOR", null, "Léa", "Martin", "lea-" + run + "@a.example.org");
        String counsellor = login(lea[1], STRONG);
        String[] b = partnerWithConvention("Cap Emploi Contacts " + run, 3);
        String rgcB = rgc(b[0], "rgc-contacts-b-" + run + "@b.example.org");
        String offer = publishOffer(null);

        HttpResponse<String> created = postJsonAs(counsellor, "/api/v1/job-seekers", "{\"firstName\":\"Karim\","
                + "\"lastName\":\"Benali\",\"ftIdentifier\":\"1234567a\",\"email\":\"karim-" + run
                + "@example.org\",\"channel\":\"EMAIL\",\"note\":\"Cherche un CDI en cuisine, permis B.\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String karim = json(created).path("id").asText();
        assertEquals("1234567A", json(created).path("ftIdentifier").asText());

        HttpResponse<String> forbidden = postJsonAs(counsellor, "/api/v1/job-seekers", "{\"firstName\":\"Anne\","
                + "\"lastName\":\"Roux\",\"email\":\"anne@example.org\",\"note\":\"Suivie pour une dépression\"}");
        JsonNode problem = assertProblem(forbidden, 422, "forbidden-personal-data");
        assertTrue(problem.path("detail").asText(), problem.path("detail").asText().contains("dépression"));
        assertEquals("note", problem.path("field").asText());

        HttpResponse<String> contact = postJsonAs(counsellor, "/api/v1/referrals", "{\"offerId\":\"" + offer
                + "\",\"jobSeekerId\":\"" + karim + "\",\"kind\":\"CONTACT\",\"send\":true,"
                + "\"comment\":\"Fiche de l'offre remise\"}");
        assertEquals(contact.body(), 201, contact.statusCode());
        String referral = json(contact).path("id").asText();
        assertEquals("SENT", json(contact).path("state").asText());

        move(counsellor, referral, "{\"state\":\"CV_REQUESTED\",\"comment\":\"L'employeur demande le CV\"}");
        move(counsellor, referral, "{\"state\":\"SUMMONED\",\"comment\":\"Entretien le 2 décembre\"}");
        assertProblem(postJsonAs(counsellor, "/api/v1/referrals/" + referral + "/transitions",
                "{\"state\":\"NOT_RETAINED\"}"), 400, "invalid-parameter");
        JsonNode hired = move(counsellor, referral, "{\"state\":\"HIRED\"}");
        assertEquals("HIRED", hired.path("state").asText());
        assertProblem(postJsonAs(counsellor, "/api/v1/referrals/" + referral + "/transitions",
                "{\"state\":\"WITHDRAWN\"}"), 409, "invalid-referral-transition");

        HttpResponse<String> file = getAs(counsellor, "/api/v1/job-seekers/" + karim + "/file");
        assertEquals(file.body(), 200, file.statusCode());
        JsonNode steps = json(file).path("referrals").get(0).path("history");
        assertEquals(file.body(), 4, steps.size());
        assertEquals("SENT", steps.get(0).path("to").asText());
        assertEquals("HIRED", steps.get(3).path("to").asText());
        assertEquals(lea[1], steps.get(3).path("by").asText());

        // another partner sees nothing of it, as if it did not exist
        assertProblem(getAs(rgcB, "/api/v1/job-seekers/" + karim + "/file"), 404, "job-seeker-not-found");
        assertProblem(getAs(rgcB, "/api/v1/referrals/" + referral), 404, "referral-not-found");
        assertEquals("[]", getAs(rgcB, "/api/v1/referrals?offerId=" + offer).body());
        assertEquals(1, json(get("/api/v1/referrals?offerId=" + offer)).size());

        // a preselected offer takes a mise en relation (A's convention delegates it), not a mise en contact
        String preselected = publishOffer("VERIFICATION");
        assertProblem(postJsonAs(counsellor, "/api/v1/referrals", "{\"offerId\":\"" + preselected
                + "\",\"jobSeekerId\":\"" + karim + "\",\"kind\":\"CONTACT\"}"), 409, "act-not-allowed-on-offer");
        HttpResponse<String> relation = postJsonAs(counsellor, "/api/v1/referrals", "{\"offerId\":\"" + preselected
                + "\",\"jobSeekerId\":\"" + karim + "\",\"kind\":\"RELATION\"}");
        assertEquals(relation.body(), 201, relation.statusCode());
        assertEquals("PROPOSED", json(relation).path("state").asText());
        assertProblem(postJsonAs(counsellor, "/api/v1/referrals", "{\"offerId\":\"" + preselected
                + "\",\"jobSeekerId\":\"" + karim + "\",\"kind\":\"RELATION\"}"), 409, "duplicate-referral");
    }

    @Test
    public void theManagingPartnerSeesApplicationsMadeByAnotherPartnerAndAThirdDoesNot() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String safir = String.valueOf(10000 + (int) (Math.random() * 89999));
        String[] managing = partnerWithConvention("Mission Locale gestionnaire " + run, safir, 2,
                "\"consultation-offres\",\"delegation-mer\"", true);
        String[] other = partnerWithConvention("Cap Emploi " + run, 2);
        String[] third = partnerWithConvention("Relais " + run, 2);
        String rgcManaging = rgc(managing[0], "rgc-m-" + run + "@m.example.org");
        String rgcOther = rgc(other[0], "rgc-o-" + run + "@o.example.org");
        String rgcThird = rgc(third[0], "rgc-t-" + run + "@t.example.org");
        String offer = publishOffer(null, safir);

        HttpResponse<String> seeker = postJsonAs(rgcOther, "/api/v1/job-seekers", "{\"firstName\":\"Inès\","
                + "\"lastName\":\"Garcia\",\"email\":\"ines-" + run + "@example.org\"}");
        assertEquals(seeker.body(), 201, seeker.statusCode());
        HttpResponse<String> application = postJsonAs(rgcOther, "/api/v1/referrals", "{\"offerId\":\"" + offer
                + "\",\"jobSeekerId\":\"" + json(seeker).path("id").asText() + "\",\"kind\":\"CONTACT\",\"send\":true}");
        assertEquals(application.body(), 201, application.statusCode());
        String referral = json(application).path("id").asText();

        JsonNode seen = json(getAs(rgcManaging, "/api/v1/referrals?offerId=" + offer));
        assertEquals(seen.toString(), 1, seen.size());
        assertEquals(referral, seen.get(0).path("id").asText());
        assertEquals(other[0], seen.get(0).path("partnerId").asText());
        assertEquals(200, getAs(rgcManaging, "/api/v1/referrals/" + referral).statusCode());
        assertEquals("[]", getAs(rgcThird, "/api/v1/referrals?offerId=" + offer).body());
        assertProblem(getAs(rgcThird, "/api/v1/referrals/" + referral), 404, "referral-not-found");
    }
}
