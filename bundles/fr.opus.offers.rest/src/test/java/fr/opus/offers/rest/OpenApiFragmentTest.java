package fr.opus.offers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The shipped OpenAPI fragment is the contract: it must describe exactly what the resources serve. */
class OpenApiFragmentTest {

    private static JsonNode fragment() throws Exception {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream("/OSGI-INF/openapi/offers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : List.of(FtOfferResource.class, OfferResource.class)) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "get"
                        : method.isAnnotationPresent(POST.class) ? "post" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add(verb + " " + root + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        fragment().get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb + " " + p.getKey())));
        assertEquals(served, documented);
    }

    @Test
    void everySupportedSearchParameterIsDocumentedAsFranceTravailDoes() throws Exception {
        Set<String> documented = new TreeSet<>();
        fragment().get("paths").get("/partenaire/offresdemploi/v2/offres/search").get("get").get("parameters")
                .forEach(p -> documented.add(p.get("name").asText()));
        assertEquals(new TreeSet<>(SearchParameters.SUPPORTED), documented);
    }
}
