package fr.opus.offers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opus.offers.api.OfferEvent;
import fr.opus.platform.api.json.JsonErrors;
import org.junit.jupiter.api.Test;

/** The reasons given, in French, for feed events that cannot be read. */
class OfferResourceTest {

    private static ObjectNode event() {
        ObjectNode e = OfferResource.MAPPER.createObjectNode();
        e.put("eventId", "e-1").put("type", "SUSPENDED").put("offerId", "201WLXK").put("version", 2)
                .put("occurredAt", "2026-11-23T10:00:00Z");
        return e;
    }

    private static JsonProcessingException unreadable(ObjectNode node) {
        return assertThrows(JsonProcessingException.class,
                () -> OfferResource.MAPPER.treeToValue(node, OfferEvent.class));
    }

    @Test
    void aWellFormedEventIsRead() throws Exception {
        assertEquals("201WLXK", OfferResource.MAPPER.treeToValue(event(), OfferEvent.class).offerId());
    }

    @Test
    void reasonsNameThePropertyAndWhatItExpectsInFrench() {
        JsonProcessingException version = unreadable(event().put("version", "dix"));
        assertEquals("version", JsonErrors.path(version));
        assertEquals("la propriété « version » attend un nombre entier (reçu « dix »).",
                JsonErrors.reason(version));
        String type = JsonErrors.reason(unreadable(event().put("type", "SUSPENDU")));
        assertTrue(type.startsWith("la propriété « type » attend une de ces valeurs : CREATED, UPDATED,"), type);
        assertTrue(type.endsWith("(reçu « SUSPENDU »)."), type);
        String when = JsonErrors.reason(unreadable(event().put("occurredAt", "hier")));
        assertTrue(when.startsWith("la propriété « occurredAt » attend un instant ISO 8601"), when);
        String offer = JsonErrors.reason(unreadable(event().put("offer", "texte")));
        assertTrue(offer.startsWith("la propriété « offer » attend un objet JSON"), offer);
    }
}
