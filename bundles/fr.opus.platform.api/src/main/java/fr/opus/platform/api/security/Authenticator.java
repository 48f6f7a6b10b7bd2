package fr.opus.platform.api.security;

import fr.opus.platform.api.OpusException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns credentials into a {@link Caller}, provided by the accounts capability. Every method answers a caller
 * that may act right now (account active, convention in force) or throws an {@link fr.opus.platform.api.OpusException}
 * with status 401 and one of the {@link SecurityProblemCodes}. Failures are audited by the implementation.
 */
public interface Authenticator {

    /** An {@code Authorization: Bearer} token issued to a person or a client. */
    Caller bearer(String token, String remoteAddress);

    /** A person's login and password (HTTP Basic, WS-Security UsernameToken, the shell). */
    Caller password(String login, String password, String remoteAddress);

    /**
     * The caller an HTTP {@code Authorization} header names: {@code Bearer <token>} or {@code Basic <base64 of
     * login:password>}, as REST and SOAP over HTTP both accept. A header of another scheme, or unreadable, is a 401.
     */
    default Caller authorization(String header, String remoteAddress) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        if ("Bearer".equalsIgnoreCase(scheme) && !value.isEmpty()) {
            return bearer(value, remoteAddress);
        }
        if ("Basic".equalsIgnoreCase(scheme) && !value.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw unreadableAuthorization();
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw unreadableAuthorization();
            }
            return password(decoded.substring(0, colon), decoded.substring(colon + 1), remoteAddress);
        }
        throw unreadableAuthorization();
    }

    private static OpusException unreadableAuthorization() {
        return new OpusException(401, SecurityProblemCodes.UNAUTHORIZED,
                "En-tête Authorization illisible : « Bearer <jeton> » ou « Basic <identifiant:mot de passe en"
                        + " base 64> » attendu.", "Authorization");
    }
}
