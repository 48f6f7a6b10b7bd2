package fr.opus.platform.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jackson's errors said in French, with the path of the property at fault. */
class JsonErrorsTest {

    enum Kind { CREATED, SUSPENDED }

    record Place(Double latitude) {
    }

    record Item(String x) {
    }

    record Doc(Kind kind, Long version, Instant at, Place place, List<Item> items) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static JsonProcessingException error(String json) {
        return assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Doc.class));
    }

    @Test
    void wrongValuesNameTheirPathWhatIsExpectedAndWhatCame() {
        JsonProcessingException version = error("{\"version\":\"dix\"}");
        assertEquals("version", JsonErrors.path(version));
        assertEquals("la propriété « version » attend un nombre entier (reçu « dix »).", JsonErrors.reason(version));
        assertEquals("la propriété « kind » attend une de ces valeurs : CREATED, SUSPENDED (reçu « CREE »).",
                JsonErrors.reason(error("{\"kind\":\"CREE\"}")));
        JsonProcessingException nested = error("{\"place\":{\"latitude\":\"nord\"}}");
        assertEquals("place.latitude", JsonErrors.path(nested));
        assertEquals("la propriété « place.latitude » attend un nombre (reçu « nord »).", JsonErrors.reason(nested));
    }

    @Test
    void unknownPropertiesAndListItemsAreNamedByTheirPath() {
        JsonProcessingException unknown = error("{\"items\":[{\"x\":\"1\"},{\"y\":\"2\"}]}");
        assertEquals("items[1].y", JsonErrors.path(unknown));
        assertEquals("la propriété « items[1].y » n'existe pas ici.", JsonErrors.reason(unknown));
    }

    @Test
    void malformedJsonGivesWhereAndNoPath() {
        JsonProcessingException e = error("{\"version\": }");
        assertNull(JsonErrors.path(e));
        assertEquals("le JSON est mal formé (ligne 1, colonne 13).", JsonErrors.reason(e));
    }
}
