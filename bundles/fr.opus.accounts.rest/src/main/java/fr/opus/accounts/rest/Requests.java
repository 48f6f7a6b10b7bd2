package fr.opus.accounts.rest;

import fr.opus.platform.api.security.Caller;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;

/** Small helpers shared by the resources. */
final class Requests {

    private Requests() {
    }

    static String address(HttpServletRequest request) {
        try {
            return request == null ? null : request.getRemoteAddr();
        } catch (RuntimeException e) {
            return null; // no servlet request behind the call (unit tests)
        }
    }

    /** The authenticated caller: the platform's filter put it there before the resource ran. */
    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
