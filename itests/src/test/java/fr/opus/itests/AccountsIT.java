package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.mail.internet.MimeMessage;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Accounts as partners live them, over real HTTP against the booted distribution, with a real SMTP conversation:
 * the operator sets up a partner and its convention, the RGC activates its account from the mail, the quota holds
 * under concurrent creations, a partner's application takes a token exactly as from France Travail and loses it
 * when the convention ends, and nobody sees another partner's data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccountsIT extends OpusTestSupport {

    private static final String STRONG = "Quatorze caractères au moins, 2026 !";
    /** One test SMTP server for the container's life: mails queued by one test may be delivered during the next. */
    private static GreenMail smtp;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                options(mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version"))));
    }

    @Before
    public void setUp() {
        awaitOpusReady();
        synchronized (AccountsIT.class) {
            if (smtp == null) {
                smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("opus.it.smtp.port")),
                        "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
            }
        }
    }

    /** A partner of region 84 with a signed convention; returns {partnerId, conventionId}. */
    private String[] partnerWithConvention(String name, int quota) {
        HttpResponse<String> partner = postJson("/api/v1/partners", "{\"kind\":\"MISSION_LOCALE\",\"name\":\"" + name
                + "\",\"safirCode\":\"38086\",\"region\":\"84\",\"address\":{\"street\":\"1 place de la Gare\","
                + "\"postalCode\":\"38000\",\"city\":\"Grenoble\"}}");
        assertEquals(partner.body(), 201, partner.statusCode());
        String partnerId = json(partner).path("id").asText();
        HttpResponse<String> convention = postJson("/api/v1/partners/" + partnerId + "/conventions",
                "{\"services\":[\"consultation-offres\",\"delegation-mer\"],\"accountQuota\":" + quota
                        + ",\"followUpManager\":\"Mme Suivi\",\"reason\":\"Convention d'application initiale\"}");
        assertEquals(convention.body(), 201, convention.statusCode());
        String conventionId = json(convention).path("id").asText();
        HttpResponse<String> signed = postJson("/api/v1/conventions/" + conventionId + "/signature",
                "{\"signedOn\":\"2026-11-02\",\"reason\":\"Signée par le directeur régional\"}");
        assertEquals(signed.body(), 200, signed.statusCode());
        assertEquals("ACTIVE", json(signed).path("status").asText());
        return new String[] {partnerId, conventionId};
    }

    /** The operator designates the RGC; the RGC activates from the mail and logs in. Returns "Bearer …". */
    private String rgc(String partnerId, String email) throws Exception {
        HttpResponse<String> created = postJson("/api/v1/accounts", "{\"role\":\"ACCOUNT_MANAGER\",\"partnerId\":\""
                + partnerId + "\",\"firstName\":\"Rachel\",\"lastName\":\"Gérard\",\"email\":\"" + email + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        String login = json(created).path("login").asText();
        String token = activationToken(email);
        HttpResponse<String> activated = postJsonAs(null, "/api/v1/accounts/activation",
                "{\"token\":\"" + token + "\",\"password\":\"" + STRONG + "\"}");
        assertEquals(activated.body(), 200, activated.statusCode());
        return login(login, STRONG);
    }

    private String login(String login, String password) {
        HttpResponse<String> session = postJsonAs(null, "/api/v1/session",
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
        assertEquals(session.body(), 200, session.statusCode());
        assertEquals("Bearer", json(session).path("token_type").asText());
        return "Bearer " + json(session).path("access_token").asText();
    }

    /** Reads the activation mail that the outbox delivered to the test SMTP server. */
    private String activationToken(String email) throws Exception {
        Pattern link = Pattern.compile("/activation#([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    assertEquals("Activez votre compte Opus", message.getSubject());
                    // the decoded body (quoted-printable on the wire): plain bytes, no Activation handlers needed
                    String text = new String(message.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(text, text.contains("Bonjour Rachel Gérard,"));
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

    @Test
    public void fiftyConcurrentCreationsWithQuotaTwoLeaveExactlyTwoCounsellors() throws Exception {
        String[] ids = partnerWithConvention("Mission Locale Quota " + UUID.randomUUID(), 2);
        String rgc = rgc(ids[0], "rgc-quota-" + UUID.randomUUID() + "@ml.example.org");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> postJsonAs(rgc, "/api/v1/accounts",
                    "{\"role\":\"COUNSELLOR\",\"firstName\":\"Camille\",\"lastName\":\"Conseil\",\"email\":\"c" + n
                            + "@ml.example.org\"}").statusCode(), pool));
        }
        int created = 0;
        int refused = 0;
        for (CompletableFuture<Integer> call : calls) {
            int status = call.get();
            created += status == 201 ? 1 : 0;
            refused += status == 409 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, created);
        assertEquals(48, refused);
        JsonNode seats = json(getAs(rgc, "/api/v1/partners/" + ids[0] + "/seats"));
        assertEquals(2, seats.path("quota").asInt());
        assertEquals(2, seats.path("used").asInt());
        assertEquals(2, seats.path("holders").size());
        assertProblem(postJsonAs(rgc, "/api/v1/accounts", "{\"role\":\"COUNSELLOR\",\"firstName\":\"Un\","
                + "\"lastName\":\"Deplus\",\"email\":\"plus@ml.example.org\"}"), 409, "account-quota-reached");
    }

    @Test
    public void aFranceTravailClientGetsATokenUnchangedAndLosesItWhenTheConventionEnds() {
        String[] ids = partnerWithConvention("Mission Locale OAuth " + UUID.randomUUID(), 2);
        HttpResponse<String> issued = postJson("/api/v1/clients", "{\"role\":\"PARTNER_APPLICATION\",\"partnerId\":\""
                + ids[0] + "\",\"name\":\"Logiciel de suivi\"}");
        assertEquals(issued.body(), 201, issued.statusCode());
        String clientId = json(issued).path("client").path("clientId").asText();
        String secret = json(issued).path("clientSecret").asText();

        // France Travail's own request: form body, realm in the query, application_<id> among the scopes
        HttpResponse<String> token = tokenRequest("grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + secret + "&scope=api_offresdemploiv2%20application_" + clientId + "%20o2dsoffre");
        assertEquals(token.body(), 200, token.statusCode());
        JsonNode answer = json(token);
        assertEquals("Bearer", answer.path("token_type").asText());
        assertEquals(1499, answer.path("expires_in").asInt());
        assertEquals("api_offresdemploiv2 o2dsoffre", answer.path("scope").asText());
        assertTrue(token.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String bearer = "Bearer " + answer.path("access_token").asText();

        // the same client authenticating with HTTP Basic, as many OAuth2 libraries do (client_secret_basic)
        HttpResponse<String> basicToken = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/connexion/oauth2/access_token?realm=%2Fpartenaire"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, secret))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertEquals(basicToken.body(), 200, basicToken.statusCode());

        HttpResponse<String> search = getAs(bearer, "/partenaire/offresdemploi/v2/offres/search?range=0-0");
        assertTrue(search.body(), search.statusCode() / 100 == 2);
        assertTrue(search.headers().firstValue("Content-Range").isPresent());

        HttpResponse<String> wrong = tokenRequest("grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=wrong");
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_client", json(wrong).path("error").asText());
        assertEquals("unsupported_grant_type", json(tokenRequest("grant_type=password&client_id=" + clientId
                + "&client_secret=" + secret)).path("error").asText());

        HttpResponse<String> terminated = postJson("/api/v1/conventions/" + ids[1] + "/termination",
                "{\"noticeEndsAt\":\"" + Instant.now().minusSeconds(1) + "\",\"reason\":\"Résiliation pour manquement\"}");
        assertEquals(terminated.body(), 200, terminated.statusCode());
        assertEquals("TERMINATED", json(terminated).path("status").asText());
        assertProblem(getAs(bearer, "/partenaire/offresdemploi/v2/offres/search?range=0-0"), 401,
                "convention-not-in-force");
        assertEquals("invalid_client", json(tokenRequest("grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + secret)).path("error").asText());
    }

    @Test
    public void aCounsellorOfPartnerASeesNothingOfPartnerB() throws Exception {
        String[] a = partnerWithConvention("Partenaire A " + UUID.randomUUID(), 3);
        String[] b = partnerWithConvention("Partenaire B " + UUID.randomUUID(), 3);
        String rgcA = rgc(a[0], "rgc-a-" + UUID.randomUUID() + "@a.example.org");
        String rgcB = rgc(b[0], "rgc-b-" + UUID.randomUUID() + "@b.example.org");
        String accountB = json(postJsonAs(rgcB, "/api/v1/accounts", "{\"role\":\"COUNSELLOR\",\"firstName\":\"Bob\","
                + "\"lastName\":\"Bee\",\"email\":\"bob@b.example.org\"}")).path("id").asText();

        assertProblem(getAs(rgcA, "/api/v1/partners/" + b[0]), 404, "partner-not-found");
        assertProblem(getAs(rgcA, "/api/v1/conventions/" + b[1]), 404, "convention-not-found");
        assertProblem(getAs(rgcA, "/api/v1/accounts/" + accountB), 404, "account-not-found");
        assertProblem(postJsonAs(rgcA, "/api/v1/accounts/" + accountB + "/deactivation", "{}"), 404,
                "account-not-found");
        assertProblem(getAs(rgcA, "/api/v1/partners/" + b[0] + "/seats"), 404, "partner-not-found");
        assertProblem(getAs(rgcA, "/api/v1/accounts?partnerId=" + b[0]), 404, "partner-not-found");
        // operators' endpoints stay closed to partners
        assertProblem(postJsonAs(rgcA, "/api/v1/partners", "{}"), 403, "forbidden");
        assertProblem(getAs(rgcA, "/api/v1/audit"), 403, "forbidden");
        // and the partner's own data is there
        assertEquals(200, getAs(rgcA, "/api/v1/partners/" + a[0]).statusCode());
        JsonNode list = json(getAs(rgcA, "/api/v1/partners"));
        assertEquals(1, list.size());
        assertEquals(a[0], list.get(0).path("id").asText());
    }

    @Test
    public void noCredentialsMeans401WithAChallengeAndBadPasswordsAreAudited() {
        HttpResponse<String> anonymous = getAs(null, "/partenaire/offresdemploi/v2/offres/search");
        assertProblem(anonymous, 401, "unauthorized");
        assertTrue(anonymous.headers().allValues("WWW-Authenticate").stream().anyMatch(v -> v.startsWith("Bearer")));
        assertProblem(getAs(basic(OPERATOR_LOGIN, "pas le bon mot de passe"), "/api/v1/partners"), 401, "unauthorized");
        assertProblem(getAs("Bearer inconnu", "/api/v1/partners"), 401, "invalid-token");
        JsonNode audit = json(get("/api/v1/audit?action=login.failed&limit=10"));
        assertTrue(audit.toString(), audit.size() >= 1);
        assertFalse(audit.toString(), audit.toString().contains("pas le bon mot de passe"));
        // health and the OpenAPI description stay public
        assertEquals(200, getAs(null, "/api/v1/health").statusCode());
        assertEquals(200, getAs(null, "/openapi.json").statusCode());
    }
}
