package fr.opus.accounts.rest;

import fr.opus.accounts.api.Client;
import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/clients}: machine clients of the OAuth2 client-credentials grant. */
@Component(service = ClientResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    public record NewClient(Role role, String partnerId, String name, Set<String> scopes) {
    }

    private final ClientRegistry clients;

    @Activate
    public ClientResource(@Reference ClientRegistry clients) {
        this.clients = clients;
    }

    /** Issues a client; its secret is in this answer only. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(Role.REGIONAL_OPERATOR)
    public Response issue(@Context SecurityContext security, NewClient body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Le corps de la requête est vide.", null);
        }
        IssuedClient issued = clients.issue(Requests.caller(security), body.role(), body.partnerId(), body.name(),
                body.scopes());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(URI.create(OpusRest.API_V1 + "/clients/" + issued.client().clientId()))
                .entity(issued).cacheControl(noStore).build();
    }

    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public List<Client> list(@Context SecurityContext security, @QueryParam("partnerId") String partnerId) {
        return clients.clients(Requests.caller(security), partnerId);
    }

    @DELETE
    @Path("{id}")
    @Permit(Role.REGIONAL_OPERATOR)
    public Client revoke(@Context SecurityContext security, @PathParam("id") String id) {
        return clients.revoke(Requests.caller(security), id);
    }
}
