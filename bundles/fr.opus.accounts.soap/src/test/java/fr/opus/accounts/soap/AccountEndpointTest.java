package fr.opus.accounts.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.accounts.soap.SoapTypes.NouveauCompteType;
import fr.opus.accounts.soap.SoapTypes.RoleType;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.soap.OpusFault;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountEndpointTest {

    private static final Caller RGC = new Caller("rgc-1", "jdupont", Role.ACCOUNT_MANAGER, "partner-a", "conv-a",
            "84", Set.of("consultation-offres"), Set.of(), "127.0.0.1");

    private final List<Object[]> calls = new ArrayList<>();

    private AccountDirectory directory(Object answer) {
        return (AccountDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountDirectory.class}, (proxy, method, args) -> {
                    calls.add(new Object[] {method.getName(), args});
                    if (answer instanceof RuntimeException e) {
                        throw e;
                    }
                    return answer;
                });
    }

    private static Account counsellor() {
        return new Account("acc-1", "mmartin", Role.COUNSELLOR, "partner-a", null, "Marie", "Martin",
                "marie.martin@example.org", AccountStatus.PENDING_ACTIVATION, Instant.parse("2026-11-01T08:00:00Z"),
                null, Instant.parse("2026-11-01T08:00:00Z"), null);
    }

    @Test
    void createsACounsellorForTheCallersPartner() throws OpusFault {
        AccountEndpoint endpoint = new AccountEndpoint(directory(counsellor()), () -> RGC);
        NouveauCompteType request = new NouveauCompteType();
        request.role = RoleType.CONSEILLER;
        request.partenaire = "  ";
        request.prenom = "Marie";
        request.nom = "Martin";
        request.email = "marie.martin@example.org";

        var created = endpoint.creerCompte(request);

        assertEquals("mmartin", created.identifiant);
        assertEquals(RoleType.CONSEILLER, created.role);
        assertEquals("PENDING_ACTIVATION", created.statut);
        assertEquals("2026-11-01T08:00:00Z", created.creeLe);
        assertNull(created.derniereConnexion);
        Object[] args = (Object[]) calls.get(0)[1];
        assertEquals(RGC, args[0]);
        assertEquals(Role.COUNSELLOR, args[1]);
        assertNull(args[2], "a blank partner means the RGC's own");
        assertEquals(new PersonDraft("Marie", "Martin", "marie.martin@example.org"), args[3]);
    }

    @Test
    void aRefusalIsTheTypedFaultWithTheRestStatusAndCode() {
        AccountEndpoint endpoint = new AccountEndpoint(
                directory(OpusException.notFound("account-not-found", "Compte introuvable.")), () -> RGC);

        OpusFault fault = assertThrows(OpusFault.class, () -> endpoint.compte("acc-of-partner-b"));

        assertEquals(404, fault.getFaultInfo().status);
        assertEquals("account-not-found", fault.getFaultInfo().code);
    }

    @Test
    void missingRoleOrIdentifierIsABadRequestNamingTheField() {
        AccountEndpoint endpoint = new AccountEndpoint(directory(counsellor()), () -> RGC);

        OpusFault noRole = assertThrows(OpusFault.class, () -> endpoint.creerCompte(new NouveauCompteType()));
        OpusFault noId = assertThrows(OpusFault.class, () -> endpoint.reactiverCompte(" "));

        assertEquals("role", noRole.getFaultInfo().field);
        assertEquals(400, noId.getFaultInfo().status);
        assertEquals("id", noId.getFaultInfo().field);
        assertEquals(List.of(), calls);
    }

    @Test
    void everyOperationNamesWhoMayCallIt() {
        for (Method operation : AccountPort.class.getMethods()) {
            Method implemented;
            try {
                implemented = AccountEndpoint.class.getMethod(operation.getName(), operation.getParameterTypes());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
            Guard.Rule rule = Guard.ruleOf(implemented, AccountEndpoint.class);
            assertNotNull(rule.permit(), operation.getName() + " has no @Permit: it would be refused to everyone");
        }
    }

    @Test
    void rolesMapBothWays() {
        for (RoleType type : RoleType.values()) {
            assertEquals(type, RoleType.of(type.role));
        }
        assertThrows(IllegalArgumentException.class, () -> RoleType.of(Role.FT_FEED));
    }
}
