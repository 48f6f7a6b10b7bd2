package fr.opus.platform.api;

/**
 * The platform's stable problem codes. Capabilities add their own codes next to their API; a code, once
 * published, never changes meaning.
 */
public final class ProblemCodes {

    /** A query or path parameter has a wrong format or value. */
    public static final String INVALID_PARAMETER = "invalid-parameter";
    /** The request body is not well-formed JSON or XML, or does not have the expected shape. */
    public static final String MALFORMED_BODY = "malformed-body";
    /** Free text obviously holding a category of personal data DOMAIN §9 forbids (422). */
    public static final String FORBIDDEN_PERSONAL_DATA = "forbidden-personal-data";
    /** No resource answers at this path, or the identified thing does not exist. */
    public static final String NOT_FOUND = "not-found";
    /** The path exists but not for this HTTP method. */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** The request body's media type is not accepted here. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** None of the media types in {@code Accept} can be produced. */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** The caller did not authenticate. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The caller may not do this. */
    public static final String FORBIDDEN = "forbidden";
    /** Something broke on the server; the detail carries an incident reference to quote to support. */
    public static final String INTERNAL_ERROR = "internal-error";
    /** A dependency (the database, a module) is not available right now. */
    public static final String UNAVAILABLE = "unavailable";

    private ProblemCodes() {
    }
}
