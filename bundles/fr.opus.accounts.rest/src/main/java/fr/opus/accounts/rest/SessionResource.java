package fr.opus.accounts.rest;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.Sessions;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.PublicAccess;
import fr.opus.platform.api.security.Role;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/session}: a person's login and password for a bearer token, and logout. */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    public record Credentials(String login, String password) {
    }

    /** Same member names as the OAuth2 token answer. */
    public record SessionToken(String access_token, String token_type, long expires_in) {
    }

    private final Sessions sessions;

    @Context
    private HttpServletRequest request;

    @Activate
    public SessionResource(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicAccess
    public Response login(Credentials credentials) {
        if (credentials == null || credentials.login() == null || credentials.password() == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Le corps doit être {\"login\": \"…\", \"password\": \"…\"}.", "login");
        }
        AccessToken token = sessions.login(credentials.login(), credentials.password(), Requests.address(request));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new SessionToken(token.token(), "Bearer", token.expiresInSeconds())).cacheControl(noStore)
                .build();
    }

    @DELETE
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response logout(@Context SecurityContext security, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Seul un jeton « Bearer » se révoque ; avec HTTP Basic il n'y a pas de session.", "Authorization");
        }
        sessions.logout(Requests.caller(security), auth.substring(7).trim());
        return Response.noContent().build();
    }
}
