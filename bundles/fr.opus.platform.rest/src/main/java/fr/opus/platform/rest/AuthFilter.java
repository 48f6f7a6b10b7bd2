package fr.opus.platform.rest;

import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates and authorises every REST call before its resource runs: reads the bearer token or HTTP Basic
 * credentials, asks the {@link Authenticator} (the accounts capability) who is calling, applies the resource
 * method's {@link fr.opus.platform.api.security.Permit} through {@link Guard}, and exposes the {@link Caller} as
 * the request's {@link SecurityContext} principal.
 *
 * <p>It only exists while an {@code Authenticator} does, and every resource selects it ({@link OpusRest#AUTH}):
 * without the accounts capability no endpoint is served, rather than every endpoint being open.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(OpusRest.AUTH_NAME)
public class AuthFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;

    @Context
    private ResourceInfo resource;
    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AuthFilter(@Reference Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Guard.Rule rule = Guard.ruleOf(resource.getResourceMethod(), resource.getResourceClass());
        if (rule.open()) {
            // credentials sent to a public endpoint are not this filter's: the token endpoint reads a client's
            // HTTP Basic itself (RFC 6749 client_secret_basic), and must not see it taken for a person's login
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            throw Guard.unauthenticated();
        }
        Caller caller = authenticator.authorization(authorization, remoteAddress());
        Guard.check(rule, caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller, secure, authorization));
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (RuntimeException e) {
            return null; // outside a servlet request (unit tests)
        }
    }

    /** The request's security context: the {@link Caller} and its role. */
    record CallerContext(Caller caller, boolean secure, String authorization) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return authorization.regionMatches(true, 0, "Basic", 0, 5) ? BASIC_AUTH : "Bearer";
        }
    }
}
