package fr.opus.platform.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint: on a REST resource method (or its class), a SOAP operation or a shell command. An
 * endpoint with neither {@code @Permit} nor {@link PublicAccess} is refused to everyone: access is denied by
 * default. For partner-bound roles, the caller's convention must also include {@link #service()} when one is named.
 *
 * <p>Finer rules (whose data it is) stay in the service: a counsellor of partner A gets 404 for partner B's things.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permit {

    /** The roles allowed. */
    Role[] value();

    /** The convention service (annex 1) a partner-bound caller needs, or empty for none. */
    String service() default "";

    /** The OAuth2 scope a machine client's token needs, or empty for none. */
    String scope() default "";
}
