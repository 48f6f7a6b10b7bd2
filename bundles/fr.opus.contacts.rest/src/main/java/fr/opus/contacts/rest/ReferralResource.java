package fr.opus.contacts.rest;

import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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

/** {@code /api/v1/referrals}: acts on offers for job seekers and their state machine. */
@Component(service = ReferralResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    /** A new act: which offer, for whom, what kind, transmitted at once or only prepared. */
    public record NewReferral(String offerId, String jobSeekerId, ReferralKind kind, Boolean send, String comment) {
    }

    /** A move along the state machine; {@code reason} only for {@code NOT_RETAINED}. */
    public record Transition(ReferralState state, RejectionReason reason, String comment) {
    }

    /** A reason for not retaining a candidate, and whether it may be told to them. */
    public record Reason(RejectionReason code, String label, boolean shareable) {
    }

    private final Referrals referrals;

    @Activate
    public ReferralResource(@Reference Referrals referrals) {
        this.referrals = referrals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = ServiceDefinition.CONSULTATION_OFFRES)
    public Response create(@Context SecurityContext security, NewReferral body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : {\"offerId\", \"jobSeekerId\", \"kind\", \"send\", \"comment\"}.", null);
        }
        Referral created = referrals.create(JobSeekerResource.caller(security), body.offerId(), body.jobSeekerId(),
                body.kind(), Boolean.TRUE.equals(body.send()), body.comment());
        return Response.created(URI.create(OpusRest.API_V1 + "/referrals/" + created.id())).entity(created).build();
    }

    /** The acts on an offer the caller may see: its partner's; France Travail sees all. */
    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<Referral> onOffer(@Context SecurityContext security, @QueryParam("offerId") String offerId) {
        if (offerId == null || offerId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le paramètre offerId est obligatoire (ex. 201WLXK).", "offerId");
        }
        return referrals.onOffer(JobSeekerResource.caller(security), offerId.strip());
    }

    /** The reasons an employer may give for not retaining a candidate. */
    @GET
    @Path("reasons")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<Reason> reasons() {
        return Arrays.stream(RejectionReason.values()).map(r -> new Reason(r, r.label(), r.shareable())).toList();
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Referral get(@Context SecurityContext security, @PathParam("id") String id) {
        return referrals.referral(JobSeekerResource.caller(security), id);
    }

    /** Moves the act along its state machine (the employer's answers are recorded by the counsellor or France Travail). */
    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Referral move(@Context SecurityContext security, @PathParam("id") String id, Transition body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : {\"state\", \"reason\", \"comment\"}.", null);
        }
        return referrals.move(JobSeekerResource.caller(security), id, body.state(), body.reason(), body.comment());
    }
}
