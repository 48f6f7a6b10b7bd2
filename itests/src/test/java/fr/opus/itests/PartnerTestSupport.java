package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.mail.internet.MimeMessage;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;

/**
 * Tests that set partners up as an operator does and bring people in as they are: a test SMTP server (GreenMail)
 * inside the container receives the activation mails, whose link the person follows to choose a password.
 */
public abstract class PartnerTestSupport extends OpusTestSupport {

    protected static final String STRONG = "Quatorze caractères au moins, 2026 !";
    /** One test SMTP server for the container's life: mails queued by one test may be delivered during the next. */
    protected static GreenMail smtp;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                options(mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version"))));
    }

    @Before
    public void startSmtpAndAwaitOpus() {
        awaitOpusReady();
        synchronized (PartnerTestSupport.class) {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("opus.it.smtp.port")),
                        "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
    }

    /** A partner of region 84 with a signed convention; returns {partnerId, conventionId}. */
    protected static String[] partnerWithConvention(String name, int quota) {
        return partnerWithConvention(name, quota, "\"consultation-offres\",\"delegation-mer\"", true);
    }

    /**
     * A partner of region 84 with a convention listing {@code services} (JSON strings, comma-separated), signed or
     * left as a draft; returns {partnerId, conventionId}.
     */
    protected static String[] partnerWithConvention(String name, int quota, String services, boolean signed) {
        return partnerWithConvention(name, "38086", quota, services, signed);
    }

    /** The same with the partner's own SAFIR code (how France Travail's feed names an offer's managing partner). */
    protected static String[] partnerWithConvention(String name, String safirCode, int quota, String services,
            boolean signed) {
        HttpResponse<String> partner = postJson("/api/v1/partners", "{\"kind\":\"MISSION_LOCALE\",\"name\":\"" + name
                + "\",\"safirCode\":\"" + safirCode + "\",\"region\":\"84\",\"address\":{\"street\":\"1 place de la Gare\","
                + "\"postalCode\":\"38000\",\"city\":\"Grenoble\"}}");
        assertEquals(partner.body(), 201, partner.statusCode());
        String partnerId = json(partner).path("id").asText();
        HttpResponse<String> convention = postJson("/api/v1/partners/" + partnerId + "/conventions",
                "{\"services\":[" + services + "],\"accountQuota\":" + quota
                        + ",\"followUpManager\":\"Mme Suivi\",\"reason\":\"Convention d'application initiale\"}");
        assertEquals(convention.body(), 201, convention.statusCode());
        String conventionId = json(convention).path("id").asText();
        if (signed) {
            HttpResponse<String> signature = postJson("/api/v1/conventions/" + conventionId + "/signature",
                    "{\"signedOn\":\"2026-11-02\",\"reason\":\"Signée par le directeur régional\"}");
            assertEquals(signature.body(), 200, signature.statusCode());
            assertEquals("ACTIVE", json(signature).path("status").asText());
        }
        return new String[] {partnerId, conventionId};
    }

    /** The operator designates the RGC; the RGC activates from the mail and logs in. Returns "Bearer …". */
    protected static String rgc(String partnerId, String email) throws Exception {
        return login(person(operatorAuth(), "ACCOUNT_MANAGER", partnerId, "Rachel", "Gérard", email)[1], STRONG);
    }

    /**
     * {@code by} creates an account of {@code role}; its holder activates it from the mail with {@link #STRONG}.
     * Returns {accountId, login}.
     */
    protected static String[] person(String by, String role, String partnerId, String firstName, String lastName,
            String email) throws Exception {
        HttpResponse<String> created = postJsonAs(by, "/api/v1/accounts", "{\"role\":\"" + role + "\","
                + (partnerId == null ? "" : "\"partnerId\":\"" + partnerId + "\",") + "\"firstName\":\"" + firstName
                + "\",\"lastName\":\"" + lastName + "\",\"email\":\"" + email + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String token = activationToken(email, firstName + " " + lastName);
        HttpResponse<String> activated = postJsonAs(null, "/api/v1/accounts/activation",
                "{\"token\":\"" + token + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(activated.body(), 200, activated.statusCode());
        return new String[] {json(created).path("id").asText(), json(created).path("login").asText()};
    }

    protected static String login(String login, String password) {
        HttpResponse<String> session = postJsonAs(null, "/api/v1/session",
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        assertEquals(session.body(), 200, session.statusCode());
        assertEquals("Bearer", json(session).path("token_type").asText());
        return "Bearer " + json(session).path("access_token").asText();
    }

    /** Reads the activation mail that the outbox delivered to the test SMTP server, greeting {@code fullName}. */
    protected static String activationToken(String email, String fullName) throws Exception {
        Pattern link = Pattern.compile("/activation#([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)
                        && "Activez votre compte Opus".equals(message.getSubject())) {
                    // the decoded body (quoted-printable on the wire): plain bytes, no Activation handlers needed
                    String text = new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(text, text.contains("Bonjour " + fullName + ","));
                    assertTrue(text, text.contains("Votre identifiant : "));
                    Matcher m = link.matcher(text);
                    assertTrue(text, m.find());
                    return m.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No activation mail to " + email);
    }

    // ------------------------------------------------------------------------------------------------ offers

    protected static String newOfferId() {
        return ("C" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** Publishes France Travail's real offer 179PPHH under a new id, with or without preselection. */
    protected static String publishOffer(String preselection) {
        return publishOffer(preselection, null);
    }

    /** The same, managed by the partner of this SAFIR code when one is given. */
    protected static String publishOffer(String preselection, String managingSafir) {
        return publishOffer(preselection, managingSafir, null);
    }

    /** The same, the employer reached at {@code employerEmail} when one is given. */
    protected static String publishOffer(String preselection, String managingSafir, String employerEmail) {
        JsonNode content;
        try (InputStream in = PartnerTestSupport.class.getResourceAsStream("/ft-api/examples/offre_by_id_179PPHH.json")) {
            content = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((ObjectNode) content).remove("id");
        if (employerEmail != null) {
            ((ObjectNode) content).putObject("contact").put("nom", "Boulangerie Rivière").put("courriel",
                    employerEmail);
        }
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
}
