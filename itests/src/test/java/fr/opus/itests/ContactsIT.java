package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
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

    /**
     * Issue 5's end-to-end acceptance: a counsellor finds an offer, makes a mise en relation for a job seeker; the
     * employer's CV request, the convocation to an interview and the hire follow, recorded by the RGC as the employer
     * reports them; the job seeker's file shows every step; the three parties got the right French mails through
     * the test SMTP server; and the partner's system received each state change as a webhook it can verify.
     */
    @Test
    public void aMiseEnRelationToHireTellsEveryPartyAndThePartnersSystem() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] a = partnerWithConvention("Mission Locale Relations " + run, 3);
        String rgcA = rgc(a[0], "rgc-mer-" + run + "@a.example.org");
        String leaEmail = "lea-mer-" + run + "@a.example.org";
        String counsellor = login(person(rgcA, "COUNSELLOR", null, "Léa", "Martin", leaEmail)[1], STRONG);
        String employer = "recrutement-" + run + "@boulangerie.example.fr";
        String karimEmail = "karim-mer-" + run + "@example.org";
        String offer = publishOffer("VERIFICATION", null, employer);

        HttpResponse<String> found = getAs(counsellor, "/api/v1/offers/" + offer);
        assertEquals(found.body(), 200, found.statusCode());
        assertEquals("VERIFICATION", json(found).path("preselection").asText());
        // the partner's system subscribes to its domain events
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/opus-events", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("Opus-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HttpResponse<String> subscribed = postJsonAs(rgcA, "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/opus-events\",\"events\":[\"referral.created\","
                    + "\"referral.state-changed\"],\"description\":\"Notre SI\"}");
            assertEquals(subscribed.body(), 201, subscribed.statusCode());
            String secret = json(subscribed).path("secret").asText();
            String subscription = json(subscribed).path("subscription").path("id").asText();
            aMiseEnRelationToHire(rgcA, counsellor, leaEmail, employer, karimEmail, offer);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (received.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(4, received.size());
            List<String> states = new java.util.ArrayList<>();
            for (String[] delivery : received) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})")
                        .matcher(delivery[0]);
                assertTrue(delivery[0], m.matches());
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "HmacSHA256"));
                String expected = java.util.HexFormat.of().formatHex(mac.doFinal((m.group(1) + "." + delivery[1])
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertEquals("the signature a receiver checks", expected, m.group(2));
                JsonNode event = JSON.readTree(delivery[1]);
                assertTrue(delivery[1], !delivery[1].contains("Karim") && !delivery[1].contains(karimEmail));
                states.add(event.path("data").path("to").asText());
            }
            assertEquals(List.of("SENT", "CV_REQUESTED", "SUMMONED", "HIRED"), states);
            JsonNode receipts = json(getAs(rgcA, "/api/v1/webhooks/" + subscription + "/deliveries"));
            assertEquals(receipts.toString(), 4, receipts.size());
            assertEquals(receipts.toString(), "DELIVERED", receipts.get(0).path("status").asText());
        } finally {
            receiver.stop(0);
        }
    }

    private void aMiseEnRelationToHire(String rgcA, String counsellor, String leaEmail, String employer,
            String karimEmail, String offer) throws Exception {
        String karim = json(postJsonAs(counsellor, "/api/v1/job-seekers", "{\"firstName\":\"Karim\","
                + "\"lastName\":\"Benali\",\"email\":\"" + karimEmail + "\",\"channel\":\"EMAIL\"}")).path("id")
                .asText();
        HttpResponse<String> relation = postJsonAs(counsellor, "/api/v1/referrals", "{\"offerId\":\"" + offer
                + "\",\"jobSeekerId\":\"" + karim + "\",\"kind\":\"RELATION\",\"send\":true}");
        assertEquals(relation.body(), 201, relation.statusCode());
        String referral = json(relation).path("id").asText();

        move(rgcA, referral, "{\"state\":\"CV_REQUESTED\",\"comment\":\"L'employeur demande le CV\"}");
        move(rgcA, referral, "{\"state\":\"SUMMONED\",\"comment\":\"Entretien le 2 décembre à 10 h\"}");
        move(rgcA, referral, "{\"state\":\"HIRED\"}");

        JsonNode steps = json(getAs(counsellor, "/api/v1/job-seekers/" + karim + "/file")).path("referrals").get(0)
                .path("history");
        assertEquals(steps.toString(), List.of("SENT", "CV_REQUESTED", "SUMMONED", "HIRED"),
                StreamSupport.stream(steps.spliterator(), false).map(step -> step.path("to").asText()).toList());

        List<String> toKarim = awaitMails(karimEmail, 4);
        assertEquals("Votre candidature a été transmise à l'employeur", toKarim.get(0).split("\n", 2)[0]);
        assertTrue(toKarim.get(0), toKarim.get(0).contains("Bonjour Karim Benali") && toKarim.get(0).contains(offer));
        assertTrue(toKarim.get(1), toKarim.get(1).contains("souhaite recevoir votre CV"));
        assertTrue(toKarim.get(2), toKarim.get(2).contains("convoqué(e) à un entretien"));
        assertTrue(toKarim.get(3), toKarim.get(3).contains("Félicitations"));
        List<String> toEmployer = awaitMails(employer, 1);
        assertTrue(toEmployer.get(0), toEmployer.get(0).startsWith("Un candidat pour votre offre " + offer)
                && toEmployer.get(0).contains("Karim Benali") && toEmployer.get(0).contains(karimEmail)
                && toEmployer.get(0).contains(leaEmail));
        List<String> toLea = awaitMails(leaEmail, 3);
        assertTrue(toLea.get(0), toLea.get(0).contains("« transmise » à « CV demandé »"));
        assertTrue(toLea.get(2), toLea.get(2).contains("« convoqué » à « recruté »"));
        Thread.sleep(1500);
        assertEquals("nothing sent twice", 4, mailsTo(karimEmail).size());
        assertEquals(1, mailsTo(employer).size());
        assertEquals(3, mailsTo(leaEmail).size());

        // the counsellor may decline the update mails; the indicators count the act and its hire
        assertEquals(200, sendJsonAs(counsellor, "PUT", "/api/v1/notification-preferences/me",
                "{\"receivesUpdates\":false}").statusCode());
        JsonNode activity = json(getAs(counsellor, "/api/v1/indicators/activity?from=" + java.time.LocalDate.now()
                .minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1)));
        assertEquals(activity.toString(), 1, activity.size());
        assertEquals(activity.toString(), 1, activity.get(0).path("relations").asInt());
        assertEquals(activity.toString(), 1, activity.get(0).path("hired").asInt());
        HttpResponse<String> csv = getAs(counsellor, "/api/v1/indicators/tripartite?format=csv&from="
                + java.time.LocalDate.now().minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1));
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.body(), csv.body().contains("offres_preselection_satisfaites_mer") && csv.body()
                .contains(";1;1;1,000;"));
    }

    /**
     * The subject and decoded text of each mail about acts to {@code to} (not the account activation), oldest first,
     * once at least {@code count} came.
     */
    private static List<String> awaitMails(String to, int count) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mails = mailsTo(to);
            if (mails.size() >= count) {
                return mails;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Fewer than " + count + " mails to " + to + ": " + mailsTo(to));
    }

    private static List<String> mailsTo(String to) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (javax.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to) && !"Activez votre compte Opus".equals(m.getSubject())) {
                // the decoded body of a plain-text mail: bytes, no Activation handlers needed
                out.add(m.getSubject() + "\n" + new String(m.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
