package fr.opus.contacts.rest;

import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentations;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/presentations}: presenting candidates to an offer's employer, and where each mail stands. A client
 * that may repeat its request (timeout, restart) sends an {@code Idempotency-Key}: the repeat answers the first
 * presentation, and nothing is sent twice.
 */
@Component(service = PresentationResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/presentations")
@Produces(MediaType.APPLICATION_JSON)
public class PresentationResource {

    /** Which offer, which of the partner's job seekers, and a word to the employer. */
    public record NewPresentation(String offerId, List<String> jobSeekerIds, String message) {
    }

    private final Presentations presentations;

    @Activate
    public PresentationResource(@Reference Presentations presentations) {
        this.presentations = presentations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = ServiceDefinition.CONSULTATION_OFFRES)
    public Response present(@Context SecurityContext security, @HeaderParam("Idempotency-Key") String key,
            NewPresentation body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : {\"offerId\", \"jobSeekerIds\": [...], \"message\"}.", null);
        }
        Presentation p = presentations.present(JobSeekerResource.caller(security), body.offerId(),
                body.jobSeekerIds(), body.message(), key);
        return Response.created(URI.create(OpusRest.API_V1 + "/presentations/" + p.id())).entity(p).build();
    }

    /** The presentations on an offer the caller may see. */
    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<Presentation> onOffer(@Context SecurityContext security, @QueryParam("offerId") String offerId) {
        if (offerId == null || offerId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Précisez l'offre : ?offerId=201WLXK.",
                    "offerId");
        }
        return presentations.onOffer(JobSeekerResource.caller(security), offerId.strip());
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Presentation presentation(@Context SecurityContext security, @PathParam("id") String id) {
        return presentations.presentation(JobSeekerResource.caller(security), id);
    }

    /** The candidate list exactly as the employer received it. */
    @GET
    @Path("{id}/document")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response document(@Context SecurityContext security, @PathParam("id") String id) {
        byte[] pdf = presentations.document(JobSeekerResource.caller(security), id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"presentation-" + id + ".pdf\"").build();
    }

    /** Sends again the mails whose every attempt failed. */
    @POST
    @Path("{id}/retry")
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Map<String, Integer> retry(@Context SecurityContext security, @PathParam("id") String id) {
        return Map.of("retried", presentations.retryFailed(JobSeekerResource.caller(security), id));
    }
}
