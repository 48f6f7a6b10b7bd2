package fr.opus.platform.rest.openapi;

import fr.opus.platform.api.security.Caller;
import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/**
 * A request's security context as the platform's authentication filter (AuthFilter) sets it for a Bearer token over
 * HTTPS: for a test that calls a resource method directly, to see what it answers.
 *
 * @param caller the authenticated caller, the context's principal, in the role named after its {@code Role}
 */
public record CallerContext(Caller caller) implements SecurityContext {

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
        return true;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
