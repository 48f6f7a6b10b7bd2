package fr.opus.accounts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LifecycleJobsTest {

    private static final String STRONG = "Vingt-Trois pommes vertes!";
    private static final Set<String> BASE = Set.of(ServiceDefinition.CONSULTATION_OFFRES, ServiceDefinition.DELEGATION_MER);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final Fixture f = new Fixture();
    /** The jobs as configured by default: warning at 76 days without use, deactivation at 90. */
    private final LifecycleJobs jobs = new LifecycleJobs(f.dataSource, f.conventions, f.mailbox, f.clock,
            Fixture.config());
    /** For tests about something else: inactivity out of their way. */
    private final LifecycleJobs patientJobs = new LifecycleJobs(f.dataSource, f.conventions, f.mailbox, f.clock,
            Fixture.config(3650, 14));

    // --------------------------------------------------------------------------------------------- helpers

    private Account activated(Caller by, Role role, String partnerId, String first, String last, String email) {
        Account account = f.accounts.createAccount(by, role, partnerId, new PersonDraft(first, last, email));
        f.accounts.activate(f.mailbox.lastActivationToken(email), STRONG, null);
        return account;
    }

    private Caller rgcOf(Convention convention, String email) {
        Account rgc = activated(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, convention.partnerId(), "Rachel",
                "Gérard", email);
        return f.access.bearer(f.access.login(rgc.login(), STRONG, null).token(), null);
    }

    /** An active regional operator; {@code region} null: the whole platform. */
    private Account operator(String first, String email, String region) {
        Account operator = activated(Fixture.SYSTEM_OPERATOR, Role.REGIONAL_OPERATOR, null, first, "Directrice", email);
        if (region != null) {
            new Jdbc(f.dataSource).tx(c -> Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET REGION = ? WHERE ID = ?", region,
                    operator.id()));
        }
        return operator;
    }

    private List<Mail> mails(String keyPrefix) {
        return f.mailbox.mails.stream().filter(m -> m.key().startsWith(keyPrefix)).toList();
    }

    private Set<String> recipients(List<Mail> mails) {
        return mails.stream().map(Mail::to).collect(Collectors.toSet());
    }

    private LifecycleJobs.Tally runAt(LifecycleJobs which, Instant at) {
        f.clock.now = at;
        return which.runOnce();
    }

    private String column(String sql, Object... params) {
        return new Jdbc(f.dataSource).read(c -> Jdbc.one(c, sql, rs -> rs.getString(1), params)).orElse(null);
    }

    private AccountStatus status(Account account) {
        return AccountStatus.valueOf(column("SELECT STATUS FROM ACCOUNTS.ACCOUNT WHERE ID = ?", account.id()));
    }

    /** The status stored in the database, not the one {@code ConventionManager} computes against the clock. */
    private String storedStatus(Convention convention) {
        return column("SELECT STATUS FROM ACCOUNTS.CONVENTION WHERE ID = ?", convention.id());
    }

    private int liveTokens(String subjectId) {
        return Integer.parseInt(column("SELECT COUNT(*) FROM ACCOUNTS.ACCESS_TOKEN WHERE SUBJECT_ID = ?"
                + " AND REVOKED_AT IS NULL", subjectId));
    }

    private int audited(String action) {
        return f.audit.search(Fixture.SYSTEM_OPERATOR, new AuditQuery(AuditLog.SYSTEM, null, action, null, null, 100))
                .size();
    }

    // -------------------------------------------------------------------------------------------- inactivity

    @Test
    void anUnusedAccountIsWarnedOnceThenDeactivatedAtNinetyDaysNotBefore() {
        Convention convention = f.partnerWithConvention("Mission Locale des Alpes", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@ml-alpes.example.org");
        Account lea = activated(rgc, Role.COUNSELLOR, null, "Léa", "Martin", "lea@ml-alpes.example.org");
        Instant start = f.clock.now; // 23 November 2026, 10h Paris
        f.access.login(lea.login(), STRONG, null);
        assertEquals(1, f.accounts.seats(rgc, null).used());
        String warnings = "inactivity-warning:" + lea.id() + ":";

        runAt(jobs, start.plus(Duration.ofDays(76)).minus(MINUTE));
        assertEquals(0, mails(warnings).size());

        runAt(jobs, start.plus(Duration.ofDays(76)));
        List<Mail> warned = mails(warnings);
        assertEquals(1, warned.size());
        Mail warning = warned.get(0);
        assertEquals("lea@ml-alpes.example.org", warning.to());
        assertEquals("Votre compte Opus sera désactivé le 21 février 2027 faute d'utilisation", warning.subject());
        assertTrue(warning.text().startsWith("Bonjour Léa Martin,"), warning.text());
        assertTrue(warning.text().contains("Votre dernière connexion à Opus (identifiant : lmartin) date du"
                + " 23 novembre 2026."), warning.text());
        assertTrue(warning.text().contains("https://opus.example.org/"), warning.text());
        runAt(jobs, start.plus(Duration.ofDays(80)));
        assertEquals(1, mails(warnings).size());
        assertEquals(2, audited("account.inactivity-warning")); // Léa, and the RGC, idle since the same day

        runAt(jobs, start.plus(Duration.ofDays(90)).minus(MINUTE));
        assertEquals(AccountStatus.ACTIVE, status(lea));
        assertEquals(1, liveTokens(lea.id()));

        runAt(jobs, start.plus(Duration.ofDays(90)));
        assertEquals(AccountStatus.DEACTIVATED, status(lea));
        assertTrue(column("SELECT STATUS_REASON FROM ACCOUNTS.ACCOUNT WHERE ID = ?", lea.id())
                .startsWith("Désactivé automatiquement : aucune connexion depuis le 23 novembre 2026"));
        assertEquals(0, f.accounts.seats(rgc, null).used());
        assertEquals(0, liveTokens(lea.id()));
        assertEquals(1, mails("inactivity-deactivated:" + lea.id()).size());
        assertEquals("Votre compte Opus a été désactivé", mails("inactivity-deactivated:" + lea.id()).get(0).subject());

        runAt(jobs, start.plus(Duration.ofDays(91)));
        assertEquals(1, mails("inactivity-deactivated:" + lea.id()).size());
        assertEquals(1, mails(warnings).size());
    }

    @Test
    void aLoginAfterTheWarningKeepsTheAccountAndStartsANewPeriod() {
        Convention convention = f.partnerWithConvention("Cap Emploi de l'Isère", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@cap38.example.org");
        Account lea = activated(rgc, Role.COUNSELLOR, null, "Léa", "Martin", "lea@cap38.example.org");
        Instant start = f.clock.now;
        f.access.login(lea.login(), STRONG, null);
        String warnings = "inactivity-warning:" + lea.id() + ":";

        runAt(jobs, start.plus(Duration.ofDays(76)));
        assertEquals(1, mails(warnings).size());
        f.clock.now = start.plus(Duration.ofDays(80));
        f.access.login(lea.login(), STRONG, null);

        runAt(jobs, start.plus(Duration.ofDays(90)));
        assertEquals(AccountStatus.ACTIVE, status(lea));
        runAt(jobs, start.plus(Duration.ofDays(80 + 76)).minus(MINUTE));
        assertEquals(1, mails(warnings).size());
        runAt(jobs, start.plus(Duration.ofDays(80 + 76)));
        assertEquals(2, mails(warnings).size());
        runAt(jobs, start.plus(Duration.ofDays(80 + 90)));
        assertEquals(AccountStatus.DEACTIVATED, status(lea));
    }

    @Test
    void aLateWarningStillGivesItsFullNoticeBeforeDeactivation() {
        Convention convention = f.partnerWithConvention("Relais emploi de Voiron", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@voiron.example.org");
        Account lea = activated(rgc, Role.COUNSELLOR, null, "Léa", "Martin", "lea@voiron.example.org");
        Instant start = f.clock.now; // activated, never logged in
        // Opus was stopped: the first run comes at day 85, too late for 14 days' notice before day 90
        runAt(jobs, start.plus(Duration.ofDays(85)));
        List<Mail> warned = mails("inactivity-warning:" + lea.id() + ":");
        assertEquals(1, warned.size());
        assertTrue(warned.get(0).subject().endsWith("le 2 mars 2027 faute d'utilisation"), warned.get(0).subject());
        assertTrue(warned.get(0).text().contains("est activé depuis le 23 novembre 2026 mais n'a encore jamais servi"),
                warned.get(0).text());

        runAt(jobs, start.plus(Duration.ofDays(90)));
        assertEquals(AccountStatus.ACTIVE, status(lea));
        runAt(jobs, start.plus(Duration.ofDays(85 + 14)).minus(MINUTE));
        assertEquals(AccountStatus.ACTIVE, status(lea));
        runAt(jobs, start.plus(Duration.ofDays(85 + 14)));
        assertEquals(AccountStatus.DEACTIVATED, status(lea));
    }

    @Test
    void aCounsellorNeverActivatedLosesTheSeatNinetyDaysAfterTheLastLinkAndAPendingRgcStays() {
        Convention convention = f.partnerWithConvention("Mission Locale du Grésivaudan", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@gresivaudan.example.org");
        Account jo = f.accounts.createAccount(rgc, Role.COUNSELLOR, null,
                new PersonDraft("Jo", "Durand", "jo@gresivaudan.example.org"));
        Convention other = f.partnerWithConvention("Mission Locale de Bièvre", "84", 2, BASE);
        Account pendingRgc = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, other.partnerId(),
                new PersonDraft("Paul", "Némo", "paul@bievre.example.org"));
        Instant start = f.clock.now;
        f.clock.now = start.plus(Duration.ofDays(10));
        f.accounts.resendActivation(rgc, jo.id()); // the RGC sends a new link on day 10
        assertEquals(1, f.accounts.seats(rgc, null).used());

        runAt(jobs, start.plus(Duration.ofDays(100)).minus(MINUTE));
        assertEquals(AccountStatus.PENDING_ACTIVATION, status(jo));
        runAt(jobs, start.plus(Duration.ofDays(100)));
        assertEquals(AccountStatus.DEACTIVATED, status(jo));
        assertEquals(0, f.accounts.seats(rgc, null).used());
        assertTrue(column("SELECT STATUS_REASON FROM ACCOUNTS.ACCOUNT WHERE ID = ?", jo.id())
                .startsWith("Désactivé automatiquement : compte jamais activé"));
        assertEquals(0, mails("inactivity-warning:" + jo.id()).size());
        assertEquals(AccountStatus.PENDING_ACTIVATION, status(pendingRgc));
    }

    // ----------------------------------------------------------------------------------------- conventions

    @Test
    void endRemindersGoOutThreeMonthsAndOneMonthBeforeAndTheDayAfterEachOnce() {
        Convention convention = f.partnerWithConvention("Cap Emploi de la Drôme", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@cap26.example.org");
        operator("Inès", "dr84@francetravail.example.org", "84");
        operator("Nora", "national@francetravail.example.org", null);
        operator("Yves", "dr11@francetravail.example.org", "11");
        f.conventions.amendConvention(Fixture.SYSTEM_OPERATOR, convention.id(), new ConventionTerms(
                LocalDate.of(2027, 3, 31), BASE, 2, "Mme Suivi", "M. Correspondant"), "Avenant : fin au 31 mars 2027");
        String reminders = "convention-reminder:" + convention.id() + ":";
        Set<String> expected = Set.of("rgc@cap26.example.org", "dr84@francetravail.example.org",
                "national@francetravail.example.org");

        runAt(patientJobs, Instant.parse("2026-12-30T22:00:00Z")); // 30 December, 23h in Paris
        assertEquals(0, mails(reminders).size());
        runAt(patientJobs, Instant.parse("2026-12-31T07:00:00Z"));
        List<Mail> threeMonths = mails(reminders + "3-months:");
        assertEquals(expected, recipients(threeMonths));
        assertEquals(3, threeMonths.size());
        assertEquals("La convention Opus de Cap Emploi de la Drôme prend fin le 31 mars 2027",
                threeMonths.get(0).subject());
        assertTrue(threeMonths.get(0).text().contains("prend fin le 31 mars 2027, dans trois mois."));
        runAt(patientJobs, Instant.parse("2026-12-31T15:00:00Z"));
        runAt(patientJobs, Instant.parse("2027-02-27T12:00:00Z"));
        assertEquals(3, mails(reminders).size());

        runAt(patientJobs, Instant.parse("2027-02-28T07:00:00Z"));
        List<Mail> oneMonth = mails(reminders + "1-month:");
        assertEquals(expected, recipients(oneMonth));
        assertTrue(oneMonth.get(0).text().contains("dans un mois"));
        runAt(patientJobs, Instant.parse("2027-03-15T07:00:00Z"));
        assertEquals(6, mails(reminders).size());
        assertEquals(2, audited("convention.reminder"));

        runAt(patientJobs, Instant.parse("2027-03-31T21:55:00Z")); // 23h55 in Paris: the last day
        assertEquals("ACTIVE", storedStatus(convention));
        assertEquals(0, mails("convention-expired:").size());
        AccessToken token = f.access.login(rgc.login(), STRONG, null);

        LifecycleJobs.Tally tally = runAt(patientJobs, Instant.parse("2027-03-31T22:00:00Z")); // 1 April, 0h in Paris
        assertEquals(1, tally.terminated);
        assertEquals("TERMINATED", storedStatus(convention));
        List<Mail> expired = mails("convention-expired:" + convention.id());
        assertEquals(expected, recipients(expired));
        assertEquals("La convention Opus de Cap Emploi de la Drôme a pris fin le 31 mars 2027", expired.get(0).subject());
        assertTrue(expired.get(0).text().contains("Depuis le 1er avril 2027, tous les accès"), expired.get(0).text());
        assertEquals(0, liveTokens(rgc.id()));
        assertEquals(SecurityProblemCodes.INVALID_TOKEN,
                assertThrows(OpusException.class, () -> f.access.bearer(token.token(), null)).code());
        List<ConventionChange> history = f.conventions.history(Fixture.SYSTEM_OPERATOR, convention.id());
        ConventionChange last = history.get(history.size() - 1);
        assertEquals("system", last.author());
        assertTrue(last.reason().startsWith("Échéance de la convention le 31 mars 2027"), last.reason());

        runAt(patientJobs, Instant.parse("2027-04-02T06:00:00Z"));
        assertEquals(3, mails("convention-expired:").size());
        assertEquals(history.size(), f.conventions.history(Fixture.SYSTEM_OPERATOR, convention.id()).size());
        assertEquals(6, mails(reminders).size());
    }

    @Test
    void anExtendedEndDateGivesNewReminders() {
        Convention convention = f.partnerWithConvention("Mission Locale du Royans", "84", 2, BASE);
        rgcOf(convention, "rgc@royans.example.org");
        f.conventions.amendConvention(Fixture.SYSTEM_OPERATOR, convention.id(), new ConventionTerms(
                LocalDate.of(2027, 3, 31), BASE, 2, null, null), "Fin au 31 mars 2027");
        String reminders = "convention-reminder:" + convention.id() + ":";
        runAt(patientJobs, Instant.parse("2026-12-31T07:00:00Z"));
        assertEquals(1, mails(reminders).size());

        f.clock.now = Instant.parse("2027-01-10T09:00:00Z");
        f.conventions.amendConvention(Fixture.SYSTEM_OPERATOR, convention.id(), new ConventionTerms(
                LocalDate.of(2027, 6, 30), BASE, 2, null, null), "Avenant : prolongation au 30 juin 2027");
        runAt(patientJobs, Instant.parse("2027-02-28T07:00:00Z")); // the old date's one-month reminder is void
        assertEquals(1, mails(reminders).size());
        runAt(patientJobs, Instant.parse("2027-03-30T07:00:00Z"));
        List<Mail> again = mails(reminders + "3-months:2027-06-30");
        assertEquals(1, again.size());
        assertTrue(again.get(0).subject().endsWith("prend fin le 30 juin 2027"));
    }

    @Test
    void aConventionWhoseNoticeEndsIsStoredTerminatedAndEveryTokenOfThePartnerRevoked() {
        Convention convention = f.partnerWithConvention("Relais emploi de Vienne", "84", 2, BASE);
        Caller rgc = rgcOf(convention, "rgc@vienne.example.org");
        Account lea = activated(rgc, Role.COUNSELLOR, null, "Léa", "Martin", "lea@vienne.example.org");
        IssuedClient app = f.access.issue(Fixture.SYSTEM_OPERATOR, Role.PARTNER_APPLICATION, convention.partnerId(),
                "Logiciel de suivi", null);
        Instant noticeEnd = f.clock.now.plus(Duration.ofDays(30));
        f.conventions.terminateConvention(Fixture.SYSTEM_OPERATOR, convention.id(), noticeEnd,
                "Résiliation à l'initiative du partenaire, préavis d'un mois");

        f.clock.now = noticeEnd.minus(Duration.ofMinutes(5));
        AccessToken leaToken = f.access.login(lea.login(), STRONG, null);
        f.access.login(rgc.login(), STRONG, null);
        f.access.token("client_credentials", app.client().clientId(), app.clientSecret(), null, null);
        jobs.runOnce();
        assertEquals("TERMINATING", storedStatus(convention));
        assertEquals(1, liveTokens(lea.id()));
        assertEquals(1, liveTokens(app.client().clientId()));

        LifecycleJobs.Tally tally = runAt(jobs, noticeEnd);
        assertEquals(1, tally.terminated);
        assertEquals("TERMINATED", storedStatus(convention));
        assertEquals(0, liveTokens(lea.id()));
        assertEquals(0, liveTokens(rgc.id()));
        assertEquals(0, liveTokens(app.client().clientId()));
        assertEquals(SecurityProblemCodes.INVALID_TOKEN,
                assertThrows(OpusException.class, () -> f.access.bearer(leaToken.token(), null)).code());
        assertEquals(AccountStatus.ACTIVE, status(lea)); // accounts stay, for a future convention
        List<ConventionChange> history = f.conventions.history(Fixture.SYSTEM_OPERATOR, convention.id());
        ConventionChange last = history.get(history.size() - 1);
        assertEquals("system", last.author());
        assertTrue(last.reason().startsWith("Fin du préavis de résiliation"), last.reason());
        assertEquals(1, audited("convention.notice-end"));
        assertEquals(0, mails("convention-expired:").size());

        assertEquals(0, runAt(jobs, noticeEnd.plus(Duration.ofHours(1))).terminated);
        assertEquals(history.size(), f.conventions.history(Fixture.SYSTEM_OPERATOR, convention.id()).size());
        assertEquals(1, audited("convention.notice-end"));
    }

    // ---------------------------------------------------------------------------------------- quarterly

    @Test
    void theRgcGetsTheReviewOfItsAccountsOnceAQuarter() {
        Convention convention = f.partnerWithConvention("Mission Locale du Vercors", "84", 3, BASE); // signed in Q4
        Caller rgc = rgcOf(convention, "rgc@vercors.example.org");
        Account lea = activated(rgc, Role.COUNSELLOR, null, "Léa", "Martin", "lea@vercors.example.org");
        f.access.login(lea.login(), STRONG, null);
        f.accounts.createAccount(rgc, Role.COUNSELLOR, null, new PersonDraft("Jo", "Durand", "jo@vercors.example.org"));
        String reviews = "accounts-review:" + convention.id() + ":";

        runAt(patientJobs, f.clock.now);
        assertEquals(0, mails(reviews).size()); // the quarter of the signature: the accounts were just opened

        runAt(patientJobs, Instant.parse("2027-01-01T07:00:00Z"));
        List<Mail> first = mails(reviews);
        assertEquals(1, first.size());
        Mail review = first.get(0);
        assertEquals("rgc@vercors.example.org", review.to());
        assertEquals(reviews + "2027-Q1", review.key());
        assertEquals("Revue des comptes Opus de Mission Locale du Vercors (1er trimestre 2027)", review.subject());
        assertTrue(review.text().contains("- Léa Martin (lmartin) : actif, dernière connexion le 23 novembre 2026\n"),
                review.text());
        assertTrue(review.text().contains("- Jo Durand (jdurand) : en attente d'activation, aucune connexion\n"),
                review.text());
        assertTrue(review.text().contains("2 places utilisées sur 3 prévues"), review.text());

        runAt(patientJobs, Instant.parse("2027-01-01T08:00:00Z"));
        runAt(patientJobs, Instant.parse("2027-03-31T20:00:00Z"));
        assertEquals(1, mails(reviews).size());
        runAt(patientJobs, Instant.parse("2027-04-01T06:00:00Z"));
        assertEquals(2, mails(reviews).size());
        assertEquals(reviews + "2027-Q2", mails(reviews).get(1).key());
        assertTrue(mails(reviews).get(1).subject().endsWith("(2e trimestre 2027)"));
    }

    // -------------------------------------------------------------------------------------- missing RGC

    @Test
    void aConventionWithoutAValidRgcAlertsTheRegionOnceAndDegradesHealthUntilOneIsActive() {
        operator("Nora", "national@francetravail.example.org", null);
        operator("Yves", "dr11@francetravail.example.org", "11");
        assertEquals(Health.Status.UP, jobs.check().status());
        Convention convention = f.partnerWithConvention("Mission Locale du Trièves", "84", 2, BASE);
        String alerts = "rgc-missing:" + convention.id() + ":";

        Health health = jobs.check();
        assertEquals("accounts", jobs.name());
        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals(1, health.details().get("partnersWithoutRgc"), "a count: health is public");
        jobs.runOnce();
        jobs.runOnce();
        List<Mail> none = mails(alerts);
        assertEquals(1, none.size());
        assertEquals("national@francetravail.example.org", none.get(0).to());
        assertEquals("Mission Locale du Trièves n'a pas de RGC en fonction dans Opus", none.get(0).subject());
        assertTrue(none.get(0).text().contains("en fonction : aucun RGC n'a été désigné."), none.get(0).text());

        // designated: within its activation link's validity, the RGC counts
        Account rgc = f.accounts.createAccount(Fixture.SYSTEM_OPERATOR, Role.ACCOUNT_MANAGER, convention.partnerId(),
                new PersonDraft("Paul", "Némo", "paul@trieves.example.org"));
        assertEquals(Health.Status.UP, jobs.check().status());
        jobs.runOnce();
        assertEquals(1, mails(alerts).size());

        // the link expires unused
        runAt(jobs, f.clock.now.plus(Duration.ofHours(73)));
        assertEquals(Health.Status.DEGRADED, jobs.check().status());
        List<Mail> expired = mails(alerts + rgc.id() + ":not-activated:");
        assertEquals(1, expired.size());
        assertTrue(expired.get(0).text().contains("le RGC désigné n'a pas activé son compte"), expired.get(0).text());
        jobs.runOnce();
        assertEquals(2, mails(alerts).size());

        f.accounts.resendActivation(Fixture.SYSTEM_OPERATOR, rgc.id());
        f.accounts.activate(f.mailbox.lastActivationToken("paul@trieves.example.org"), STRONG, null);
        Health fine = jobs.check();
        assertEquals(Health.Status.UP, fine.status());
        assertEquals(0, fine.details().get("partnersWithoutRgc"));
        jobs.runOnce();
        assertEquals(2, mails(alerts).size());

        // withdrawn
        f.clock.now = f.clock.now.plus(DAY);
        f.accounts.deactivate(Fixture.SYSTEM_OPERATOR, rgc.id(), "Départ de la structure");
        assertEquals(Health.Status.DEGRADED, jobs.check().status());
        jobs.runOnce();
        List<Mail> deactivated = mails(alerts + rgc.id() + ":deactivated:");
        assertEquals(1, deactivated.size());
        assertTrue(deactivated.get(0).text().contains("le compte de son RGC est désactivé depuis le 27 novembre 2026"
                + " (motif : Départ de la structure)."), deactivated.get(0).text());
        assertEquals(3, audited("convention.rgc-missing"));
        assertEquals(0, mails(alerts).stream().filter(m -> m.to().startsWith("dr11")).count());
        assertNull(jobs.check().details().get("lastError"));
    }
}
