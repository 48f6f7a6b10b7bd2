package fr.opus.offers.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.Siret;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DemoOfferGeneratorTest {

    private final DemoOfferGenerator generator =
            new DemoOfferGenerator(new FakeReferentials(), Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void anOfferIsTheSameEachTimeItIsGenerated() {
        assertEquals(generator.offer(42), generator.offer(42));
        assertEquals("D00001A", DemoOfferGenerator.id(46));
    }

    @Test
    void offersVaryInDiffusionContractAndPlaceWithBigCitiesMoreLikely() {
        Map<Diffusion, Long> diffusion = LongStream.range(0, 2000).mapToObj(generator::offer)
                .collect(Collectors.groupingBy(Offer::diffusion, Collectors.counting()));
        assertEquals(3, diffusion.size());
        assertTrue(diffusion.get(Diffusion.NOMINATIVE) > diffusion.get(Diffusion.ANONYMOUS));
        Map<String, Long> places = LongStream.range(0, 2000).mapToObj(generator::offer)
                .collect(Collectors.groupingBy(o -> o.content().workplace().inseeCode(), Collectors.counting()));
        assertTrue(places.getOrDefault("75115", 0L) > places.getOrDefault("72003", 0L),
                "Paris 15e (230,000) outweighs Allonnes (11,000)");
        assertTrue(!places.containsKey("75056"), "offers sit in arrondissements, not in split communes");
        Map<String, Long> contracts = LongStream.range(0, 2000).mapToObj(generator::offer)
                .collect(Collectors.groupingBy(o -> o.content().contractType(), Collectors.counting()));
        assertTrue(contracts.size() >= 4, contracts.toString());
    }

    @Test
    void everyOfferNamesAValidSiretSharedByTheSameCompanyInTheSameDepartment() {
        Map<String, Long> offersPerSiret = LongStream.range(0, 2000).mapToObj(generator::offer)
                .peek(o -> assertTrue(Siret.valid(o.siret()), o.siret()))
                .collect(Collectors.groupingBy(Offer::siret, Collectors.counting()));
        assertTrue(offersPerSiret.values().stream().anyMatch(n -> n > 1), "some employers have several offers");
        String port = DemoOfferGenerator.siret("Hôtel du Port", "72");
        assertEquals(port, DemoOfferGenerator.siret("Hôtel du Port", "72"));
        assertNotEquals(port, DemoOfferGenerator.siret("Hôtel du Port", "44"), "another department");
        assertNotEquals(port, DemoOfferGenerator.siret("Hôtel Horizon", "72"), "another company");
    }

    @Test
    void generatedIdsAreUnique() {
        assertEquals(10_000, LongStream.range(0, 10_000).mapToObj(DemoOfferGenerator::id)
                .collect(Collectors.toMap(Function.identity(), x -> 1)).size());
    }
}
