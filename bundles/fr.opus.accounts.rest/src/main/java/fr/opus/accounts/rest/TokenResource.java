package fr.opus.accounts.rest;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.OAuthException;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.PublicAccess;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * France Travail's token endpoint, {@code POST /connexion/oauth2/access_token?realm=/partenaire}: the OAuth2
 * client-credentials grant with the same form and the same answer, so a partner's client written for France
 * Travail only changes its base URL. The client's credentials may also come as HTTP Basic. Refusals are plain OAuth2 errors ({@code error}, {@code error_description}),
 * not problem documents, as the client expects.
 */
@Component(service = TokenResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path("/connexion/oauth2")
@PublicAccess
public class TokenResource {

    private final ClientRegistry clients;

    @Context
    private HttpServletRequest request;

    @Activate
    public TokenResource(@Reference ClientRegistry clients) {
        this.clients = clients;
    }

    @POST
    @Path("access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@QueryParam("realm") String realm, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("scope") String scope, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        try {
            if (realm != null && !realm.equals("/partenaire")) {
                throw new OAuthException("invalid_request", "Unknown realm " + realm);
            }
            String[] basic = clientId == null && clientSecret == null ? basicCredentials(authorization) : null;
            AccessToken token = clients.token(grantType, basic != null ? basic[0] : clientId,
                    basic != null ? basic[1] : clientSecret, scope, Requests.address(request));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("scope", String.join(" ", token.scopes()));
            body.put("expires_in", token.expiresInSeconds());
            body.put("token_type", "Bearer");
            body.put("access_token", token.token());
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore).header("Pragma", "no-cache")
                    .build();
        } catch (OAuthException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.error());
            body.put("error_description", e.description());
            if ("invalid_client".equals(e.error()) && clientId == null && clientSecret == null && authorization != null) {
                // RFC 6749 §5.2: a client that authenticated with HTTP Basic is told so with 401 and a challenge
                return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).entity(body).cacheControl(noStore)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"/partenaire\"").build();
            }
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(body).cacheControl(noStore)
                    .build();
        }
    }

    /**
     * RFC 6749 §2.3.1 {@code client_secret_basic}: many OAuth2 libraries send the client's credentials as HTTP Basic,
     * each part form-URL-encoded, rather than in the form.
     */
    static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new OAuthException("invalid_client", "Client authentication failed");
        }
    }
}
