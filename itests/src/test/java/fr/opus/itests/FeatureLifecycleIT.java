package fr.opus.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumSet;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A capability is a Karaf feature: uninstalled at run time, its REST paths, SOAP service and OpenAPI entries
 * disappear while the platform keeps answering; reinstalled, they come back with the data already stored.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureLifecycleIT extends OpusTestSupport {

    private static final String REGIONS = "/partenaire/offresdemploi/v2/referentiel/regions";
    private static final String WSDL = "/soap/referentials?wsdl";
    private static final String FEATURE = "opus-referentials";

    @Inject
    FeaturesService features;

    @Test
    public void uninstallingAFeatureRemovesItsEndpointsAndReinstallingBringsThemBackWithTheirData()
            throws Exception {
        awaitOpusReady();
        JsonNode datasetsBefore = json(get("/api/v1/referentials/datasets"));
        assertTrue(features.isInstalled(features.getFeature(FEATURE)));

        features.uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(REGIONS).statusCode() == 404 && get(WSDL).statusCode() == 404);
        assertProblem(get(REGIONS), 404, "not-found");
        assertEquals("the platform still answers", 200, get("/api/v1/health").statusCode());
        assertFalse(json(get("/openapi.json")).path("paths").has(REGIONS));
        assertFalse(get("/api/v1/health").body().contains("\"opus-referentials\""));

        features.installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(REGIONS).statusCode() == 200 && get(WSDL).statusCode() == 200);
        // the JAX-RS whiteboard restarts its application once per resource coming back: wait until every
        // capability answers again before reading, or a read can meet the servlet container's page in between
        awaitOpusReady();
        assertEquals(18, json(get(REGIONS)).size());
        assertTrue(json(get("/openapi.json")).path("paths").has(REGIONS));
        assertEquals("reference data was kept in the database, not loaded again", datasetsBefore,
                json(get("/api/v1/referentials/datasets")));
    }
}
