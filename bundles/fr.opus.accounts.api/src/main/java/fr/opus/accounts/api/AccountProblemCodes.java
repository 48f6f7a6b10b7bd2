package fr.opus.accounts.api;

/** Stable problem codes of the accounts capability. */
public final class AccountProblemCodes {

    public static final String PARTNER_NOT_FOUND = "partner-not-found";
    public static final String CONVENTION_NOT_FOUND = "convention-not-found";
    public static final String ACCOUNT_NOT_FOUND = "account-not-found";
    public static final String CLIENT_NOT_FOUND = "client-not-found";
    public static final String INVALID_PARTNER = "invalid-partner";
    public static final String INVALID_CONVENTION = "invalid-convention";
    public static final String INVALID_PERSON = "invalid-person";
    /** A convention lists a service that no installed capability registers. */
    public static final String UNKNOWN_SERVICE = "unknown-service";
    /** The convention's state does not allow this change (e.g. signing a terminated convention). */
    public static final String CONVENTION_STATE = "convention-state";
    /** The partner already has a convention in force. */
    public static final String CONVENTION_IN_FORCE = "convention-in-force";
    /** The partner has no convention in force: no account may be created or reactivated. */
    public static final String NO_CONVENTION_IN_FORCE = "no-convention-in-force";
    /** Every seat of annex 2 is taken. */
    public static final String QUOTA_REACHED = "account-quota-reached";
    public static final String ACCOUNT_STATE = "account-state";
    /** The new password does not meet the policy (CNIL 2022). */
    public static final String WEAK_PASSWORD = "weak-password";
    /** The activation link is unknown, used or expired. */
    public static final String INVALID_ACTIVATION = "invalid-activation";
    public static final String WRONG_PASSWORD = "wrong-password";

    private AccountProblemCodes() {
    }
}
