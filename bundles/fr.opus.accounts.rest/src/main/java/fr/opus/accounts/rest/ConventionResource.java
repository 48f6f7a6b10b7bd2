package fr.opus.accounts.rest;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.ServiceInfo;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/conventions}: a convention, its amendments, the switching of one service of annex 1, signature,
 * termination and history.
 */
@Component(service = ConventionResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/conventions")
@Produces(MediaType.APPLICATION_JSON)
public class ConventionResource {

    public record Signature(LocalDate signedOn, String reason) {
    }

    public record Termination(Instant noticeEndsAt, String reason) {
    }

    private final PartnerDirectory partners;

    @Activate
    public ConventionResource(@Reference PartnerDirectory partners) {
        this.partners = partners;
    }

    /** The services conventions may list now. */
    @GET
    @Path("services")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<ServiceInfo> services() {
        return partners.serviceCatalogue();
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Convention get(@Context SecurityContext security, @PathParam("id") String id) {
        return partners.convention(Requests.caller(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Convention amend(@Context SecurityContext security, @PathParam("id") String id,
            PartnerResource.ConventionRequest request) {
        PartnerResource.ConventionRequest r = request == null
                ? new PartnerResource.ConventionRequest(null, null, null, null, null, null) : request;
        return partners.amendConvention(Requests.caller(security), id, r.terms(), r.reason());
    }

    @POST
    @Path("{id}/signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Convention sign(@Context SecurityContext security, @PathParam("id") String id, Signature signature) {
        Signature s = signature == null ? new Signature(null, null) : signature;
        return partners.signConvention(Requests.caller(security), id, s.signedOn(), s.reason());
    }

    @POST
    @Path("{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Convention terminate(@Context SecurityContext security, @PathParam("id") String id,
            Termination termination) {
        Termination t = termination == null ? new Termination(null, null) : termination;
        return partners.terminateConvention(Requests.caller(security), id, t.noticeEndsAt(), t.reason());
    }

    /** Switches one service of annex 1 on: the other terms and services stay as they are at that instant. */
    @PUT
    @Path("{id}/services/{serviceId}")
    @Permit(Role.REGIONAL_OPERATOR)
    public Convention enableService(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("serviceId") String serviceId, @QueryParam("reason") String reason) {
        return partners.changeServices(Requests.caller(security), id, Set.of(serviceId), Set.of(), reason);
    }

    /** Switches one service of annex 1 off, even one whose module is no longer installed. */
    @DELETE
    @Path("{id}/services/{serviceId}")
    @Permit(Role.REGIONAL_OPERATOR)
    public Convention disableService(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("serviceId") String serviceId, @QueryParam("reason") String reason) {
        return partners.changeServices(Requests.caller(security), id, Set.of(), Set.of(serviceId), reason);
    }

    @GET
    @Path("{id}/history")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public List<ConventionChange> history(@Context SecurityContext security, @PathParam("id") String id) {
        return partners.history(Requests.caller(security), id);
    }
}
