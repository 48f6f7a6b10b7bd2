package fr.opus.employers.api;

/** Stable codes of the employers capability's problems. */
public final class EmployerProblemCodes {

    /** No employer with this SIRET, or one the caller may not see. */
    public static final String EMPLOYER_NOT_FOUND = "employer-not-found";
    /** The SIRET is not 14 digits with a valid key (400). */
    public static final String INVALID_SIRET = "invalid-siret";
    /** A name, NAF code, address, contact's name, e-mail or phone is missing or malformed (400). */
    public static final String INVALID_EMPLOYER = "invalid-employer";
    public static final String CONTACT_NOT_FOUND = "employer-contact-not-found";
    public static final String NOTE_NOT_FOUND = "employer-note-not-found";
    /** The caller's partner may see the employer but not its contacts (403). */
    public static final String CONTACTS_NOT_SHARED = "employer-contacts-not-shared";
    /** A partner's people change only what their own partner wrote (403). */
    public static final String NOT_OWN = "employer-entry-not-own";

    private EmployerProblemCodes() {
    }
}
