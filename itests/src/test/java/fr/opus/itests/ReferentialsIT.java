package fr.opus.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Reference data as a program written for France Travail's "Offres d'emploi v2" API reads it: same paths, same
 * JSON shapes as France Travail's published OpenAPI, and the same data over SOAP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReferentialsIT extends OpusTestSupport {

    private static final String FT = "/partenaire/offresdemploi/v2/referentiel/";

    @Before
    public void referentialsAreServed() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> get(FT + "regions").statusCode() == 200 && get("/soap/referentials?wsdl").statusCode() == 200);
    }

    @Test
    public void regionsAreThe18OfMetropolitanFranceAndOverseasWithFranceTravailFields() {
        HttpResponse<String> response = get(FT + "regions");
        assertEquals(200, response.statusCode());
        assertEquals("regions */18", response.headers().firstValue("Content-Range").orElse(""));
        JsonNode regions = json(response);
        assertEquals(18, regions.size());
        assertEquals(Set.of("code", "libelle"), fields(regions.get(0)));
        assertTrue(codes(regions).containsAll(List.of("01", "02", "03", "04", "06", "11", "84", "93", "94")));
        assertEquals("Auvergne-Rhône-Alpes", find(regions, "84").path("libelle").asText());
    }

    @Test
    public void metiersAreThe1584Rome4Codes() {
        JsonNode metiers = json(get(FT + "metiers"));
        assertEquals(1584, metiers.size());
        for (JsonNode metier : metiers) {
            assertTrue(metier.toString(), metier.path("code").asText().matches("[A-N]\\d{4}"));
        }
        assertEquals("Développeur / Développeuse web", find(metiers, "M1855").path("libelle").asText());
    }

    @Test
    public void everyReferentialHasTheShapeOfFranceTravailsOpenApi() throws Exception {
        JsonNode openApi = franceTravailOpenApi();
        int checked = 0;
        for (String name : new String[] {"regions", "departements", "communes", "metiers", "appellations",
                "domaines", "themes", "typesContrats", "naturesContrats", "secteursActivites", "nafs"}) {
            JsonNode operation = openApi.path("paths").path("/v2/referentiel/" + name).path("get");
            assertTrue(name + " is a France Travail referential", !operation.isMissingNode());
            String ref = operation.path("responses").path("200").path("content").path("application/json")
                    .path("schema").path("items").path("$ref").asText();
            String schema = ref.substring(ref.lastIndexOf('/') + 1);
            HttpResponse<String> response = get(FT + name);
            assertEquals(name, 200, response.statusCode());
            JsonNode items = json(response);
            assertTrue(name + " is not empty", items.size() > 0);
            assertEquals(name + " */" + items.size(), response.headers().firstValue("Content-Range").orElse(""));
            for (JsonNode item : items) {
                assertFranceTravailShape(openApi, schema, item, name);
                assertTrue(name + " has a code and a label: " + item, item.has("code") && item.has("libelle"));
            }
            checked++;
        }
        assertEquals(11, checked);
    }

    @Test
    public void departementsCarryTheirRegionAndCommunesTheirPostalCode() {
        JsonNode departements = json(get(FT + "departements"));
        assertEquals(101, departements.size());
        assertEquals("94", find(departements, "2A").path("region").path("code").asText());
        JsonNode communes = json(get(FT + "communes"));
        JsonNode paris15 = find(communes, "75115");
        assertEquals("75", paris15.path("codeDepartement").asText());
        assertEquals("75015", paris15.path("codePostal").asText());
        assertEquals("SAINT ETIENNE", find(communes, "42218").path("libelle").asText());
    }

    @Test
    public void opusSearchFindsJobsAndCommunesWhateverTheAccents() {
        JsonNode jobs = json(get("/api/v1/referentials/jobs?q=developpeur&limit=5"));
        assertTrue(jobs.toString(), codes(jobs, "romeCode").contains("M1805"));
        JsonNode communes = json(get("/api/v1/referentials/communes?q=st%20etienne&limit=1"));
        assertEquals("42218", communes.get(0).path("inseeCode").asText());
        JsonNode datasets = json(get("/api/v1/referentials/datasets"));
        assertEquals(14, datasets.size());
    }

    @Test
    public void soapServesTheWsdlAndTheSameRegions() {
        HttpResponse<String> wsdl = get("/soap/referentials?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("ReferentialService"));
        assertTrue(wsdl.body().contains("getRegions"));
        assertTrue(wsdl.body().contains("OpusFault"));

        HttpResponse<String> response = soap("/soap/referentials", "<r:getRegions/>");
        assertEquals(response.body(), 200, response.statusCode());
        List<String> soapCodes = new ArrayList<>();
        Matcher m = Pattern.compile("<region><code>([^<]+)</code><libelle>([^<]+)</libelle></region>")
                .matcher(response.body());
        while (m.find()) {
            soapCodes.add(m.group(1));
        }
        assertEquals(codes(json(get(FT + "regions"))), soapCodes);
        assertTrue(response.body().contains("<libelle>La Réunion</libelle>"));
    }

    @Test
    public void soapRefusesBadInputWithATypedClientFault() {
        HttpResponse<String> response = soap("/soap/referentials",
                "<r:getCommunes><r:codeDepartement>999</r:codeDepartement></r:getCommunes>");
        assertEquals(500, response.statusCode());
        String body = response.body();
        assertTrue(body, body.contains("<faultcode>soap:Client</faultcode>"));
        assertTrue(body, body.contains("OpusFault"));
        assertTrue(body, body.contains(">unknown-department</"));
        assertTrue(body, body.contains(">404</"));
        assertTrue(body, body.contains("Aucun département"));

        HttpResponse<String> blank = soap("/soap/referentials", "<r:findCommunes><r:texte></r:texte></r:findCommunes>");
        assertTrue(blank.body(), blank.body().contains(">invalid-parameter</") && blank.body().contains(">texte</"));
    }

    // ------------------------------------------------------------------------------------------------

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> codes(JsonNode array) {
        return codes(array, "code");
    }

    private static List<String> codes(JsonNode array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.path(field).asText()));
        return codes;
    }

    private static JsonNode find(JsonNode array, String code) {
        for (JsonNode node : array) {
            if (code.equals(node.path("code").asText())) {
                return node;
            }
        }
        throw new AssertionError("no entry with code " + code);
    }
}
