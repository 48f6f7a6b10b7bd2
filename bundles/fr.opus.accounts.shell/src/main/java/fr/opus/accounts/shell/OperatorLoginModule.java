package fr.opus.accounts.shell;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * Checks a login and password against Opus accounts, with the same Argon2id hashes, progressive lockout and audit
 * as the REST API, and admits regional operators only. On success the subject holds Karaf's user and role
 * principals (what SSH and the commands' ACLs look for) and the operator's {@link Caller}, which Opus commands
 * check their {@link fr.opus.platform.api.security.Permit} against.
 */
public class OperatorLoginModule implements LoginModule {

    /** Option carrying the {@link Authenticator}. */
    static final String AUTHENTICATOR = "opus.authenticator";
    /** Option carrying the {@link AuditTrail}, where shell logins are recorded. */
    static final String AUDIT = "opus.audit";
    /**
     * {@code ssh} opens the SSH shell; {@code opus} runs Opus commands and installs or removes features (see
     * {@code etc/org.apache.karaf.command.acl.feature.cfg}); {@code viewer} reads Karaf's lists. Never {@code admin}:
     * a regional operator is not the system administrator (no {@code shell:exec}, {@code bundle:install},
     * {@code config:edit}, {@code jaas:*}).
     */
    static final List<String> KARAF_ROLES = List.of("ssh", "opus", "viewer");

    private Subject subject;
    private CallbackHandler handler;
    private Authenticator authenticator;
    private AuditTrail audit;
    private Caller caller;
    private final List<Principal> added = new ArrayList<>();

    public OperatorLoginModule() {
        // instantiated by Karaf's ProxyLoginModule
    }

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.authenticator = (Authenticator) options.get(AUTHENTICATOR);
        this.audit = (AuditTrail) options.get(AUDIT);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Identifiant : ");
        PasswordCallback password = new PasswordCallback("Mot de passe : ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("Identifiant et mot de passe illisibles : " + e.getMessage());
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        if (name.getName() == null || secret == null) {
            throw new FailedLoginException("Identifiant et mot de passe requis.");
        }
        Caller found;
        try {
            found = authenticator.password(name.getName().strip(), new String(secret), clientAddress());
        } catch (OpusException e) {
            throw new FailedLoginException(e.detail());
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        if (found.role() != Role.REGIONAL_OPERATOR) {
            audit.record(found, found.address(), "login.shell", "account", found.id(), false,
                    "Shell refusé : " + found.role().label());
            throw new FailedLoginException("Le shell d'Opus est réservé aux opérateurs régionaux.");
        }
        caller = found;
        return true;
    }

    /** The SSH client's address, which Karaf's SSH server puts in the subject before logging in. */
    private String clientAddress() {
        return subject == null ? null : subject.getPrincipals(ClientPrincipal.class).stream()
                .map(ClientPrincipal::getAddress).findFirst().orElse(null);
    }

    @Override
    public boolean commit() {
        if (caller == null) {
            return false;
        }
        // audited first: a login that cannot be recorded does not open a shell
        audit.record(caller, caller.address(), "login.shell", "account", caller.id(), true, null);
        added.add(new UserPrincipal(caller.login()));
        KARAF_ROLES.forEach(role -> added.add(new RolePrincipal(role)));
        added.add(caller);
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        boolean tried = caller != null;
        logout();
        return tried;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        caller = null;
        return true;
    }
}
