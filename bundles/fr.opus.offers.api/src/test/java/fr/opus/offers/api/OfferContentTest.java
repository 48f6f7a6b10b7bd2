package fr.opus.offers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.platform.api.OpusException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferContentTest {

    /** A made-up establishment's SIRET (Luhn-valid). */
    private static final String SIRET = Siret.withCheckDigit("7329104650001");

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private JsonNode example() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/offre_by_id_179PPHH.json")) {
            return mapper.readTree(in);
        }
    }

    @Test
    void franceTravailOfferSurvivesARoundTripUnchanged() throws Exception {
        JsonNode original = example();
        OfferContent content = mapper.treeToValue(original, OfferContent.class);
        assertEquals("Gestionnaire de stock", content.title());
        assertEquals("34240", content.workplace().inseeCode());
        assertEquals(Instant.parse("2024-08-19T11:01:06.407Z"), content.createdAt());
        assertEquals(original, mapper.valueToTree(content));
    }

    @Test
    void anonymousOfferShowsNeitherCompanyNorContact() throws Exception {
        OfferContent content = mapper.treeToValue(example(), OfferContent.class);
        Offer offer = new Offer("179PPHH", OfferStatus.ACTIVE, 1, Instant.now(), Diffusion.ANONYMOUS, null, null,
                null, null, null, content, SIRET);
        String json = mapper.writeValueAsString(offer.published());
        assertFalse(json.contains("ADEQUAT"), json);
        assertFalse(json.contains("lejobadequat"), json);
        assertNull(offer.published().company());
        assertEquals("France Travail", offer.published().contact().name());
        String shown = mapper.writeValueAsString(offer.asPublished());
        assertFalse(shown.contains(SIRET), "the SIRET would name the employer: " + shown);
        assertFalse(shown.contains("ADEQUAT"), shown);
        assertNull(offer.asPublished().siret());
        assertEquals(SIRET, offer.siret(), "France Travail's own processes still have it");
    }

    @Test
    void theSiretIsShownWhereTheEmployerIsNamedAndSurvivesTheStoredJson() throws Exception {
        OfferContent content = mapper.treeToValue(example(), OfferContent.class);
        Offer visibility = new Offer("179PPHH", OfferStatus.ACTIVE, 1, Instant.parse("2026-11-23T10:00:00Z"),
                Diffusion.VISIBILITY, null, null, null, null, null, content, SIRET);
        assertEquals(SIRET, visibility.asPublished().siret());
        assertEquals(SIRET, visibility.withState(OfferStatus.SUSPENDED, 2, Instant.now()).siret());
        Offer read = mapper.readValue(mapper.writeValueAsString(visibility), Offer.class);
        assertEquals(visibility, read);
        Offer before = mapper.readValue(mapper.writeValueAsString(new Offer("179PPHH", OfferStatus.ACTIVE, 1,
                Instant.parse("2026-11-23T10:00:00Z"), Diffusion.NOMINATIVE, null, null, null, null, null, content)),
                Offer.class);
        assertNull(before.siret(), "an offer stored before the SIRET came reads back without one");
    }

    @Test
    void visibilityOfferShowsTheNameOnlyAndSendsCandidatesToTheManagingPartner() throws Exception {
        OfferContent content = mapper.treeToValue(example(), OfferContent.class);
        Offer offer = new Offer("179PPHH", OfferStatus.ACTIVE, 1, Instant.now(), Diffusion.VISIBILITY, null, null,
                null, new ManagingPartner("34012", "Mission Locale de Montpellier", "offres@ml.example", null), null,
                content, null);
        OfferContent shown = offer.published();
        assertEquals("ADEQUAT INTERIM", shown.company().name());
        assertNull(shown.company().logo());
        assertEquals("Mission Locale de Montpellier", shown.contact().name());
        assertFalse(mapper.writeValueAsString(shown).contains("lejobadequat"));
    }

    @Test
    void nominativeOfferIsShownWhole() throws Exception {
        OfferContent content = mapper.treeToValue(example(), OfferContent.class);
        Offer offer = new Offer("179PPHH", OfferStatus.ACTIVE, 1, Instant.now(), null, null, null, null, null, null,
                content, null);
        assertEquals(content, offer.published());
    }

    @Test
    void queryRefusesRangesBeyondFranceTravailLimits() {
        assertEquals("range", assertThrows(OpusException.class,
                () -> OfferQuery.builder().range(0, 150).build()).field());
        assertThrows(OpusException.class, () -> OfferQuery.builder().range(3001, 3010).build());
        assertThrows(OpusException.class, () -> OfferQuery.builder().range(3000, 3150).build());
        assertThrows(OpusException.class, () -> OfferQuery.builder().range(10, 5).build());
        assertEquals(150, OfferQuery.builder().range(3000, 3149).build().pageSize());
    }

    @Test
    void queryRefusesMalformedCodesNamingTheParameter() {
        assertEquals("codeROME", assertThrows(OpusException.class,
                () -> OfferQuery.builder().romeCodes(List.of("M18")).build()).field());
        assertEquals("commune", assertThrows(OpusException.class,
                () -> OfferQuery.builder().communes(List.of("1", "2", "3", "4", "5", "6")).build()).field());
        assertEquals("motsCles", assertThrows(OpusException.class,
                () -> OfferQuery.builder().keywords(List.of("a")).build()).field());
        assertEquals("typeContrat", assertThrows(OpusException.class,
                () -> OfferQuery.builder().contractTypes(List.of("XYZ")).build()).field());
        assertTrue(OfferQuery.builder().romeCodes(List.of("M1805")).build().romeCodes().contains("M1805"));
    }
}
