package fr.opus.platform.api.security;

import fr.opus.platform.api.OpusException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The one place where an endpoint's {@link Permit} or {@link PublicAccess} is read and applied, for REST, SOAP
 * and the shell alike. A method's annotation wins over its class's; an endpoint without either is refused.
 */
public final class Guard {

    /** What an endpoint requires. {@code permit} is null for public endpoints and for unannotated ones. */
    public record Rule(boolean publicAccess, Permit permit) {

        /** Whether the endpoint may be called without credentials. */
        public boolean open() {
            return publicAccess;
        }
    }

    private Guard() {
    }

    /** The rule of {@code method}, declared on it or else on {@code type}. */
    public static Rule ruleOf(Method method, Class<?> type) {
        Rule own = method == null ? null : declared(method);
        if (own != null) {
            return own;
        }
        Rule inherited = type == null ? null : declared(type);
        return inherited != null ? inherited : new Rule(false, null);
    }

    private static Rule declared(AnnotatedElement element) {
        Permit permit = element.getAnnotation(Permit.class);
        if (permit != null) {
            return new Rule(false, permit);
        }
        return element.isAnnotationPresent(PublicAccess.class) ? new Rule(true, null) : null;
    }

    /**
     * Checks an authenticated caller against a rule; throws a 403 {@link OpusException} saying why when refused.
     * The partner's own data is checked later by the service (a foreign partner's thing answers 404).
     */
    public static void check(Rule rule, Caller caller) {
        if (rule.open()) {
            return;
        }
        Permit permit = rule.permit();
        if (permit == null) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "Cette opération n'est ouverte à aucun rôle.");
        }
        if (Arrays.stream(permit.value()).noneMatch(r -> r == caller.role())) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "Votre rôle (" + caller.role().label() + ") ne permet pas cette opération.");
        }
        if (!permit.service().isEmpty() && !caller.mayUse(permit.service())) {
            throw OpusException.forbidden(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION,
                    "La convention de votre structure n'inclut pas le service « " + permit.service() + " ».");
        }
        if (!permit.scope().isEmpty() && caller.role().machine() && !caller.scopes().contains(permit.scope())) {
            throw OpusException.forbidden(SecurityProblemCodes.INSUFFICIENT_SCOPE,
                    "Le jeton de l'application n'a pas la portée « " + permit.scope() + " » demandée ici.");
        }
    }

    /** The 401 thrown when an endpoint that needs a caller got none. */
    public static OpusException unauthenticated() {
        return new OpusException(401, SecurityProblemCodes.UNAUTHORIZED,
                "Authentification requise : jeton « Bearer » ou identifiant et mot de passe (HTTP Basic).", null);
    }
}
