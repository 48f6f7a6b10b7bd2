package fr.opus.offers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.Siret;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import fr.opus.platform.api.json.JsonErrors;
import org.junit.jupiter.api.Test;

/** The offer as partners see it, and the reasons given, in French, for feed events that cannot be read. */
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

    private static final String SIRET = Siret.withCheckDigit("5120394870001");

    private static OfferResource resource(Offer... offers) {
        Map<String, Offer> byId = new HashMap<>();
        for (Offer o : offers) {
            byId.put(o.id(), o);
        }
        OfferCatalog catalog = new OfferCatalog() {
            @Override
            public Optional<Offer> find(String id) {
                return Optional.ofNullable(byId.get(id));
            }

            @Override
            public Optional<OfferContent> findPublished(String id) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public java.util.List<String> activeOfferIds(java.time.Instant publishedBefore) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public java.util.List<Offer> findBySiret(String siret) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public OfferPage search(OfferQuery query) {
                throw new AssertionError("not called in this test");
            }
        };
        return new OfferResource(catalog, null, null);
    }

    private static Offer offer(String id, Diffusion diffusion) {
        return new Offer(id, OfferStatus.ACTIVE, 1, Instant.parse("2026-11-23T10:00:00Z"), diffusion, null, null,
                null, null, null, OfferContent.builder().id(id).title("Boulanger (H/F)")
                        .company(new OfferContent.Company("BOULANGERIE DUPAIN", null, null, null, false)).build(),
                SIRET);
    }

    @Test
    void theSiretIsNeverShownOnAnAnonymousOfferAndShownWhereTheEmployerIsNamed() throws Exception {
        OfferResource resource = resource(offer("1A", Diffusion.ANONYMOUS), offer("1B", Diffusion.VISIBILITY),
                offer("1C", Diffusion.NOMINATIVE));

        String anonymous = OfferResource.MAPPER.writeValueAsString(resource.offer("1A"));
        assertFalse(anonymous.contains(SIRET), anonymous);
        assertFalse(anonymous.contains("DUPAIN"), anonymous);
        assertEquals(SIRET, resource.offer("1B").siret());
        assertEquals(SIRET, resource.offer("1C").siret());
        assertTrue(OfferResource.MAPPER.writeValueAsString(resource.offer("1C")).contains("\"siret\":\"" + SIRET));
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
