package fr.opus.platform.api.security;

import fr.opus.platform.api.ProblemCodes;

/** Stable problem codes of authentication and authorisation. */
public final class SecurityProblemCodes {

    /** No credentials were given, or they were not recognised. */
    public static final String UNAUTHORIZED = ProblemCodes.UNAUTHORIZED;
    /** The bearer token is unknown, revoked or expired. */
    public static final String INVALID_TOKEN = "invalid-token";
    /** Too many failed logins: the account is locked for a while. */
    public static final String ACCOUNT_LOCKED = "account-temporarily-locked";
    /** The partner's convention is not in force (draft, terminated, or past its end). */
    public static final String CONVENTION_NOT_IN_FORCE = "convention-not-in-force";
    /** The caller's role may not do this. */
    public static final String FORBIDDEN = ProblemCodes.FORBIDDEN;
    /** The caller's convention does not include the service this endpoint belongs to. */
    public static final String SERVICE_NOT_IN_CONVENTION = "service-not-in-convention";

    /** A client's token lacks the OAuth2 scope this endpoint needs. */
    public static final String INSUFFICIENT_SCOPE = "insufficient-scope";

    private SecurityProblemCodes() {
    }
}
