package fr.opus.platform.api.security;

import fr.opus.platform.api.OpusException;
import java.io.PrintStream;
import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Applies a shell command's {@link Permit} to whoever runs it. Over SSH (and {@code bin/client}) Karaf logs people in
 * through the accounts capability's JAAS realm {@code opus}, which only admits regional operators and puts their
 * {@link Caller} in the session's {@link Subject}. The local console of a Karaf started in the foreground has no Opus login: the
 * person there already holds the machine and its files, so it acts as the operator {@value #CONSOLE}, for the
 * whole platform, and is audited as such.
 */
public final class ShellGuard {

    /** Login of the local console's operator. */
    public static final String CONSOLE = "console";

    /**
     * Karaf's client principal: the local console's subject holds one of method {@code local}; SSH sessions hold one
     * of method {@code ssh}. An administrator's role alone proves nothing (any realm could grant it).
     */
    private static final String KARAF_CLIENT = "org.apache.karaf.jaas.boot.principal.ClientPrincipal";

    private ShellGuard() {
    }

    /** Checks the command's rule against the caller of this session and returns the caller; a 401/403 otherwise. */
    public static Caller check(Object command) {
        Caller caller = current();
        Guard.check(Guard.ruleOf(null, command.getClass()), caller);
        return caller;
    }

    /** Like {@link #check}, printing a refusal in French on {@code err}: whether the command may go on. */
    public static boolean allows(Object command, PrintStream err) {
        try {
            check(command);
            return true;
        } catch (OpusException e) {
            err.println(e.detail());
            return false;
        }
    }

    /** The caller of the shell session running on this thread. */
    @SuppressWarnings("removal") // how Karaf itself hands the session's subject to commands on Java 17
    public static Caller current() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        Set<Caller> callers = subject == null ? Set.of() : subject.getPrincipals(Caller.class);
        if (!callers.isEmpty()) {
            return callers.iterator().next();
        }
        if (subject != null && subject.getPrincipals().stream().anyMatch(ShellGuard::localConsole)) {
            return new Caller(CONSOLE, CONSOLE, Role.REGIONAL_OPERATOR, null, null, null, Set.of(), Set.of(), null);
        }
        throw new OpusException(401, SecurityProblemCodes.UNAUTHORIZED,
                "Commande réservée aux opérateurs régionaux connectés à Opus (ssh ou bin/client).", null);
    }

    private static boolean localConsole(Principal p) {
        return KARAF_CLIENT.equals(p.getClass().getName()) && p.getName().startsWith("local(");
    }
}
