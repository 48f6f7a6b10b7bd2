package fr.opus.accounts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.accounts.api.PersonalData;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rights of access and rectification of DOMAIN §9 for people holding Opus accounts. */
class PersonalDataTest {

    private static final String STRONG = "Vingt-Trois pommes vertes!";
    private static final Set<String> BASE = Set.of(ServiceDefinition.CONSULTATION_OFFRES,
            ServiceDefinition.DELEGATION_MER);

    private final Fixture f = new Fixture();

    private Caller activate(Account account, String email) {
        f.accounts.activate(f.mailbox.lastActivationToken(email), STRONG, "10.0.0.7");
        AccessToken token = f.access.login(account.login(), STRONG, "10.0.0.7");
        return f.access.bearer(token.token(), "10.0.0.7");
    }

    @Test
    void aPersonExportsEverythingHeldAboutThemAndTheExportIsAudited() {
        Convention convention = f.partnerWithConvention("Mission Locale de Vienne", "84", 2, BASE);
        Account rgcAccount = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER,
                convention.partnerId(), new PersonDraft("Rachel", "Gérard", "rachel@ml-vienne.example.org"));
        Caller rgc = activate(rgcAccount, "rachel@ml-vienne.example.org");
        Account lea = f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                new PersonDraft("Léa", "Martin", "lea@ml-vienne.example.org"));
        Caller leaCaller = activate(lea, "lea@ml-vienne.example.org");
        f.accounts.account(leaCaller, lea.id());

        PersonalData mine = f.accounts.personalData(leaCaller, lea.id());
        PersonalData rgcs = f.accounts.personalData(rgc, rgcAccount.id());

        assertEquals("lea@ml-vienne.example.org", mine.account().email());
        assertEquals(1, mine.activations().size());
        assertTrue(mine.activations().get(0).usedAt() != null, "the link was used");
        assertEquals(1, mine.sessions().size());
        assertTrue(mine.actions().stream().anyMatch(e -> e.action().equals("account.read")), "what she did");
        assertTrue(mine.events().stream().anyMatch(e -> e.action().equals("account.create")
                && "rgerard".equals(e.actor())), "what was done to her account, and by whom");
        assertTrue(mine.rgcDesignations().isEmpty());
        assertEquals(1, rgcs.rgcDesignations().size(), "the convention version that designated the RGC");
        assertTrue(rgcs.rgcDesignations().get(0).startsWith(convention.id() + "/v"));
        AuditEvent export = f.audit.search(Fixture.SYSTEM_OPERATOR, new AuditQuery(null, lea.id(), "account.export",
                null, null, 10)).get(0);
        assertEquals(lea.login(), export.actor());
    }

    @Test
    void anotherPartnersPeopleGetNotFoundAndCounsellorsSeeOnlyThemselves() {
        Convention a = f.partnerWithConvention("Partenaire A", "84", 2, BASE);
        Convention b = f.partnerWithConvention("Partenaire B", "84", 2, BASE);
        Account rgcB = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, b.partnerId(),
                new PersonDraft("Bruno", "Bernard", "bruno@b.example.org"));
        Caller rgcBCaller = activate(rgcB, "bruno@b.example.org");
        Account rgcA = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, a.partnerId(),
                new PersonDraft("Anne", "Aubry", "anne@a.example.org"));
        Caller rgcACaller = activate(rgcA, "anne@a.example.org");
        Account counsellor = f.accounts.createAccount(rgcACaller, Role.COUNSELLOR, null,
                new PersonDraft("Zoé", "Durand", "zoe@a.example.org"));
        Caller zoe = activate(counsellor, "zoe@a.example.org");

        assertEquals(404, assertThrows(OpusException.class,
                () -> f.accounts.personalData(rgcBCaller, counsellor.id())).status());
        assertEquals(404, assertThrows(OpusException.class,
                () -> f.accounts.rectify(rgcBCaller, counsellor.id(),
                        new PersonDraft("Zoé", "Durand", "x@b.example.org"), "Erreur")).status());
        assertEquals(404, assertThrows(OpusException.class,
                () -> f.accounts.personalData(zoe, rgcA.id())).status());
        assertEquals(counsellor.id(), f.accounts.personalData(rgcACaller, counsellor.id()).account().id());
    }

    @Test
    void rectificationChangesNameAndMailKeepsTheLoginAndAuditsFieldsNotValues() {
        Convention convention = f.partnerWithConvention("Cap Emploi 26", "84", 2, BASE);
        Account rgcAccount = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER,
                convention.partnerId(), new PersonDraft("Rachel", "Gérard", "rachel@cap26.example.org"));
        Caller rgc = activate(rgcAccount, "rachel@cap26.example.org");
        Account lea = f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                new PersonDraft("Léa", "Martin", "lea@cap26.example.org"));
        Caller leaCaller = activate(lea, "lea@cap26.example.org");

        Account fixed = f.accounts.rectify(rgc, lea.id(),
                new PersonDraft("Léa", "Martin-Morel", "lea.morel@cap26.example.org"), "Nom d'usage");

        assertEquals("Martin-Morel", fixed.lastName());
        assertEquals("lea.morel@cap26.example.org", fixed.email());
        assertEquals(lea.login(), fixed.login());
        AuditEvent audited = f.audit.search(Fixture.SYSTEM_OPERATOR, new AuditQuery(null, lea.id(),
                "account.rectify", null, null, 10)).get(0);
        assertEquals("nom, adresse électronique — Nom d'usage", audited.detail());
        assertFalse(audited.detail().contains("lea@"), "the corrected value is not kept in the audit trail");
        assertTrue(f.mailbox.mails.stream().anyMatch(m -> m.to().equals("lea@cap26.example.org")
                && m.subject().equals("L'adresse de votre compte Opus a changé")
                && m.text().contains("lea.morel@cap26.example.org")), "the previous address is told");

        // accounts are personal: nobody renames their own, an RGC does not rename itself (the operator does)
        assertEquals(403, assertThrows(OpusException.class, () -> f.accounts.rectify(leaCaller, lea.id(),
                new PersonDraft("Paul", "Dupont", "paul@cap26.example.org"), "Reprise du poste")).status());
        assertEquals(403, assertThrows(OpusException.class, () -> f.accounts.rectify(rgc, rgcAccount.id(),
                new PersonDraft("Rachel", "Morel", "rachel@cap26.example.org"), "Nom d'usage")).status());
        assertEquals("Morel", f.accounts.rectify(Fixture.SYSTEM_OPERATOR, rgcAccount.id(),
                new PersonDraft("Rachel", "Morel", "rachel@cap26.example.org"), "Nom d'usage").lastName());

        OpusException noReason = assertThrows(OpusException.class, () -> f.accounts.rectify(rgc, lea.id(),
                new PersonDraft("Léa", "Morel", "lea.morel@cap26.example.org"), " "));
        assertEquals("reason", noReason.field());
        OpusException badMail = assertThrows(OpusException.class, () -> f.accounts.rectify(rgc, lea.id(),
                new PersonDraft("Léa", "Morel", "pas-une-adresse"), "Erreur de saisie"));
        assertEquals("email", badMail.field());
        OpusException health = assertThrows(OpusException.class, () -> f.accounts.deactivate(rgc, lea.id(),
                "En arrêt maladie jusqu'en janvier"));
        assertEquals(422, health.status());
        assertEquals("forbidden-personal-data", health.code());
        assertEquals("Martin-Morel", f.accounts.account(rgc, lea.id()).lastName(), "nothing stored is lost");
        assertEquals(fr.opus.accounts.api.AccountStatus.ACTIVE, f.accounts.account(rgc, lea.id()).status());
    }

    @Test
    void theAuditTrailsOwnNamesAreNeverAPersonsLogin() {
        assertEquals("system1", AccountManager.loginBase(new PersonDraft("S", "Ystem", "s@example.org")));
        assertEquals("console1", AccountManager.loginBase(new PersonDraft("C", "Onsole", "c@example.org")));
    }
}
