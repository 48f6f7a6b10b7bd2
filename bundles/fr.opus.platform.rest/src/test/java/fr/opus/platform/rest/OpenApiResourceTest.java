package fr.opus.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiResourceTest {

    private static JsonNode json(String text) {
        try {
            return JsonProvider.newMapper().readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static final JsonNode REFERENTIALS = json("{'openapi':'3.0.3',"
            + "'paths':{'/partenaire/referentiel/communes':{'get':{'tags':['Référentiels']}},"
            + "'/api/v1/referentials/search/communes':{'get':{}}},"
            + "'components':{'schemas':{'Commune':{'type':'object'},'Metier':{'type':'object'}}},"
            + "'tags':[{'name':'Référentiels'}]}");

    private static final JsonNode OFFERS = json("{'paths':{'/partenaire/offres/search':{'get':{}}},"
            + "'components':{'schemas':{'Offre':{'type':'object'}}},"
            + "'tags':[{'name':'Offres'}]}");

    private static final JsonNode PATHS_ONLY = json("{'paths':{'/api/v1/ping':{'get':{}}}}");

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void mergesThePathsSchemasAndTagsOfEveryFragment() {
        JsonNode doc = new OpenApiResource("1.2.3",
                Map.of("fr.opus.referentials.rest", REFERENTIALS, "fr.opus.offers.rest", OFFERS,
                        "fr.opus.ping", PATHS_ONLY)).document();

        assertEquals(Set.of("/partenaire/referentiel/communes", "/api/v1/referentials/search/communes",
                "/partenaire/offres/search", "/api/v1/ping"), names(doc.get("paths")));
        assertEquals(Set.of("Problem", "Commune", "Metier", "Offre"), names(doc.at("/components/schemas")));
        List<String> tags = new ArrayList<>();
        doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        assertEquals(Set.of("Référentiels", "Offres"), new TreeSet<>(tags));
        assertEquals(2, tags.size());
        assertEquals("Référentiels",
                doc.at("/paths/~1partenaire~1referentiel~1communes/get/tags/0").asText());
    }

    @Test
    void problemSchemaIsAlwaysThereWithItsRequiredMembers() {
        JsonNode doc = new OpenApiResource("1.2.3", Map.of()).document();

        JsonNode problem = doc.at("/components/schemas/Problem");
        assertEquals("object", problem.get("type").asText());
        assertEquals(Set.of("type", "title", "status", "code", "detail", "field"), names(problem.get("properties")));
        List<String> required = new ArrayList<>();
        problem.get("required").forEach(r -> required.add(r.asText()));
        assertTrue(required.containsAll(List.of("type", "title", "status", "code", "detail")), required.toString());
        assertEquals(Set.of(), names(doc.get("paths")));
    }

    @Test
    void documentIsOpenApi3WithTheGivenVersion() {
        JsonNode doc = new OpenApiResource("1.2.3", Map.of("a", PATHS_ONLY)).document();
        assertEquals("3.0.3", doc.get("openapi").asText());
        assertEquals("1.2.3", doc.at("/info/version").asText());
        assertEquals("Opus", doc.at("/info/title").asText());
        assertEquals("/", doc.at("/servers/0/url").asText());
    }

    @Test
    void versionIsDevWhenUnknown() {
        assertEquals("dev", new OpenApiResource(null, Map.of()).document().at("/info/version").asText());
    }
}
