package fr.opus.employers.rest;

import fr.opus.employers.api.ContactDraft;
import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerAct;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerDraft;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.EmployerSummary;
import fr.opus.employers.api.Employers;
import fr.opus.employers.api.NoteDraft;
import fr.opus.offers.api.Siret;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.net.URI;
import java.util.List;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/employers}: the employer entry France Travail and partners share (DOMAIN §3). Reading is open to
 * France Travail and to partners whose convention includes {@code consultation-offres}; which employers, contacts
 * and offers a partner sees is the service's rule (an employer it may not see answers 404).
 */
@Component(service = EmployerResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/employers")
@Produces(MediaType.APPLICATION_JSON)
public class EmployerResource {

    private final Employers employers;

    @Activate
    public EmployerResource(@Reference Employers employers) {
        this.employers = employers;
    }

    /** Employers whose name starts with {@code q} (stored entries), or whose SIRET is {@code q}. */
    @GET
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public List<EmployerSummary> find(@Context SecurityContext security, @QueryParam("q") String text,
            @QueryParam("limit") Integer limit) {
        return employers.find(caller(security), text, limit == null ? 50 : limit);
    }

    @GET
    @Path("{siret}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public Employer get(@Context SecurityContext security, @PathParam("siret") String siret) {
        return employers.employer(caller(security), siret);
    }

    @PUT
    @Path("{siret}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT})
    public Employer update(@Context SecurityContext security, @PathParam("siret") String siret,
            EmployerDraft draft) {
        return employers.update(caller(security), siret, required(draft, "(name, nafCode, address)"));
    }

    @POST
    @Path("{siret}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = ServiceDefinition.CONSULTATION_OFFRES)
    public Response addContact(@Context SecurityContext security, @PathParam("siret") String siret,
            ContactDraft draft) {
        EmployerContact created = employers.addContact(caller(security), siret,
                required(draft, "(name, role, email, phone)"));
        return Response.created(URI.create(OpusRest.API_V1 + "/employers/" + Siret.normalise(siret) + "/contacts/"
                + created.id())).entity(created).build();
    }

    @DELETE
    @Path("{siret}/contacts/{id}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = ServiceDefinition.CONSULTATION_OFFRES)
    public void removeContact(@Context SecurityContext security, @PathParam("siret") String siret,
            @PathParam("id") String id) {
        employers.removeContact(caller(security), siret, id);
    }

    @POST
    @Path("{siret}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = ServiceDefinition.CONSULTATION_OFFRES)
    public Response addNote(@Context SecurityContext security, @PathParam("siret") String siret, NoteDraft draft) {
        EmployerNote created = employers.addNote(caller(security), siret, required(draft, "(text)"));
        return Response.created(URI.create(OpusRest.API_V1 + "/employers/" + Siret.normalise(siret) + "/notes/"
                + created.id())).entity(created).build();
    }

    @PUT
    @Path("{siret}/notes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = ServiceDefinition.CONSULTATION_OFFRES)
    public EmployerNote updateNote(@Context SecurityContext security, @PathParam("siret") String siret,
            @PathParam("id") String id, NoteDraft draft) {
        return employers.updateNote(caller(security), siret, id, required(draft, "(text)"));
    }

    @DELETE
    @Path("{siret}/notes/{id}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = ServiceDefinition.CONSULTATION_OFFRES)
    public void removeNote(@Context SecurityContext security, @PathParam("siret") String siret,
            @PathParam("id") String id) {
        employers.removeNote(caller(security), siret, id);
    }

    @GET
    @Path("{siret}/offers")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public List<EmployerOffer> offers(@Context SecurityContext security, @PathParam("siret") String siret) {
        return employers.offers(caller(security), siret);
    }

    @GET
    @Path("{siret}/history")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = ServiceDefinition.CONSULTATION_OFFRES, scope = "opus")
    public List<EmployerAct> history(@Context SecurityContext security, @PathParam("siret") String siret) {
        return employers.history(caller(security), siret);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static <T> T required(T body, String properties) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Corps JSON attendu " + properties + ".", null);
        }
        return body;
    }
}
