package fr.opus.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The optional-module promise, proven with preselection on the booted distribution: the module is not running at
 * first; installing its feature makes its convention service, REST paths and SOAP service appear; a regional
 * operator switches it on for convention A only, and A's counsellor and France Travail's correspondent work a
 * candidacy through to hire over HTTP and SOAP while B's people meet {@code service-not-in-convention}; uninstalling
 * makes every endpoint answer 404 while core keeps working and the data stays; reinstalling brings A's candidacy
 * back; dropping the module's KAR into {@code deploy/} installs it too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PreselectionIT extends PartnerTestSupport {

    private static final String FEATURE = "opus-preselection";
    private static final String WSDL = "/soap/preselection?wsdl";
    private static final String SOAP_NS = "urn:opus:soap:v1:preselection";

    @Inject
    FeaturesService features;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), options(
                systemProperty("opus.preselection.kar").value(System.getProperty("opus.preselection.kar")),
                systemProperty("opus.it.reports").value(Paths.get("target").toAbsolutePath().toString())));
    }

    @Test
    public void theModuleIsAFeatureSwitchedOnPerConventionThatComesAndGoesWithItsData() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String services = "\"consultation-offres\",\"delegation-mer\"";
        String[] a = partnerWithConvention("Mission Locale Présélection " + run, "38101", 5, services, true);
        String[] b = partnerWithConvention("Cap Emploi Présélection " + run, "38102", 5, services, true);
        String rgcA = rgc(a[0], "rgc-pre-a-" + run + "@a.example.org");
        String rgcB = rgc(b[0], "rgc-pre-b-" + run + "@b.example.org");
        String lea = login(person(rgcA, "COUNSELLOR", null, "Léa", "Martin", "lea-pre-" + run + "@a.example.org")[1],
                STRONG);
        String noe = login(person(rgcB, "COUNSELLOR", null, "Noé", "Blanc", "noe-pre-" + run + "@b.example.org")[1],
                STRONG);
        String agent = login(person(operatorAuth(), "FT_AGENT", null, "Franck", "Corres",
                "agent-pre-" + run + "@francetravail.example")[1], STRONG);
        String karim = jobSeeker(lea, "Karim", "Benali", run);
        String ines = jobSeeker(noe, "Inès", "Moreau", run);
        String offer = publishOffer("VERIFICATION");
        String offerPath = "/api/v1/preselection/offers/" + offer;
        String indicators = "/api/v1/preselection/indicators?from=" + LocalDate.now().withDayOfMonth(1) + "&to="
                + LocalDate.now().plusDays(1);

        // ---- not installed: no endpoint, no convention service, and the service cannot be switched on
        assertFalse(features.isInstalled(features.getFeature(FEATURE)));
        assertProblem(get(indicators), 404, "not-found");
        assertEquals(404, get(WSDL).statusCode());
        assertFalse(catalogue().contains("preselection"));
        assertProblem(switchService("PUT", a[1], "preselection"), 400, "unknown-service");

        // ---- installed: measured until its first endpoint answers 200
        long start = System.nanoTime();
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        long installed = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(indicators).statusCode() == 200);
        long firstRest = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(WSDL).statusCode() == 200);
        long firstSoap = System.nanoTime();
        report("feature:install " + FEATURE, start, installed, firstRest, firstSoap);
        awaitModuleReady(indicators);
        assertTrue(catalogue().contains("preselection"));
        assertTrue(get("/openapi.json").body().contains("/api/v1/preselection/offers/{offerId}"));

        // ---- switched on for A only: a new convention version
        int versionBefore = json(getAs(operatorAuth(), "/api/v1/conventions/" + a[1])).path("version").asInt();
        HttpResponse<String> enabled = switchService("PUT", a[1], "preselection");
        assertEquals(enabled.body(), 200, enabled.statusCode());
        assertEquals(versionBefore + 1, json(enabled).path("version").asInt());
        assertTrue(enabled.body(), serviceIds(json(enabled)).contains("preselection"));

        // ---- A works: the correspondent sets the checklist, Léa proposes Karim, the correspondent transmits,
        //      the employer's feedback is recorded and goes into Karim's file
        HttpResponse<String> defined = sendJsonAs(agent, "PUT", offerPath,
                "{\"prerequisites\":[\"Permis B\",\"Disponible le samedi\"],\"candidatesWanted\":2}");
        assertEquals(defined.body(), 200, defined.statusCode());
        assertEquals("VERIFICATION", json(defined).path("level").asText());
        HttpResponse<String> proposed = postJsonAs(lea, offerPath + "/candidacies", "{\"jobSeekerId\":\""
                + karim + "\",\"interested\":true,\"availableFrom\":\"" + LocalDate.now().plusDays(7)
                + "\",\"prerequisites\":{\"Permis B\":true,\"Disponible le samedi\":true},"
                + "\"comment\":\"Motivé, expérience en boulangerie\"}");
        assertEquals(proposed.body(), 201, proposed.statusCode());
        String candidacy = json(proposed).path("id").asText();
        String referral = json(proposed).path("referralId").asText();
        assertTrue(proposed.headers().firstValue("Location").orElse("").endsWith("/candidacies/" + candidacy));
        assertProblem(postJsonAs(lea, offerPath + "/candidacies", "{\"jobSeekerId\":\"" + karim
                + "\",\"interested\":true,\"availableFrom\":\"" + LocalDate.now().plusDays(7)
                + "\",\"prerequisites\":{\"Permis B\":false}}"), 422, "preselection-requirements-not-met");

        // the module follows core's events: Sofia's act, withdrawn through core, withdraws her candidacy
        String sofia = jobSeeker(lea, "Sofia", "Lemoine", run);
        JsonNode second = json(postJsonAs(lea, offerPath + "/candidacies", "{\"jobSeekerId\":\"" + sofia
                + "\",\"interested\":true,\"availableFrom\":\"" + LocalDate.now().plusDays(3)
                + "\",\"prerequisites\":{\"Permis B\":true,\"Disponible le samedi\":true}}"));
        assertEquals(second.toString(), "PROPOSED", second.path("state").asText());
        HttpResponse<String> withdrawnInCore = postJsonAs(lea, "/api/v1/referrals/" + second.path("referralId")
                .asText() + "/transitions", "{\"state\":\"WITHDRAWN\",\"comment\":\"Sofia a trouvé un stage\"}");
        assertEquals(withdrawnInCore.body(), 200, withdrawnInCore.statusCode());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "WITHDRAWN".equals(
                json(getAs(lea, "/api/v1/preselection/candidacies/" + second.path("id").asText())).path("state")
                        .asText()));

        HttpResponse<String> soapList = soapAs(lea, "candidatures", "<offre>" + offer + "</offre>");
        assertEquals(soapList.body(), 200, soapList.statusCode());
        assertTrue(soapList.body(), soapList.body().contains(candidacy));

        JsonNode transmitted = json(postJsonAs(agent, "/api/v1/preselection/candidacies/" + candidacy + "/review",
                "{\"transmit\":true,\"note\":\"Profil conforme\"}"));
        assertEquals(transmitted.toString(), "TRANSMITTED", transmitted.path("state").asText());
        HttpResponse<String> hired = postJsonAs(agent, "/api/v1/preselection/candidacies/" + candidacy + "/feedback",
                "{\"received\":true,\"hired\":true,\"comment\":\"Recruté en CDI, très bonne impression\"}");
        assertEquals(hired.body(), 200, hired.statusCode());
        assertEquals("HIRED", json(hired).path("state").asText());
        JsonNode act = json(getAs(lea, "/api/v1/referrals/" + referral));
        assertEquals("HIRED", act.path("state").asText());
        assertTrue(act.toString(), act.toString().contains("Recruté en CDI"));
        JsonNode kept = json(getAs(agent, offerPath)).path("commitments");
        assertEquals(kept.toString(), 1, kept.path("transmitted").asInt());
        assertTrue(kept.toString(), kept.path("kept").asBoolean());

        // ---- B's convention lacks the service: 403 on every preselection endpoint, REST and SOAP
        assertProblem(getAs(noe, offerPath), 403, "service-not-in-convention");
        assertProblem(getAs(noe, offerPath + "/candidacies"), 403, "service-not-in-convention");
        assertProblem(postJsonAs(noe, offerPath + "/candidacies", "{\"jobSeekerId\":\"" + ines
                + "\",\"interested\":true,\"availableFrom\":\"" + LocalDate.now() + "\"}"), 403,
                "service-not-in-convention");
        assertProblem(getAs(noe, "/api/v1/preselection/candidacies/" + candidacy), 403,
                "service-not-in-convention");
        assertProblem(postJsonAs(noe, "/api/v1/preselection/candidacies/" + candidacy + "/withdrawal", "{}"),
                403, "service-not-in-convention");
        assertProblem(getAs(rgcB, indicators), 403, "service-not-in-convention");
        HttpResponse<String> soapRefused = soapAs(noe, "candidatures", "<offre>" + offer + "</offre>");
        assertEquals(soapRefused.body(), 500, soapRefused.statusCode());
        assertTrue(soapRefused.body(), soapRefused.body().contains("service-not-in-convention"));

        // ---- uninstalled: 404 everywhere, core keeps working, the convention keeps the service as unavailable
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(indicators).statusCode() == 404 && get(WSDL).statusCode() == 404);
        awaitOpusReady();
        assertProblem(getAs(lea, "/api/v1/preselection/candidacies/" + candidacy), 404, "not-found");
        assertEquals("core still serves the act", "HIRED",
                json(getAs(lea, "/api/v1/referrals/" + referral)).path("state").asText());
        assertFalse(catalogue().contains("preselection"));
        JsonNode conventionA = json(getAs(operatorAuth(), "/api/v1/conventions/" + a[1]));
        JsonNode kept0 = StreamSupport.stream(conventionA.path("services").spliterator(), false)
                .filter(s -> s.path("id").asText().equals("preselection")).findFirst().orElseThrow();
        assertFalse(conventionA.toString(), kept0.path("available").asBoolean());
        assertProblem(switchService("PUT", b[1], "preselection"), 400, "unknown-service");

        // ---- reinstalled: A's candidacy is back as it was
        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        awaitModuleReady(indicators);
        JsonNode back = json(getAs(lea, "/api/v1/preselection/candidacies/" + candidacy));
        assertEquals(back.toString(), "HIRED", back.path("state").asText());
        assertEquals("Recruté en CDI, très bonne impression", back.path("feedback").path("comment").asText());

        // ---- hot deployment: the module's KAR dropped into deploy/
        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(indicators).statusCode() == 404);
        Path kar = Paths.get(System.getProperty("opus.preselection.kar"));
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString());
        start = System.nanoTime();
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(indicators).statusCode() == 200);
        firstRest = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(WSDL).statusCode() == 200);
        report("KAR dropped into deploy/", start, firstRest, firstRest, System.nanoTime());
        awaitModuleReady(indicators);
        assertTrue(features.isInstalled(features.getFeature(FEATURE)));
        assertEquals("HIRED", json(getAs(lea, "/api/v1/preselection/candidacies/" + candidacy))
                .path("state").asText());

        // ---- baseline, same run: a core capability of the same shape (4 bundles, REST, shell) installed again
        String employers = "/api/v1/employers?q=Boulangerie";
        features.uninstallFeature("opus-employers", EnumSet.noneOf(FeaturesService.Option.class));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(employers).statusCode() == 404);
        start = System.nanoTime();
        features.installFeature("opus-employers", EnumSet.noneOf(FeaturesService.Option.class));
        installed = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(employers).statusCode() == 200);
        firstRest = System.nanoTime();
        report("baseline feature:install opus-employers (no SOAP)", start, installed, firstRest, firstRest);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String jobSeeker(String counsellor, String first, String last, String run) {
        HttpResponse<String> created = postJsonAs(counsellor, "/api/v1/job-seekers", "{\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"email\":\"" + first.toLowerCase(java.util.Locale.ROOT) + "-" + run
                + "@example.org\",\"channel\":\"EMAIL\"}");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).path("id").asText();
    }

    private static HttpResponse<String> switchService(String method, String conventionId, String service) {
        return sendJsonAs(operatorAuth(), method, "/api/v1/conventions/" + conventionId + "/services/" + service
                + "?reason=" + URLEncoder.encode("Avenant : service de présélection", StandardCharsets.UTF_8), null);
    }

    private static java.util.Set<String> serviceIds(JsonNode convention) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        convention.path("services").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private static String catalogue() {
        HttpResponse<String> list = get("/api/v1/conventions/services");
        assertEquals(list.body(), 200, list.statusCode());
        return list.body();
    }

    /** The whiteboard rebuilds its application as resources arrive: wait for core and the module to answer. */
    private static void awaitModuleReady(String modulePath) {
        awaitOpusReady();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(modulePath).statusCode() == 200 && get(WSDL).statusCode() == 200);
    }

    private static HttpResponse<String> soapAs(String authorization, String operation, String content) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><p:" + operation + " xmlns:p=\"" + SOAP_NS + "\">"
                + content.replaceAll("<(/?)([a-zA-Z]+)", "<$1p:$2") + "</p:" + operation + ">"
                + "</soapenv:Body></soapenv:Envelope>";
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/soap/preselection"))
                .header("Content-Type", "text/xml; charset=utf-8").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }

    /** Writes the measured times to target/preselection-install.txt (read into the module's README). */
    private static void report(String what, long start, long installed, long firstRest, long firstSoap)
            throws Exception {
        String line = String.format(java.util.Locale.ROOT,
                "%s: installed in %d ms, first REST 200 after %d ms, WSDL after %d ms%n", what,
                (installed - start) / 1_000_000, (firstRest - start) / 1_000_000, (firstSoap - start) / 1_000_000);
        System.out.print(line);
        Path file = Paths.get(System.getProperty("opus.it.reports"), "preselection-install.txt");
        Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
