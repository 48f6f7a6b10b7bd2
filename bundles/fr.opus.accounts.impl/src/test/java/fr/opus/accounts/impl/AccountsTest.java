package fr.opus.accounts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.accounts.api.OAuthException;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private static final String STRONG = "Vingt-Trois pommes vertes!";
    private final Fixture f = new Fixture();
    private static final Set<String> BASE = Set.of(ServiceDefinition.CONSULTATION_OFFRES, ServiceDefinition.DELEGATION_MER);

    /** Designates the partner's RGC, activates the account through its mail and returns its caller. */
    private Caller rgcOf(Convention convention, String email) {
        Account rgc = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, convention.partnerId(),
                new PersonDraft("Rachel", "Gérard", email));
        f.accounts.activate(f.mailbox.lastActivationToken(email), STRONG, "10.0.0.1");
        AccessToken token = f.access.login(rgc.login(), STRONG, "10.0.0.1");
        return f.access.bearer(token.token(), "10.0.0.1");
    }

    @Test
    void fiftyConcurrentCreationsLeaveExactlyTheQuota() throws Exception {
        Convention convention = f.partnerWithConvention("Mission Locale de l'Isère", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@ml-isere.example.org");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            Callable<Boolean> create = () -> {
                start.await();
                try {
                    f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                            new PersonDraft("Camille", "Conseil" + (char) ('a' + n % 26), "c" + n + "@ml.example.org"));
                    return true;
                } catch (OpusException e) {
                    assertEquals(AccountProblemCodes.QUOTA_REACHED, e.code());
                    assertEquals(409, e.status());
                    return false;
                }
            };
            results.add(pool.submit(create));
        }
        start.countDown();
        int created = 0;
        for (Future<Boolean> r : results) {
            created += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(2, created);
        assertEquals(2, f.accounts.seats(rgc, null).used());
        assertEquals(2, f.accounts.seats(rgc, null).holders().size());
        assertEquals(2, f.accounts.accounts(rgc, null).stream().filter(a -> a.role() == Role.COUNSELLOR).count());
    }

    @Test
    void deactivationFreesTheSeatAndStopsTheTokenAtOnce() {
        Convention convention = f.partnerWithConvention("Cap Emploi 38", "84", 1, BASE);
        Caller rgc = rgcOf(convention, "rgc@cap.example.org");
        Account counsellor = f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                new PersonDraft("Léa", "Martin", "lea@cap.example.org"));
        assertEquals(AccountStatus.PENDING_ACTIVATION, counsellor.status());
        assertTrue(counsellor.login().startsWith("lmartin"));
        f.accounts.activate(f.mailbox.lastActivationToken("lea@cap.example.org"), STRONG, null);
        AccessToken token = f.access.login(counsellor.login(), STRONG, null);
        Caller lea = f.access.bearer(token.token(), null);
        assertEquals(Set.of(ServiceDefinition.CONSULTATION_OFFRES, ServiceDefinition.DELEGATION_MER), lea.services());
        assertEquals("84", lea.region());

        assertEquals(AccountProblemCodes.QUOTA_REACHED, assertThrows(OpusException.class, () -> f.accounts
                .createAccount(rgc, Role.COUNSELLOR, null, new PersonDraft("Jo", "Durand", "jo@cap.example.org")))
                .code());
        f.accounts.deactivate(rgc, counsellor.id(), "Départ de la structure");
        assertEquals(SecurityProblemCodes.INVALID_TOKEN,
                assertThrows(OpusException.class, () -> f.access.bearer(token.token(), null)).code());
        assertNotNull(f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                new PersonDraft("Jo", "Durand", "jo@cap.example.org")));
        assertEquals(AccountProblemCodes.QUOTA_REACHED,
                assertThrows(OpusException.class, () -> f.accounts.reactivate(rgc, counsellor.id())).code());
    }

    @Test
    void activationLinkWorksOnceAndRefusesWeakPasswords() {
        Convention convention = f.partnerWithConvention("Relais emploi", "84", 3, BASE);
        Account rgc = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, convention.partnerId(),
                new PersonDraft("Paul", "Némo", "paul@relais.example.org"));
        String mail = f.mailbox.mails.get(0).text();
        assertTrue(mail.contains("Votre identifiant : pnemo"), mail);
        assertTrue(mail.contains("https://opus.example.org/activation#"), mail);
        assertFalse(mail.contains(STRONG));
        String link = f.mailbox.lastActivationToken("paul@relais.example.org");

        OpusException weak = assertThrows(OpusException.class, () -> f.accounts.activate(link, "Azerty123!", null));
        assertEquals(AccountProblemCodes.WEAK_PASSWORD, weak.code());
        assertEquals("password", weak.field());
        assertEquals(AccountStatus.ACTIVE, f.accounts.activate(link, STRONG, null).status());
        assertEquals(AccountProblemCodes.INVALID_ACTIVATION,
                assertThrows(OpusException.class, () -> f.accounts.activate(link, STRONG, null)).code());
        assertEquals(rgc.id(), f.conventions.convention(Fixture.SYSTEM_OPERATOR, convention.id()).rgcAccountId());
    }

    @Test
    void expiredActivationLinkIsRefused() {
        Convention convention = f.partnerWithConvention("Relais emploi", "84", 3, BASE);
        f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, convention.partnerId(),
                new PersonDraft("Paul", "Némo", "paul@relais.example.org"));
        f.clock.now = f.clock.now.plus(Duration.ofHours(73));
        assertEquals(AccountProblemCodes.INVALID_ACTIVATION, assertThrows(OpusException.class,
                () -> f.accounts.activate(f.mailbox.lastActivationToken("paul@relais.example.org"), STRONG, null)).code());
    }

    @Test
    void repeatedFailuresLockTheAccountProgressively() {
        Convention convention = f.partnerWithConvention("ML", "84", 3, BASE);
        Caller rgc = rgcOf(convention, "rgc@ml.example.org");
        for (int i = 0; i < 5; i++) {
            assertEquals(SecurityProblemCodes.UNAUTHORIZED, assertThrows(OpusException.class,
                    () -> f.access.login(rgc.login(), "Mauvais mot de passe 1!", null)).code());
        }
        // the right password is refused while the lock holds, without being checked
        assertEquals(SecurityProblemCodes.ACCOUNT_LOCKED,
                assertThrows(OpusException.class, () -> f.access.login(rgc.login(), STRONG, null)).code());
        f.clock.now = f.clock.now.plus(Duration.ofMinutes(1)).plusSeconds(1);
        assertNotNull(f.access.login(rgc.login(), STRONG, null));
        List<AuditEvent> failures = f.audit.search(Fixture.SYSTEM_OPERATOR,
                new AuditQuery(null, null, "login.failed", null, null, 100));
        assertEquals(5, failures.size());
    }

    @Test
    void clientCredentialsWorkUntilTheNoticePeriodEnds() {
        Convention convention = f.partnerWithConvention("ML Grenoble", "84", 3, BASE);
        IssuedClient issued = f.access.issue(Fixture.SYSTEM_OPERATOR, Role.PARTNER_APPLICATION, convention.partnerId(),
                "Logiciel de suivi", null);
        String id = issued.client().clientId();
        assertTrue(id.startsWith("PAR_logicieldesuivi_"), id);

        AccessToken token = f.access.token("client_credentials", id, issued.clientSecret(),
                "api_offresdemploiv2 application_" + id + " o2dsoffre", null);
        assertEquals(1499, token.expiresInSeconds());
        assertEquals(Set.of("api_offresdemploiv2", "o2dsoffre"), token.scopes());
        Caller app = f.access.bearer(token.token(), null);
        assertEquals(Role.PARTNER_APPLICATION, app.role());
        assertEquals(convention.partnerId(), app.partnerId());

        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> f.access.token("client_credentials", id, "wrong", null, null)).error());
        assertEquals("invalid_scope", assertThrows(OAuthException.class,
                () -> f.access.token("client_credentials", id, issued.clientSecret(), "opus_feed", null)).error());
        assertEquals("unsupported_grant_type", assertThrows(OAuthException.class,
                () -> f.access.token("password", id, issued.clientSecret(), null, null)).error());

        Instant noticeEnd = f.clock.now.plus(Duration.ofMinutes(10)); // within the token's life
        Convention terminating = f.conventions.terminateConvention(Fixture.SYSTEM_OPERATOR, convention.id(), noticeEnd,
                "Résiliation à l'initiative du partenaire");
        assertEquals(ConventionStatus.TERMINATING, terminating.status());
        assertNotNull(f.access.bearer(token.token(), null)); // the notice period still gives access

        f.clock.now = noticeEnd;
        assertEquals(SecurityProblemCodes.CONVENTION_NOT_IN_FORCE,
                assertThrows(OpusException.class, () -> f.access.bearer(token.token(), null)).code());
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> f.access.token("client_credentials", id, issued.clientSecret(), null, null)).error());
        assertEquals(ConventionStatus.TERMINATED,
                f.conventions.convention(Fixture.SYSTEM_OPERATOR, convention.id()).status());
    }

    @Test
    void aCounsellorOfAnotherPartnerFindsNothing() {
        Convention a = f.partnerWithConvention("Partenaire A", "84", 2, BASE);
        Convention b = f.partnerWithConvention("Partenaire B", "84", 2, BASE);
        Caller rgcB = rgcOf(b, "rgc@b.example.org");
        Account counsellorB = f.accounts.createAccount(rgcB, Role.COUNSELLOR, null,
                new PersonDraft("Bob", "Bee", "bob@b.example.org"));
        Caller counsellorA = new Caller("x", "ca", Role.COUNSELLOR, a.partnerId(), a.id(), "84", BASE, Set.of(), null);
        Caller rgcA = rgcOf(a, "rgc@a.example.org");

        assertEquals(404, assertThrows(OpusException.class, () -> f.conventions.partner(counsellorA, b.partnerId())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> f.conventions.convention(counsellorA, b.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> f.accounts.account(rgcA, counsellorB.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> f.accounts.deactivate(rgcA, counsellorB.id(), null)).status());
        assertEquals(1, f.conventions.partners(counsellorA).size());
        // an RGC creates accounts in its own partner only; naming another is answered as if it did not exist
        assertEquals(404, assertThrows(OpusException.class, () -> f.accounts.createAccount(rgcA, Role.COUNSELLOR,
                b.partnerId(), new PersonDraft("Ana", "Alpha", "ana@a.example.org"))).status());
        assertEquals(404, assertThrows(OpusException.class, () -> f.accounts.seats(rgcA, b.partnerId())).status());
        Account made = f.accounts.createAccount(rgcA, Role.COUNSELLOR, null,
                new PersonDraft("Ana", "Alpha", "ana@a.example.org"));
        assertEquals(a.partnerId(), made.partnerId());
    }

    @Test
    void everyConventionChangeIsAVersionWithAuthorAndReason() {
        Convention signed = f.partnerWithConvention("ML", "84", 2, Set.of(ServiceDefinition.CONSULTATION_OFFRES));
        OpusException unknown = assertThrows(OpusException.class, () -> f.conventions.amendConvention(
                Fixture.SYSTEM_OPERATOR, signed.id(), new ConventionTerms(null, Set.of("preselection"), 2, null, null),
                "Ajout"));
        assertEquals(AccountProblemCodes.UNKNOWN_SERVICE, unknown.code());
        assertEquals("services", unknown.field());

        f.conventions.amendConvention(Fixture.SYSTEM_OPERATOR, signed.id(),
                new ConventionTerms(null, BASE, 4, "Mme Suivi", null), "Avenant n° 1 : quota porté à 4");
        List<ConventionChange> history = f.conventions.history(Fixture.SYSTEM_OPERATOR, signed.id());
        assertEquals(List.of(1, 2, 3), history.stream().map(ConventionChange::version).toList());
        assertEquals(List.of("Convention initiale", "Signature", "Avenant n° 1 : quota porté à 4"),
                history.stream().map(ConventionChange::reason).toList());
        assertEquals("operateur", history.get(2).author());
        assertEquals(2, history.get(1).convention().accountQuota());
        assertEquals(4, history.get(2).convention().accountQuota());

        // the capability leaves: its service stays on the convention, shown unavailable
        f.conventions.removeService(f.delegationMer);
        Convention now = f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id());
        assertTrue(now.services().stream().anyMatch(s -> s.id().equals(ServiceDefinition.DELEGATION_MER) && !s.available()));
        f.conventions.amendConvention(Fixture.SYSTEM_OPERATOR, signed.id(),
                new ConventionTerms(null, BASE, 5, "Mme Suivi", null), "Avenant n° 2");
    }

    @Test
    void aSecondConventionCannotComeIntoForceBesideTheFirst() {
        Convention first = f.partnerWithConvention("ML", "84", 2, BASE);
        Convention second = f.conventions.draftConvention(Fixture.SYSTEM_OPERATOR, first.partnerId(),
                new ConventionTerms(null, BASE, 2, null, null), "Renouvellement");
        assertEquals(AccountProblemCodes.CONVENTION_IN_FORCE, assertThrows(OpusException.class,
                () -> f.conventions.signConvention(Fixture.SYSTEM_OPERATOR, second.id(),
                        java.time.LocalDate.of(2026, 11, 20), "Signature")).code());
    }

    @Test
    void onlyOperatorsManagePartnersAndConventions() {
        Convention c = f.partnerWithConvention("ML", "84", 2, BASE);
        Caller rgc = rgcOf(c, "rgc@ml.example.org");
        assertEquals(403, assertThrows(OpusException.class, () -> f.conventions.amendConvention(rgc, c.id(),
                new ConventionTerms(null, BASE, 99, null, null), "Je m'octroie des comptes")).status());
        assertEquals(403, assertThrows(OpusException.class, () -> f.accounts.createAccount(rgc, Role.ACCOUNT_MANAGER,
                null, new PersonDraft("A", "B", "a@b.example.org"))).status());
        assertEquals(403, assertThrows(OpusException.class,
                () -> f.audit.search(rgc, new AuditQuery(null, null, null, null, null, 10))).status());
    }

    @Test
    void basicAuthenticationIsRememberedButNotAfterAPasswordChange() {
        Convention c = f.partnerWithConvention("ML", "84", 2, BASE);
        Caller rgc = rgcOf(c, "rgc@ml.example.org");
        assertEquals(rgc.id(), f.access.password(rgc.login(), STRONG, null).id());
        String next = "Un tout autre secret de 2026 !";
        f.accounts.changePassword(rgc, STRONG, next);
        assertThrows(OpusException.class, () -> f.access.password(rgc.login(), STRONG, null));
        assertEquals(rgc.id(), f.access.password(rgc.login(), next, null).id());
    }

    @Test
    void aNewConventionCountsTheCounsellorsStillSwitchedOn() {
        Convention first = f.partnerWithConvention("ML", "84", 2, BASE);
        Caller rgc = rgcOf(first, "rgc@ml.example.org");
        f.accounts.createAccount(rgc, Role.COUNSELLOR, null, new PersonDraft("Léa", "Un", "un@ml.example.org"));
        f.conventions.terminateConvention(Fixture.SYSTEM_OPERATOR, first.id(), f.clock.now, "Fin");
        Convention second = f.conventions.draftConvention(Fixture.SYSTEM_OPERATOR, first.partnerId(),
                new ConventionTerms(null, BASE, 1, null, null), "Nouvelle convention");
        Convention signed = f.conventions.signConvention(Fixture.SYSTEM_OPERATOR, second.id(),
                java.time.LocalDate.of(2026, 11, 23), "Signature");
        assertEquals(1, signed.seatsUsed());
    }

    @Test
    void aNewConventionTheRemainingCounsellorsWouldOverflowIsNotSigned() {
        Convention first = f.partnerWithConvention("ML", "84", 2, BASE);
        Caller rgc = rgcOf(first, "rgc@ml.example.org");
        f.accounts.createAccount(rgc, Role.COUNSELLOR, null, new PersonDraft("Léa", "Un", "un@ml.example.org"));
        f.accounts.createAccount(rgc, Role.COUNSELLOR, null, new PersonDraft("Léo", "Deux", "deux@ml.example.org"));
        f.conventions.terminateConvention(Fixture.SYSTEM_OPERATOR, first.id(), f.clock.now, "Fin");
        Convention second = f.conventions.draftConvention(Fixture.SYSTEM_OPERATOR, first.partnerId(),
                new ConventionTerms(null, BASE, 1, null, null), "Nouvelle convention");

        OpusException over = assertThrows(OpusException.class, () -> f.conventions.signConvention(
                Fixture.SYSTEM_OPERATOR, second.id(), java.time.LocalDate.of(2026, 11, 23), "Signature"));

        assertEquals(409, over.status());
        assertEquals(AccountProblemCodes.QUOTA_REACHED, over.code());
        assertEquals(ConventionStatus.DRAFT, f.conventions.convention(Fixture.SYSTEM_OPERATOR, second.id()).status());
    }
}
