package fr.opus.accounts.rest;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerDraft;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/partners}: partner structures, their conventions and their seat counter. */
@Component(service = PartnerResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    /** A convention's terms with the reason of the change, as the operator sends them. */
    public record ConventionRequest(LocalDate endsOn, Set<String> services, Integer accountQuota,
            String followUpManager, String ftCorrespondent, String reason) {

        ConventionTerms terms() {
            return new ConventionTerms(endsOn, services, accountQuota == null ? -1 : accountQuota, followUpManager,
                    ftCorrespondent);
        }
    }

    private final PartnerDirectory partners;
    private final AccountDirectory accounts;

    @Activate
    public PartnerResource(@Reference PartnerDirectory partners, @Reference AccountDirectory accounts) {
        this.partners = partners;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Response create(@Context SecurityContext security, PartnerDraft draft) {
        Partner partner = partners.createPartner(Requests.caller(security), draft);
        return Response.created(URI.create(OpusRest.API_V1 + "/partners/" + partner.id())).entity(partner).build();
    }

    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<Partner> list(@Context SecurityContext security) {
        return partners.partners(Requests.caller(security));
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Partner get(@Context SecurityContext security, @PathParam("id") String id) {
        return partners.partner(Requests.caller(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Partner update(@Context SecurityContext security, @PathParam("id") String id, PartnerDraft draft) {
        return partners.updatePartner(Requests.caller(security), id, draft);
    }

    @GET
    @Path("{id}/conventions")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER})
    public List<Convention> conventions(@Context SecurityContext security, @PathParam("id") String id) {
        return partners.conventions(Requests.caller(security), id);
    }

    @POST
    @Path("{id}/conventions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Response draftConvention(@Context SecurityContext security, @PathParam("id") String id,
            ConventionRequest request) {
        ConventionRequest r = request == null ? new ConventionRequest(null, null, null, null, null, null) : request;
        Convention convention = partners.draftConvention(Requests.caller(security), id, r.terms(), r.reason());
        return Response.created(URI.create(OpusRest.API_V1 + "/conventions/" + convention.id())).entity(convention)
                .build();
    }

    @GET
    @Path("{id}/seats")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Seats seats(@Context SecurityContext security, @PathParam("id") String id) {
        return accounts.seats(Requests.caller(security), id);
    }
}
