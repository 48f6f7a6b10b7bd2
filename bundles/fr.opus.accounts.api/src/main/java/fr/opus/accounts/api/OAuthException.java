package fr.opus.accounts.api;

/**
 * A refusal of the token endpoint, in OAuth2's own terms (RFC 6749 §5.2), as France Travail answers it:
 * {@code invalid_client}, {@code invalid_scope}, {@code unsupported_grant_type}, {@code invalid_request}.
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public OAuthException(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
