package fr.opus.platform.api.security;

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
}
