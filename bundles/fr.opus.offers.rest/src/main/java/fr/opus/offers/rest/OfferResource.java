package fr.opus.offers.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.json.JsonErrors;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Opus's own offer API: the offer with Opus's fields, its PDF document, and the feed through which France
 * Travail's information system pushes offer events.
 */
@Component(service = OfferResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OfferResource {

    /** The feed's request body. */
    public record FeedBatch(List<JsonNode> events) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final OfferCatalog catalog;
    private final OfferFeed feed;
    private final OfferDocuments documents;

    @Activate
    public OfferResource(@Reference OfferCatalog catalog, @Reference OfferFeed feed,
            @Reference OfferDocuments documents) {
        this.catalog = catalog;
        this.feed = feed;
        this.documents = documents;
    }

    /**
     * The offer as partners see it, with Opus's fields (the employer's SIRET only where the employer may be named:
     * never on an anonymous offer); 404 when it is unknown or not active.
     */
    @GET
    @Path("{id}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION},
            service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public Offer offer(@PathParam("id") String id) {
        return catalog.find(id).filter(Offer::visible).map(Offer::asPublished).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("{id}/document")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION},
            service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public Response document(@PathParam("id") String id) {
        byte[] pdf = documents.render(id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"offre-" + id + ".pdf\"")
                .build();
    }

    /**
     * A batch of offer events. Each event is checked on its own: an event that cannot be read is rejected with the
     * reason, the others are applied. The answer lists one outcome per event, in order; when it arrives, every
     * event not rejected is stored.
     */
    @POST
    @Path("feed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = Role.FT_FEED, scope = "opus_feed")
    public FeedReceipt publish(FeedBatch batch) {
        if (batch == null || batch.events() == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Le corps doit être un objet JSON {\"events\": [ ... ]}.", "events");
        }
        List<JsonNode> nodes = batch.events();
        if (nodes.isEmpty() || nodes.size() > OfferFeed.MAX_BATCH) {
            throw OpusException.invalid(OfferProblemCodes.INVALID_BATCH,
                    "Un lot contient de 1 à " + OfferFeed.MAX_BATCH + " événements.", "events");
        }
        EventOutcome[] outcomes = new EventOutcome[nodes.size()];
        List<OfferEvent> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            try {
                readable.add(MAPPER.treeToValue(node, OfferEvent.class));
                positions.add(i);
            } catch (JsonProcessingException e) {
                outcomes[i] = EventOutcome.rejected(eventId(node), i, ProblemCodes.MALFORMED_BODY,
                        "Événement illisible : " + JsonErrors.reason(e), JsonErrors.path(e));
            }
        }
        return FeedReceipt.merge(outcomes, positions, readable.isEmpty() ? null : feed.accept(readable));
    }

    @GET
    @Path("feed/status")
    @Permit({Role.FT_FEED, Role.REGIONAL_OPERATOR})
    public FeedStatus feedStatus() {
        return feed.status();
    }

    private static String eventId(JsonNode node) {
        JsonNode id = node == null ? null : node.get("eventId");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private static OpusException notFound(String id) {
        return new OpusException(404, OfferProblemCodes.OFFER_NOT_FOUND,
                "Offre « " + id + " » introuvable, suspendue ou retirée.", "id");
    }
}
