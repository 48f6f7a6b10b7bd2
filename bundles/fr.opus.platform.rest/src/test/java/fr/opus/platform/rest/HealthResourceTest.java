package fr.opus.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.rest.HealthResource.FeatureInfo;
import fr.opus.platform.rest.HealthResource.HealthReport;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.apache.karaf.features.Feature;
import java.util.function.Supplier;
import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    private final HealthResource resource = new HealthResource("1.2.3");

    private static HealthIndicator indicator(String name, Health health) {
        return indicator(name, () -> health);
    }

    private static HealthIndicator failing(String name, RuntimeException failure) {
        return indicator(name, () -> {
            throw failure;
        });
    }

    private static HealthIndicator indicator(String name, Supplier<Health> check) {
        return new HealthIndicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return check.get();
            }
        };
    }

    private static Health degraded() {
        return new Health(Health.Status.DEGRADED, Map.of("missing", "themes"));
    }

    @Test
    void withoutIndicatorsOpusIsUpAndReportsItsVersion() {
        HealthReport report = resource.report();
        assertEquals("UP", report.status());
        assertEquals("1.2.3", report.version());
        assertTrue(report.checks().isEmpty());
        assertTrue(report.uptimeSeconds() >= 0);
        assertEquals(200, resource.health().getStatus());
    }

    @Test
    void upAndDegradedIndicatorsGiveADegraded200() {
        resource.addIndicator(indicator("database", Health.up(Map.of("product", "Derby"))));
        resource.addIndicator(indicator("referentials", degraded()));

        HealthReport report = resource.report();
        assertEquals("DEGRADED", report.status());
        assertEquals("UP", report.checks().get("database").status());
        assertEquals("Derby", report.checks().get("database").details().get("product"));
        assertEquals("DEGRADED", report.checks().get("referentials").status());

        Response response = resource.health();
        assertEquals(200, response.getStatus());
        assertEquals("DEGRADED", ((HealthReport) response.getEntity()).status());
    }

    @Test
    void anyDownIndicatorGivesA503() {
        resource.addIndicator(indicator("referentials", degraded()));
        resource.addIndicator(indicator("database", Health.down(Map.of("error", "no connection"))));
        resource.addIndicator(indicator("offers", Health.up(Map.of())));

        assertEquals("DOWN", resource.report().status());
        Response response = resource.health();
        assertEquals(503, response.getStatus());
        assertEquals("DOWN", ((HealthReport) response.getEntity()).status());
    }

    @Test
    void anIndicatorThatThrowsIsReportedDownWithItsMessage() {
        resource.addIndicator(indicator("referentials", Health.up(Map.of())));
        resource.addIndicator(failing("database", new IllegalStateException("pool closed")));

        HealthReport report = resource.report();
        assertEquals("DOWN", report.status());
        assertEquals("DOWN", report.checks().get("database").status());
        assertEquals("pool closed", report.checks().get("database").details().get("error"));
        assertEquals("UP", report.checks().get("referentials").status());
        assertEquals(503, resource.health().getStatus());
    }

    @Test
    void checksAreSortedByName() {
        resource.addIndicator(indicator("zeta", Health.up(Map.of())));
        resource.addIndicator(indicator("alpha", Health.up(Map.of())));
        resource.addIndicator(indicator("mu", Health.up(Map.of())));

        assertEquals(List.of("alpha", "mu", "zeta"), List.copyOf(resource.report().checks().keySet()));
    }

    @Test
    void aRemovedIndicatorNoLongerCounts() {
        HealthIndicator down = indicator("database", Health.down(Map.of()));
        resource.addIndicator(down);
        resource.removeIndicator(down);

        assertEquals("UP", resource.report().status());
        assertTrue(resource.report().checks().isEmpty());
    }

    @Test
    void onlyInstalledOpusFeaturesAreListedSortedByName() {
        resource.setFeatures(features(feature("opus-referentials", "0.1.0"), feature("cxf-jaxrs", "3.6.10"),
                feature("opus-platform", "0.1.0")));

        assertEquals(List.of(new FeatureInfo("opus-platform", "0.1.0"), new FeatureInfo("opus-referentials", "0.1.0")),
                resource.report().features());
    }

    @Test
    void featuresAreEmptyWhenTheFeaturesServiceIsGoneOrFails() {
        FeaturesService service = features(feature("opus-platform", "0.1.0"));
        resource.setFeatures(service);
        resource.unsetFeatures(service);
        assertEquals(List.of(), resource.report().features());

        resource.setFeatures(brokenFeatures());
        assertEquals(List.of(), resource.report().features());
        assertEquals("UP", resource.report().status());
    }

    private static Feature feature(String name, String version) {
        return (Feature) Proxy.newProxyInstance(Feature.class.getClassLoader(), new Class<?>[] {Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> version;
                    case "toString" -> name + "/" + version;
                    default -> throw new AssertionError(method.getName());
                });
    }

    private static FeaturesService features(Feature... installed) {
        return (FeaturesService) Proxy.newProxyInstance(FeaturesService.class.getClassLoader(),
                new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "listInstalledFeatures" -> installed;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new AssertionError(method.getName());
                });
    }

    private static FeaturesService brokenFeatures() {
        return (FeaturesService) Proxy.newProxyInstance(FeaturesService.class.getClassLoader(),
                new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("listInstalledFeatures")) {
                        throw new IllegalStateException("resolver busy");
                    }
                    throw new AssertionError(method.getName());
                });
    }
}
