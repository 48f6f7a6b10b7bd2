package fr.opus.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Demo mode switched on in {@code etc/fr.opus.offers.demo.cfg}, as an operator setting up a demonstration would: the
 * first boot feeds generated offers, served like any other. (The other tests boot with the shipped setting, off, and
 * {@code OffersIT} checks that no demo offer exists there.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoModeIT extends OpusTestSupport {

    private static final int COUNT = 1200;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/fr.opus.offers.demo.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/fr.opus.offers.demo.cfg", "count", String.valueOf(COUNT)));
    }

    @Test
    public void theFirstBootFeedsRealisticDemoOffersAcrossRegions() {
        awaitOpusReady();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                json(get("/api/v1/offers/feed/status")).path("offersByStatus").path("ACTIVE").asInt() == COUNT);

        HttpResponse<String> first = get("/partenaire/offresdemploi/v2/offres/D000000");
        assertEquals(200, first.statusCode());
        JsonNode offer = json(first);
        assertFranceTravailShape(franceTravailOpenApi(), "Offre", offer, "offre");
        assertTrue(offer.path("intitule").asText().endsWith("(H/F)"));

        JsonNode page = json(get("/partenaire/offresdemploi/v2/offres/search?range=0-149"));
        Set<String> departments = new HashSet<>();
        Set<String> contracts = new HashSet<>();
        for (JsonNode o : page.path("resultats")) {
            departments.add(o.path("lieuTravail").path("libelle").asText().split(" - ")[0]);
            contracts.add(o.path("typeContrat").asText());
        }
        assertTrue("offers spread over France: " + departments, departments.size() >= 30);
        assertTrue("varied contracts: " + contracts, contracts.size() >= 4);
        assertEquals("Île-de-France has many of them", 206,
                get("/partenaire/offresdemploi/v2/offres/search?region=11&range=0-0").statusCode());
    }
}
