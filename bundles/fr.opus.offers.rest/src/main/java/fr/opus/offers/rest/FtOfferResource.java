package fr.opus.offers.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.offers.api.Facet;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.util.Set;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * France Travail's "Offres d'emploi v2" offers, same paths, parameters, JSON and HTTP behaviour as
 * {@code https://api.francetravail.io/partenaire/offresdemploi/v2/offres}: 200 when every match is returned, 206
 * with {@code Content-Range: offres p-d/total} when there are more, 204 when nothing matches or the offer is not
 * (or no longer) visible, 400 with a problem document on a bad parameter.
 */
@Component(service = FtOfferResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION},
        service = ServiceDefinition.CONSULTATION_OFFRES, scope = "api_offresdemploiv2")
@Path("/partenaire/offresdemploi/v2/offres")
@Produces(MediaType.APPLICATION_JSON)
public class FtOfferResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] RESULTS_OPEN = "{\"resultats\":[".getBytes(StandardCharsets.UTF_8);

    private final OfferCatalog catalog;

    @Activate
    public FtOfferResource(@Reference OfferCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("search")
    public Response search(@Context UriInfo uri, @Context SecurityContext security) {
        OfferPage page = catalog.search(SearchParameters.parse(
                withDefaultRegion(uri.getQueryParameters(), (Caller) security.getUserPrincipal())));
        if (page.total() == 0 || page.offers().isEmpty()) {
            return Response.noContent().header("Content-Range", "offres */" + page.total()).build();
        }
        String range = "offres " + page.first() + "-" + page.last() + "/" + page.total();
        return Response.status(page.complete() ? 200 : 206)
                .header("Content-Range", range)
                .header("Accept-Range", "offres 150")
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity((StreamingOutput) out -> write(page, out))
                .build();
    }

    /** Parameters that say where to search: without any, a partner's people search their convention's region. */
    static final Set<String> GEOGRAPHY = Set.of("commune", "departement", "region", "paysContinent");

    static MultivaluedMap<String, String> withDefaultRegion(MultivaluedMap<String, String> params, Caller caller) {
        if (caller == null || caller.region() == null || params.keySet().stream().anyMatch(GEOGRAPHY::contains)) {
            return params;
        }
        MultivaluedMap<String, String> scoped = new MultivaluedHashMap<>(params);
        scoped.putSingle("region", caller.region());
        return scoped;
    }

    /** Copies the stored JSON of each offer; only the facets are serialised here. */
    static void write(OfferPage page, OutputStream out) throws java.io.IOException {
        out.write(RESULTS_OPEN);
        boolean first = true;
        for (PublishedOffer offer : page.offers()) {
            if (!first) {
                out.write(',');
            }
            out.write(offer.json());
            first = false;
        }
        out.write("],\"filtresPossibles\":".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (Facet facet : page.facets()) {
                g.writeStartObject();
                g.writeStringField("filtre", facet.name());
                g.writeArrayFieldStart("agregation");
                for (Facet.Value v : facet.values()) {
                    g.writeStartObject();
                    g.writeStringField("valeurPossible", v.value());
                    g.writeNumberField("nbResultats", v.count());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        out.write('}');
    }

    @GET
    @Path("{id}")
    public Response offer(@PathParam("id") String id) {
        return catalog.findPublished(id)
                .map(o -> Response.ok(o, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
