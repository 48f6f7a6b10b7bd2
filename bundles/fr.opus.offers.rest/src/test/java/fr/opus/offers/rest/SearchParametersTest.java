package fr.opus.offers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.opus.offers.api.OfferQuery;
import fr.opus.platform.api.OpusException;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    private static MultivaluedMap<String, String> params(String... kv) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.add(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readsFranceTravailParameters() {
        OfferQuery q = SearchParameters.parse(params("motsCles", "boulanger,pâtissier", "codeROME", "D1102,D1104",
                "commune", "72181", "distance", "20", "typeContrat", "CDI,CDD", "range", "150-299", "sort", "1",
                "minCreationDate", "2026-11-01T00:00:00Z", "tempsPlein", "true", "qualification", "9"));
        assertEquals(List.of("boulanger", "pâtissier"), q.keywords());
        assertEquals(List.of("D1102", "D1104"), q.romeCodes());
        assertEquals(20, q.effectiveDistanceKm());
        assertEquals(150, q.first());
        assertEquals(299, q.last());
        assertEquals(OfferQuery.Sort.DATE, q.sort());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), q.minCreationDate());
        assertEquals(Boolean.TRUE, q.fullTime());
    }

    @Test
    void defaultsToTheFirst150() {
        OfferQuery q = SearchParameters.parse(params());
        assertEquals(0, q.first());
        assertEquals(149, q.last());
    }

    @Test
    void badValuesAnswer400NamingTheParameter() {
        assertEquals("range", fail("range", "0-150").field());
        assertEquals("invalid-range", fail("range", "abc").code());
        assertEquals("range", fail("range", "3001-3002").field());
        assertEquals("sort", fail("sort", "3").field());
        assertEquals("tempsPlein", fail("tempsPlein", "oui").field());
        assertEquals("distance", fail("distance", "dix").field());
        assertEquals("minCreationDate", fail("minCreationDate", "2026-11-01").field());
        assertEquals("unsupported-parameter", fail("salaireMin", "1800").code());
    }

    private static OpusException fail(String name, String value) {
        return assertThrows(OpusException.class, () -> SearchParameters.parse(params(name, value)));
    }
}
