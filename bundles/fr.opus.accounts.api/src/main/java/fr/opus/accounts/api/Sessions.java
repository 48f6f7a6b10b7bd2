package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;

/** People's logins: a login and password exchanged for a bearer token. */
public interface Sessions {

    /** Checks the password (with progressive lockout) and issues a token. */
    AccessToken login(String login, String password, String remoteAddress);

    /** Revokes the token the caller used. */
    void logout(Caller by, String token);
}
