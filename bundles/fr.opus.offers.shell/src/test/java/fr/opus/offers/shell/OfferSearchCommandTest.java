package fr.opus.offers.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.offers.shell.Fakes.Console;
import fr.opus.platform.api.OpusException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferSearchCommandTest {

    private final Fakes.Catalog catalog = new Fakes.Catalog();
    private final OfferSearchCommand command = new OfferSearchCommand();

    OfferSearchCommandTest() {
        command.catalog = catalog;
    }

    @Test
    void optionsBecomeTheFranceTravailQuery() {
        command.keywords = "java, spring boot";
        command.romeCodes = "M1805,M1806";
        command.communes = "69123";
        command.distance = 20;
        command.departments = "69,2A";
        command.region = " 84 ";
        command.contracts = "CDI,CDD";
        command.max = 5;

        Console.of(command::run);

        OfferQuery q = catalog.lastQuery;
        assertEquals(List.of("java", "spring boot"), q.keywords());
        assertEquals(List.of("M1805", "M1806"), q.romeCodes());
        assertEquals(List.of("69123"), q.communes());
        assertEquals(20, q.distanceKm());
        assertEquals(List.of("69", "2A"), q.departments());
        assertEquals("84", q.region());
        assertEquals(List.of("CDI", "CDD"), q.contractTypes());
        assertEquals(0, q.first());
        assertEquals(4, q.last());
    }

    @Test
    void withoutOptionsItAsksForTwentyOffersAndKeepsMaxWithinFranceTravailsPage() {
        Console.of(command::run);
        assertEquals(20, catalog.lastQuery.pageSize());
        assertEquals(List.of(), catalog.lastQuery.keywords());
        assertNull(catalog.lastQuery.region());

        command.max = 500;
        Console.of(command::run);
        assertEquals(OfferQuery.MAX_PAGE, catalog.lastQuery.pageSize());

        command.max = 0;
        Console.of(command::run);
        assertEquals(1, catalog.lastQuery.pageSize());
    }

    @Test
    void printsOneRowPerOfferAndTheTotalLine() {
        String longTitle = "Technicien / Technicienne de maintenance industrielle polyvalente en équipe de nuit";
        byte[] other = ("{\"id\":\"201WLXK\",\"intitule\":\"" + longTitle + "\",\"dateCreation\":"
                + "\"2025-12-31T23:30:00.000Z\",\"lieuTravail\":{\"libelle\":\"69 - Lyon 3e\"},\"typeContrat\":\"CDI\","
                + "\"champAjoute\":1}").getBytes(StandardCharsets.UTF_8);
        catalog.page = new OfferPage(321, 0, 1, List.of(new PublishedOffer("179PPHH", Fakes.exampleJson()),
                new PublishedOffer("201WLXK", other)), List.of());

        Console console = Console.of(command::run);

        String out = console.out();
        assertTrue(out.contains("179PPHH"), out);
        assertTrue(out.contains("19/08/2024"), out);
        assertTrue(out.contains("Gestionnaire de stock"), out);
        assertTrue(out.contains("34 - Saint-Aunès"), out);
        assertTrue(out.contains("MIS"), out);
        assertTrue(out.contains("01/01/2026"), "creation dates are shown in Paris time: " + out);
        assertTrue(out.contains(longTitle.substring(0, 49) + "…"), out);
        assertTrue(!out.contains(longTitle), out);
        assertTrue(out.contains("69 - Lyon 3e"), out);
        List<String> lines = out.lines().toList();
        assertEquals("321 offres (affichées : 2)", lines.get(lines.size() - 1));
        assertEquals("", console.err());
    }

    @Test
    void oneOfferIsSingular() {
        catalog.page = new OfferPage(1, 0, 0, List.of(new PublishedOffer("X1", "{\"id\":\"X1\"}".getBytes())),
                List.of());
        List<String> lines = Console.of(command::run).out().lines().toList();
        assertEquals("1 offre (affichée : 1)", lines.get(lines.size() - 1));
    }

    @Test
    void noMatchSaysSo() {
        assertEquals("Aucune offre ne correspond à ces critères.\n",
                Console.of(command::run).out().replace("\r\n", "\n"));
    }

    @Test
    void aRefusedCriterionIsOneFrenchLineOnTheErrorStream() {
        command.contracts = "CDI,XYZ";
        Console console = Console.of(command::run);
        assertEquals("Type de contrat inconnu : « XYZ ».", console.err().strip());
        assertEquals(1, console.err().lines().count());
        assertEquals("", console.out());
        assertNull(catalog.lastQuery);
    }

    @Test
    void aCatalogRefusalIsOneFrenchLine() {
        catalog.failure = OpusException.invalid("unknown-commune", "Aucune commune n'a le code INSEE « 99999 ».",
                "commune");
        command.communes = "99999";
        Console console = Console.of(command::run);
        assertEquals("Aucune commune n'a le code INSEE « 99999 ».\n", console.err().replace("\r\n", "\n"));
        assertEquals("", console.out());
    }
}
