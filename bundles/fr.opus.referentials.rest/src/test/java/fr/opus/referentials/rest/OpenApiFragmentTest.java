package fr.opus.referentials.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The shipped OpenAPI fragment is the contract: it must describe exactly what the resources serve. */
class OpenApiFragmentTest {

    private static JsonNode fragment() throws Exception {
        try (InputStream in = OpenApiFragmentTest.class.getResourceAsStream("/OSGI-INF/openapi/referentials.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyServedPathIsDocumentedAndNothingMore() throws Exception {
        Set<String> served = new TreeSet<>();
        for (Class<?> resource : List.of(FtReferentialResource.class, ReferentialSearchResource.class)) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                if (method.isAnnotationPresent(GET.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    served.add(root + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        Set<String> documented = new TreeSet<>();
        fragment().get("paths").fieldNames().forEachRemaining(documented::add);
        assertEquals(served, documented);
    }

    @Test
    void wireRecordsHaveFranceTravailsFieldNames() throws Exception {
        JsonNode schemas = fragment().get("components").get("schemas");
        assertFields(schemas.get("Referentiel"), FtReferentialResource.Referentiel.class);
        assertFields(schemas.get("Commune"), FtReferentialResource.CommuneFt.class);
        assertFields(schemas.get("Departement"), FtReferentialResource.DepartementFt.class);
        assertFields(schemas.get("Region"), FtReferentialResource.RegionFt.class);
    }

    private static void assertFields(JsonNode schema, Class<?> record) {
        List<String> expected = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(expected::add);
        List<String> actual = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual), record.getSimpleName());
    }
}
