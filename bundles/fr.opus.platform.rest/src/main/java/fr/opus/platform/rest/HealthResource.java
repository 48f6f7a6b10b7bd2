package fr.opus.platform.rest;

import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.PublicAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/health}: whether Opus is up, its version, the Opus features installed and what each
 * capability reports (the database first). 200 while every indicator is up or degraded, 503 when one is down, so
 * a load balancer can use it as it is.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS})
@Path(OpusRest.API_V1 + "/health")
@PublicAccess
public class HealthResource {

    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private volatile FeaturesService features;
    private final String version;
    private final Instant startedAt = Instant.now();

    @Activate
    public HealthResource(BundleContext context) {
        this(context.getBundle().getHeaders().get("Opus-Version"));
    }

    HealthResource(String version) {
        this.version = version;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setFeatures(FeaturesService features) {
        this.features = features;
    }

    void unsetFeatures(FeaturesService features) {
        if (this.features == features) {
            this.features = null;
        }
    }

    /** The health document. */
    public record HealthReport(String status, String version, Instant startedAt, long uptimeSeconds,
            List<FeatureInfo> features, Map<String, Check> checks) {
    }

    public record FeatureInfo(String name, String version) {
    }

    public record Check(String status, Map<String, Object> details) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = report();
        return Response.status("DOWN".equals(report.status()) ? 503 : 200).entity(report).build();
    }

    HealthReport report() {
        Map<String, Check> checks = new LinkedHashMap<>();
        Health.Status overall = Health.Status.UP;
        List<HealthIndicator> sorted = new ArrayList<>(indicators);
        sorted.sort(Comparator.comparing(HealthIndicator::name));
        for (HealthIndicator indicator : sorted) {
            Health health;
            try {
                health = indicator.check();
            } catch (RuntimeException e) {
                health = Health.down(Map.of("error", String.valueOf(e.getMessage())));
            }
            checks.put(indicator.name(), new Check(health.status().name(), health.details()));
            if (health.status().compareTo(overall) > 0) {
                overall = health.status();
            }
        }
        return new HealthReport(overall.name(), version, startedAt,
                Duration.between(startedAt, Instant.now()).toSeconds(), installedOpusFeatures(), checks);
    }

    private List<FeatureInfo> installedOpusFeatures() {
        FeaturesService service = features;
        if (service == null) {
            return List.of();
        }
        try {
            List<FeatureInfo> result = new ArrayList<>();
            for (Feature feature : service.listInstalledFeatures()) {
                if (feature.getName().startsWith("opus")) {
                    result.add(new FeatureInfo(feature.getName(), feature.getVersion()));
                }
            }
            result.sort(Comparator.comparing(FeatureInfo::name));
            return result;
        } catch (Exception e) {
            return List.of();
        }
    }
}
