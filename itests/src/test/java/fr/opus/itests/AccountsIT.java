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
public class AccountsIT extends PartnerTestSupport {

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

    @Test
    public void soapAndTheShellAuthenticateAgainstOpusAccounts() throws Exception {
        String[] ids = partnerWithConvention("Mission Locale SOAP " + UUID.randomUUID(), 2);
        String rgcEmail = "rgc-soap-" + UUID.randomUUID() + "@ml.example.org";
        String rgc = rgc(ids[0], rgcEmail);
        String rgcLogin = json(getAs(rgc, "/api/v1/accounts/me")).path("login").asText();

        // WS-Security UsernameToken (PasswordText), mustUnderstand as SoapUI and WSS4J clients send it
        HttpResponse<String> me = soapWithToken(rgcLogin, STRONG, "#PasswordText", "<a:moi/>");
        assertEquals(me.body(), 200, me.statusCode());
        assertTrue(me.body(), me.body().contains(rgcLogin));
        assertTrue(me.body(), me.body().contains("<role>RGC</role>") || me.body().contains(":role>RGC<"));

        // the RGC creates a counsellor over SOAP: the same quota and activation mail as over REST
        String email = "soap-" + UUID.randomUUID() + "@ml.example.org";
        HttpResponse<String> created = soapWithToken(rgcLogin, STRONG, "#PasswordText", "<a:creerCompte>"
                + "<a:nouveauCompte><a:role>CONSEILLER</a:role><a:prenom>Sophie</a:prenom><a:nom>Aubert</a:nom>"
                + "<a:email>" + email + "</a:email></a:nouveauCompte></a:creerCompte>");
        assertEquals(created.body(), 200, created.statusCode());
        assertTrue(created.body(), created.body().contains("PENDING_ACTIVATION"));
        assertTrue(activationToken(email, "Sophie Aubert").length() > 20);

        // a digest cannot be checked against an Argon2id hash: a typed client fault says so
        HttpResponse<String> digest = soapWithToken(rgcLogin, "irrelevant", "#PasswordDigest", "<a:moi/>");
        assertEquals(500, digest.statusCode());
        assertTrue(digest.body(), digest.body().contains("soap:Client") && digest.body().contains("401")
                && digest.body().contains("PasswordText"));
        // a wrong password is refused; the bearer token of REST works on SOAP too
        HttpResponse<String> wrong = soapWithToken(rgcLogin, "Pas le bon mot de passe 2026", "#PasswordText",
                "<a:moi/>");
        assertTrue(wrong.body(), wrong.body().contains("<code>unauthorized</code>")
                || wrong.body().contains(":code>unauthorized<"));
        HttpResponse<String> bearer = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/soap/accounts")).header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", rgc).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        envelope("", "<a:sieges/>"))).build());
        assertEquals(bearer.body(), 200, bearer.statusCode());
        assertTrue(bearer.body(), bearer.body().contains(ids[0]));

        // the shell realm admits operators only, whatever the password's worth
        IllegalStateException refused = org.junit.Assert.assertThrows(IllegalStateException.class,
                () -> shellLogin(rgcLogin, STRONG));
        assertTrue(refused.getMessage(), refused.getMessage().contains("réservé aux opérateurs régionaux"));
        String audit = shell("opus:audit-search --actor " + rgcLogin + " --action login.shell");
        assertTrue(audit, audit.contains("Shell refusé"));
    }

    private static HttpResponse<String> soapWithToken(String login, String password, String type, String body) {
        String header = "<soapenv:Header><wsse:Security soapenv:mustUnderstand=\"1\" xmlns:wsse=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>" + login + "</wsse:Username><wsse:Password Type=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0" + type + "\">"
                + password + "</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>";
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/soap/accounts"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(envelope(header, body),
                        java.nio.charset.StandardCharsets.UTF_8)).build());
    }

    private static String envelope(String header, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:a=\"urn:opus:soap:v1:accounts\">" + header + "<soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }
}
