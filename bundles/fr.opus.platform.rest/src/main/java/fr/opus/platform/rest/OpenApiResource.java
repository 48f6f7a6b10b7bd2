package fr.opus.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.PublicAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of every REST path Opus serves right now. Each bundle
 * that serves REST resources ships its own fragment, named by its {@code Opus-OpenAPI} header; this resource
 * merges the fragments of the active bundles, so an optional module's paths appear and vanish with it.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS})
@Path("/openapi.json")
@PublicAccess
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final ObjectMapper mapper = JsonProvider.newMapper();
    private final Map<String, JsonNode> fragments = new ConcurrentSkipListMap<>();
    private final BundleTracker<String> tracker;
    private final String version;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.version = context.getBundle().getHeaders().get("Opus-Version");
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                String location = bundle.getHeaders().get(OpusRest.OPENAPI_HEADER);
                if (location == null) {
                    return null;
                }
                URL entry = bundle.getEntry(location.trim());
                if (entry == null) {
                    LOG.warn("Bundle {} names OpenAPI fragment {} but does not contain it", bundle.getSymbolicName(),
                            location);
                    return null;
                }
                try (InputStream in = entry.openStream()) {
                    fragments.put(bundle.getSymbolicName(), mapper.readTree(in));
                    return bundle.getSymbolicName();
                } catch (IOException e) {
                    LOG.warn("Unreadable OpenAPI fragment {} in bundle {}", location, bundle.getSymbolicName(), e);
                    return null;
                }
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String name) {
                fragments.remove(name);
            }
        };
        tracker.open();
    }

    /** For tests: a fixed set of fragments, no tracking. */
    OpenApiResource(String version, Map<String, JsonNode> fragments) {
        this.version = version;
        this.tracker = null;
        this.fragments.putAll(fragments);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Opus");
        info.put("description", "API REST d'Opus, l'extranet des partenaires de France Travail. Les chemins "
                + "/partenaire/... reprennent ceux de l'API « Offres d'emploi v2 » de France Travail ; les chemins "
                + "/api/v1/... sont propres à Opus. Toute erreur est un document « problem+json » (RFC 9457).");
        info.put("version", version == null ? "dev" : version);
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        // every operation needs a caller unless its fragment says "security": [] (AuthFilter denies by default)
        doc.putArray("security").add(mapper.createObjectNode().set("bearerAuth", mapper.createArrayNode()))
                .add(mapper.createObjectNode().set("basicAuth", mapper.createArrayNode()));
        securitySchemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer").put("description",
                "Jeton d'une session (POST /api/v1/session) ou d'une application (client credentials OAuth2 sur "
                        + "/connexion/oauth2/access_token?realm=/partenaire, comme chez France Travail).");
        securitySchemes.putObject("basicAuth").put("type", "http").put("scheme", "basic").put("description",
                "Identifiant et mot de passe d'une personne, pour les scripts.");
        var tags = doc.putArray("tags");
        schemas.set("Problem", problemSchema());
        fragments.values().forEach(fragment -> {
            fragment.path("paths").fields().forEachRemaining(e -> paths.set(e.getKey(), e.getValue()));
            fragment.path("components").path("schemas").fields()
                    .forEachRemaining(e -> schemas.set(e.getKey(), e.getValue()));
            fragment.path("components").path("securitySchemes").fields()
                    .forEachRemaining(e -> securitySchemes.putIfAbsent(e.getKey(), e.getValue()));
            fragment.path("tags").forEach(tags::add);
        });
        return doc;
    }

    private ObjectNode problemSchema() {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "Document d'erreur RFC 9457, avec le code stable et le champ en cause.");
        ObjectNode props = schema.putObject("properties");
        props.putObject("type").put("type", "string").put("example", "urn:opus:problem:invalid-parameter");
        props.putObject("title").put("type", "string").put("example", "Requête invalide");
        props.putObject("status").put("type", "integer").put("example", 400);
        props.putObject("code").put("type", "string").put("example", "invalid-parameter");
        props.putObject("detail").put("type", "string");
        props.putObject("field").put("type", "string");
        schema.putArray("required").add("type").add("title").add("status").add("code").add("detail");
        return schema;
    }
}
