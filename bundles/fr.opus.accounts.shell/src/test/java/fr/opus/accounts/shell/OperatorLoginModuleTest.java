package fr.opus.accounts.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;

class OperatorLoginModuleTest {

    private final List<String> audited = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    private final Authenticator authenticator = new Authenticator() {
        @Override
        public Caller bearer(String token, String remoteAddress) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public Caller password(String login, String password, String remoteAddress) {
            addresses.add(remoteAddress);
            if (!"Bon mot de passe 2026 !".equals(password)) {
                throw new OpusException(401, "unauthorized", "Identifiant ou mot de passe incorrect.", null);
            }
            return "rgerard".equals(login)
                    ? new Caller("rgc-1", login, Role.ACCOUNT_MANAGER, "p-1", "c-1", "84", Set.of(), Set.of(), null)
                    : new Caller("op-1", login, Role.REGIONAL_OPERATOR, null, null, null, Set.of(), Set.of(), null);
        }
    };

    private final AuditTrail audit = new AuditTrail() {
        @Override
        public void record(Caller by, String address, String action, String subjectType, String subjectId,
                boolean success, String detail) {
            audited.add(action + " " + by.login() + " " + success);
        }

        @Override
        public List<AuditEvent> search(Caller by, AuditQuery query) {
            return List.of();
        }
    };

    private OperatorLoginModule module(Subject subject, String login, String password) {
        OperatorLoginModule module = new OperatorLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(login);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, Map.of(), Map.of(OperatorLoginModule.AUTHENTICATOR, authenticator, OperatorLoginModule.AUDIT, audit));
        return module;
    }

    @Test
    void anOperatorGetsTheSshAndOpusRolesNotKarafsAdminAndItsCaller() throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", "192.0.2.7"));
        OperatorLoginModule module = module(subject, " operateur ", "Bon mot de passe 2026 !");

        assertTrue(module.login());
        assertTrue(module.commit());

        assertEquals(Set.of("ssh", "opus", "viewer"), subject.getPrincipals(RolePrincipal.class)
                .stream().map(RolePrincipal::getName).collect(java.util.stream.Collectors.toSet()));
        assertEquals("operateur", subject.getPrincipals(UserPrincipal.class).iterator().next().getName());
        assertEquals(Role.REGIONAL_OPERATOR, subject.getPrincipals(Caller.class).iterator().next().role());
        assertEquals(List.of("192.0.2.7"), addresses, "the SSH client's address reaches the audit trail");
        assertEquals(List.of("login.shell operateur true"), audited);

        module.logout();
        assertTrue(subject.getPrincipals(RolePrincipal.class).isEmpty());
        assertTrue(subject.getPrincipals(Caller.class).isEmpty());
    }

    @Test
    void otherRolesAndWrongPasswordsAreRefusedWithAFrenchReason() {
        Subject subject = new Subject();
        FailedLoginException rgc = assertThrows(FailedLoginException.class,
                () -> module(subject, "rgerard", "Bon mot de passe 2026 !").login());
        FailedLoginException wrong = assertThrows(FailedLoginException.class,
                () -> module(subject, "operateur", "mauvais").login());

        assertEquals("Le shell d'Opus est réservé aux opérateurs régionaux.", rgc.getMessage());
        assertEquals("Identifiant ou mot de passe incorrect.", wrong.getMessage());
        assertEquals(List.of("login.shell rgerard false"), audited);
        assertTrue(subject.getPrincipals().isEmpty());
        assertFalse(module(subject, "operateur", "mauvais").commit(), "nothing to commit without a login");
    }
}
