package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import org.junit.After;
import org.junit.Test;

/**
 * Issue 5's promise for presentations, tested the hard way: a partner presents 50 candidates; while the outbox is
 * sending (one mail every 250 ms, as a rate-limited relay would take them) the distribution is killed with SIGKILL;
 * the partner's system, which lost the answer, sends the same request again after the restart. In the end the
 * employer got exactly one mail with the PDF list, and each candidate exactly one notice.
 */
public class PresentationCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STRONG = "Quatorze caractères au moins, 2026 !";
    private static final int CANDIDATES = 50;

    private OpusProcess opus;
    private GreenMail smtp;

    @After
    public void stop() {
        if (opus != null) {
            opus.kill();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    public void fiftyCandidatesGetOneMailEachAndTheEmployerOneListAcrossAKill9() throws Exception {
        smtp = new GreenMail(new ServerSetup(OpusProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        opus = new OpusProcess("presentation");
        opus.configure("etc/fr.opus.mail.cfg", "host", "127.0.0.1");
        opus.configure("etc/fr.opus.mail.cfg", "port", String.valueOf(smtp.getSmtp().getPort()));
        opus.configure("etc/fr.opus.mail.cfg", "starttls", "false");
        opus.configure("etc/fr.opus.mail.cfg", "pollSeconds", "1");
        opus.configure("etc/fr.opus.mail.cfg", "minIntervalMillis", "250");
        opus.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String employer = "recrutement-" + run + "@boulangerie.example.fr";

        String rgc = rgcOfANewPartner(run);
        String offerId = publishOffer(employer);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            HttpResponse<String> created = opus.post("/api/v1/job-seekers", rgc, "{\"firstName\":\"Candidat\","
                    + "\"lastName\":\"Martin-" + (char) ('A' + i / 26) + (char) ('A' + i % 26) + "\",\"email\":\""
                    + candidate(run, i) + "\",\"channel\":\"EMAIL\"}");
            assertEquals(created.body(), 201, created.statusCode());
            candidates.add(JSON.readTree(created.body()).path("id").asText());
        }
        String request = "{\"offerId\":\"" + offerId + "\",\"jobSeekerIds\":" + JSON.writeValueAsString(candidates)
                + ",\"message\":\"Candidats disponibles de suite.\"}";
        String key = "presentation-" + run;

        HttpResponse<String> first = opus.post("/api/v1/presentations", rgc, request, "Idempotency-Key", key);
        assertEquals(first.body(), 201, first.statusCode());
        String presentationId = JSON.readTree(first.body()).path("id").asText();
        awaitMails(run, 10);
        Thread.sleep(100); // between two mails: the last one accepted is marked sent
        opus.kill();
        int beforeKill = presentationMails(run).size();
        assertTrue("killed in the middle: " + beforeKill, beforeKill < CANDIDATES + 1);

        opus.start();
        String again = login(rgcLogin);
        HttpResponse<String> retried = opus.post("/api/v1/presentations", again, request, "Idempotency-Key", key);
        assertEquals(retried.body(), 201, retried.statusCode());
        assertEquals("the repeat answers the first presentation", presentationId,
                JSON.readTree(retried.body()).path("id").asText());
        awaitMails(run, CANDIDATES + 1);
        Thread.sleep(4000); // four more rounds of the outbox: anything sent twice would show now

        List<MimeMessage> mails = presentationMails(run);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage m : mails) {
            perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertEquals(perRecipient.toString(), CANDIDATES + 1, mails.size());
        assertEquals(Integer.valueOf(1), perRecipient.get(employer));
        for (int i = 0; i < CANDIDATES; i++) {
            assertEquals(candidate(run, i), Integer.valueOf(1), perRecipient.get(candidate(run, i)));
        }
        MimeMessage list = mails.stream().filter(m -> to(m).equals(employer)).findFirst().orElseThrow();
        assertEquals("Candidats pour votre offre " + offerId, list.getSubject());
        MimeMultipart parts = (MimeMultipart) list.getContent();
        String body = new String(parts.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body, body.contains("vous présente 50 candidat(s)") && body.contains("Candidats disponibles"));
        assertEquals("candidats-" + offerId + ".pdf", parts.getBodyPart(1).getFileName());
        byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        MimeMessage notice = mails.stream().filter(m -> to(m).equals(candidate(run, 7))).findFirst().orElseThrow();
        String text = new String(notice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("Votre candidature a été transmise à l'employeur", notice.getSubject());
        assertTrue(text, text.contains("Bonjour Candidat Martin-AH") && text.contains(offerId));

        JsonNode seen = JSON.readTree(opus.send("GET", "/api/v1/presentations/" + presentationId, again, null)
                .body());
        assertEquals(seen.toString(), "SENT", seen.path("employerMail").path("status").asText());
        for (JsonNode c : seen.path("candidates")) {
            assertEquals(c.toString(), "SENT", c.path("notice").path("status").asText());
        }
    }

    private String rgcLogin;

    /** The operator sets up a partner under a signed convention and its RGC, who activates from the mail. */
    private String rgcOfANewPartner(String run) throws Exception {
        HttpResponse<String> partner = opus.post("/api/v1/partners", opus.operator(), "{\"kind\":\"MISSION_LOCALE\","
                + "\"name\":\"Mission Locale Présentations " + run + "\",\"safirCode\":\"38086\",\"region\":\"84\","
                + "\"address\":{\"street\":\"1 place de la Gare\",\"postalCode\":\"38000\",\"city\":\"Grenoble\"}}");
        assertEquals(partner.body(), 201, partner.statusCode());
        String partnerId = JSON.readTree(partner.body()).path("id").asText();
        HttpResponse<String> convention = opus.post("/api/v1/partners/" + partnerId + "/conventions",
                opus.operator(), "{\"services\":[\"consultation-offres\"],\"accountQuota\":3,"
                        + "\"followUpManager\":\"Mme Suivi\",\"reason\":\"Convention d'application initiale\"}");
        assertEquals(convention.body(), 201, convention.statusCode());
        HttpResponse<String> signed = opus.post("/api/v1/conventions/" + JSON.readTree(convention.body())
                .path("id").asText() + "/signature", opus.operator(), "{\"signedOn\":\"2026-11-02\","
                        + "\"reason\":\"Signée par le directeur régional\"}");
        assertEquals(signed.body(), 200, signed.statusCode());
        String email = "rgc-" + run + "@ml.example.org";
        HttpResponse<String> account = opus.post("/api/v1/accounts", opus.operator(), "{\"role\":\"ACCOUNT_MANAGER\","
                + "\"partnerId\":\"" + partnerId + "\",\"firstName\":\"Rachel\",\"lastName\":\"Gérard\",\"email\":\""
                + email + "\"}");
        assertEquals(account.body(), 201, account.statusCode());
        rgcLogin = JSON.readTree(account.body()).path("login").asText();
        HttpResponse<String> activated = opus.post("/api/v1/accounts/activation", null, "{\"token\":\""
                + activationToken(email) + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(activated.body(), 200, activated.statusCode());
        return login(rgcLogin);
    }

    private String login(String login) throws Exception {
        HttpResponse<String> session = opus.post("/api/v1/session", null, "{\"login\":\"" + login
                + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(session.body(), 200, session.statusCode());
        return "Bearer " + JSON.readTree(session.body()).path("access_token").asText();
    }

    private String activationToken(String email) throws Exception {
        Pattern link = Pattern.compile("/activation#([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (to(m).equals(email)) {
                    Matcher found = link.matcher(new String(m.getInputStream().readAllBytes(),
                            StandardCharsets.UTF_8));
                    if (found.find()) {
                        return found.group(1);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No activation mail to " + email);
    }

    /** France Travail's feed publishes a nominative offer whose contact is the employer's address. */
    private String publishOffer(String employer) throws Exception {
        String id = ("P" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(Locale.ROOT);
        ObjectNode event = CrashRecoveryIT.event("CREATED", id, 1);
        ObjectNode offer = event.putObject("offer");
        offer.put("diffusion", "NOMINATIVE");
        ObjectNode content = offer.putObject("content");
        content.put("intitule", "Boulanger (H/F)");
        content.put("description", "Fabrication du pain et des viennoiseries.");
        content.put("romeCode", "D1102");
        content.put("typeContrat", "CDI");
        content.putObject("lieuTravail").put("commune", "38185");
        content.putObject("contact").put("nom", "Boulangerie Rivière").put("courriel", employer);
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("events").add(event);
        HttpResponse<String> receipt = opus.send("POST", "/api/v1/offers/feed", CrashRecoveryIT.feedAuthorization(opus),
                batch.toString());
        assertEquals(receipt.body(), 200, receipt.statusCode());
        assertEquals(receipt.body(), 1, JSON.readTree(receipt.body()).path("accepted").asInt());
        return id;
    }

    private static String candidate(String run, int i) {
        return "candidat-" + i + "-" + run + "@example.org";
    }

    /** The mails of this run's presentation: to its candidates and its employer. */
    private List<MimeMessage> presentationMails(String run) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = to(m);
            if (to.startsWith("candidat-") && to.contains(run) || to.startsWith("recrutement-" + run)) {
                out.add(m);
            }
        }
        return out;
    }

    private void awaitMails(String run, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (presentationMails(run).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + presentationMails(run).size() + " of " + count + " mails");
            }
            Thread.sleep(20);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
