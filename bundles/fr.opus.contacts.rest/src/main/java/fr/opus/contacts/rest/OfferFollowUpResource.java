package fr.opus.contacts.rest;

import fr.opus.contacts.api.FollowUp;
import fr.opus.contacts.api.OfferFollowUps;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/offer-follow-ups}: where an offer stands in the automatic follow-up (no-movement alert, follow-up
 * letter, closure without answer), and the employer's answer as France Travail or the managing partner records it.
 */
@Component(service = OfferFollowUpResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/offer-follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public class OfferFollowUpResource {

    /** The employer's answer to the follow-up letter. */
    public record Answer(Boolean stillOpen, String comment) {
    }

    private final OfferFollowUps followUps;

    @Activate
    public OfferFollowUpResource(@Reference OfferFollowUps followUps) {
        this.followUps = followUps;
    }

    @GET
    @Path("{offerId}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public FollowUp followUp(@Context SecurityContext security, @PathParam("offerId") String offerId) {
        return followUps.followUp(JobSeekerResource.caller(security), offerId);
    }

    @POST
    @Path("{offerId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public FollowUp answer(@Context SecurityContext security, @PathParam("offerId") String offerId, Answer body) {
        if (body == null || body.stillOpen() == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez « stillOpen » : true si l'offre est"
                    + " toujours à pourvoir, false sinon.", "stillOpen");
        }
        return followUps.answer(JobSeekerResource.caller(security), offerId, body.stillOpen(), body.comment());
    }
}
