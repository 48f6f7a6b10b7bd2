package fr.opus.platform.api;

import java.util.Objects;

/**
 * A failure that people and programs must understand: an HTTP status, a stable machine {@code code}, a French
 * {@code detail} for people and, when one input is to blame, the offending {@code field}.
 *
 * <p>REST adapters render it as an RFC 9457 problem document, SOAP adapters as a typed fault carrying the same
 * code, shell commands as a one-line message.
 */
public class OpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public OpusException(int status, String code, String detail, String field) {
        super(Objects.requireNonNull(detail, "detail"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** 400: the caller sent something invalid; {@code field} names it. */
    public static OpusException invalid(String code, String detail, String field) {
        return new OpusException(400, code, detail, field);
    }

    /** 404: the thing asked for does not exist (or the caller may not know it exists). */
    public static OpusException notFound(String code, String detail) {
        return new OpusException(404, code, detail, null);
    }

    /** 403: the caller is known but may not do this. */
    public static OpusException forbidden(String code, String detail) {
        return new OpusException(403, code, detail, null);
    }

    /** 409: the request clashes with the current state. */
    public static OpusException conflict(String code, String detail, String field) {
        return new OpusException(409, code, detail, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The French explanation meant for people. */
    public String detail() {
        return getMessage();
    }

    /** The offending input (query parameter, JSON property, SOAP element), or {@code null}. */
    public String field() {
        return field;
    }

    public Problem toProblem() {
        return Problem.of(status, code, detail(), field);
    }
}
