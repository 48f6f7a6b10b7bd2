package fr.opus.accounts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Switching one service of annex 1 on or off: {@link ConventionManager#changeServices}, on embedded Derby. */
class ConventionManagerTest {

    private static final Set<String> BASE = Set.of(ServiceDefinition.CONSULTATION_OFFRES,
            ServiceDefinition.DELEGATION_MER);
    private static final String PRESELECTION = "preselection";
    private static final String FORUM = "forum-emploi";

    private final Fixture f = new Fixture();
    private final ServiceDefinition preselection = Fixture.service(PRESELECTION);

    ConventionManagerTest() {
        f.conventions.addService(preselection);
        f.conventions.addService(Fixture.service(FORUM));
    }

    private static Set<String> ids(Convention convention) {
        return convention.services().stream().map(ConventionService::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> with(Set<String> services, String... more) {
        Set<String> all = new TreeSet<>(services);
        all.addAll(List.of(more));
        return all;
    }

    private List<AuditEvent> switches(String conventionId) {
        return f.audit.search(Fixture.SYSTEM_OPERATOR,
                new AuditQuery(null, conventionId, "convention.services", null, null, 100));
    }

    private List<ConventionChange> history(Convention convention) {
        return f.conventions.history(Fixture.SYSTEM_OPERATOR, convention.id());
    }

    @Test
    void switchingAServiceIsANewVersionWithAuthorReasonAndAuditLine() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);

        Convention on = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), null,
                "Avenant n° 2 : présélection");

        assertEquals(with(BASE, PRESELECTION), ids(on));
        assertTrue(on.services().stream().allMatch(ConventionService::available));
        assertEquals(signed.version() + 1, on.version());
        // the other terms are left as they were
        assertEquals(ConventionStatus.ACTIVE, on.status());
        assertEquals(signed.accountQuota(), on.accountQuota());
        assertEquals(signed.endsOn(), on.endsOn());
        assertEquals(signed.followUpManager(), on.followUpManager());
        assertEquals(signed.ftCorrespondent(), on.ftCorrespondent());
        assertEquals(on, f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id()));

        Convention off = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), null,
                Set.of(ServiceDefinition.DELEGATION_MER), "Avenant n° 3 : fin de la délégation");
        assertEquals(Set.of(ServiceDefinition.CONSULTATION_OFFRES, PRESELECTION), ids(off));
        assertEquals(signed.version() + 2, off.version());

        List<ConventionChange> history = history(signed);
        assertEquals(List.of(1, 2, 3, 4), history.stream().map(ConventionChange::version).toList());
        assertEquals("Avenant n° 2 : présélection", history.get(2).reason());
        assertEquals("Avenant n° 3 : fin de la délégation", history.get(3).reason());
        assertEquals("operateur", history.get(2).author());
        assertEquals(with(BASE, PRESELECTION), ids(history.get(2).convention()));
        assertEquals(ids(off), ids(history.get(3).convention()));

        List<AuditEvent> audited = switches(signed.id());
        assertEquals(2, audited.size());
        assertTrue(audited.stream().allMatch(e -> e.actor().equals("operateur") && e.outcome().equals("success")
                && e.subjectType().equals("convention")));
        assertEquals(Set.of("Avenant n° 2 : présélection", "Avenant n° 3 : fin de la délégation"),
                audited.stream().map(AuditEvent::detail).collect(Collectors.toSet()));
    }

    @Test
    void enablingAndDisablingTogetherIsOneVersion() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        Convention changed = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(),
                Set.of(PRESELECTION, FORUM), Set.of(ServiceDefinition.DELEGATION_MER), "Avenant n° 2");
        assertEquals(Set.of(ServiceDefinition.CONSULTATION_OFFRES, FORUM, PRESELECTION), ids(changed));
        assertEquals(signed.version() + 1, changed.version());
        assertEquals(1, switches(signed.id()).size());
    }

    @Test
    void switchingOnWhatIsOnOrOffWhatIsOffWritesNoVersion() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        int versions = history(signed).size();

        Convention same = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(),
                Set.of(ServiceDefinition.CONSULTATION_OFFRES), Set.of(PRESELECTION), "Rien à changer");

        assertEquals(signed, same);
        assertEquals(versions, history(signed).size());
        assertEquals(List.of(), switches(signed.id()));
        assertEquals(signed, f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), null, null,
                "Rien non plus"));
        assertEquals(versions, history(signed).size());
    }

    @Test
    void aServiceNoInstalledModuleRegistersCannotBeSwitchedOn() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        f.conventions.removeService(preselection);

        OpusException refused = assertThrows(OpusException.class, () -> f.conventions.changeServices(
                Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), null, "Avenant n° 2"));
        assertEquals(400, refused.status());
        assertEquals(AccountProblemCodes.UNKNOWN_SERVICE, refused.code());
        assertEquals("services", refused.field());
        assertTrue(refused.getMessage().contains(PRESELECTION), refused.getMessage());

        // nothing of the refused request was kept, not even the part that was acceptable
        assertThrows(OpusException.class, () -> f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(),
                Set.of(PRESELECTION), Set.of(ServiceDefinition.DELEGATION_MER), "Avenant n° 2"));
        assertEquals(signed, f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id()));
        assertEquals(List.of(), switches(signed.id()));
    }

    @Test
    void aServiceWhoseModuleIsUninstalledCanBeSwitchedOffButNotBackOn() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), null, "Avenant n° 2");
        f.conventions.removeService(preselection);
        Convention kept = f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id());
        assertTrue(kept.services().contains(new ConventionService(PRESELECTION, PRESELECTION, false)),
                kept.services().toString());

        // still listed: switching it on changes nothing and is no error
        assertEquals(kept, f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION),
                null, "Déjà là"));

        Convention off = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), null,
                Set.of(PRESELECTION), "Module désinstallé : service retiré");
        assertEquals(BASE, ids(off));
        assertEquals(kept.version() + 1, off.version());
        assertEquals("Module désinstallé : service retiré", history(signed).get(off.version() - 1).reason());

        assertEquals(AccountProblemCodes.UNKNOWN_SERVICE, assertThrows(OpusException.class,
                () -> f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), null,
                        "Retour")).code());
    }

    @Test
    void onlyRegionalOperatorsSwitchServices() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        List<Caller> others = new ArrayList<>();
        others.add(null);
        others.add(new Caller("ft-1", "agent", Role.FT_AGENT, null, null, "84", Set.of(), Set.of(), "10.0.0.1"));
        for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)) {
            others.add(new Caller("p-" + role, "personne", role, signed.partnerId(), signed.id(), "84", BASE,
                    Set.of(), "10.0.0.1"));
        }
        for (Caller caller : others) {
            OpusException refused = assertThrows(OpusException.class, () -> f.conventions.changeServices(caller,
                    signed.id(), Set.of(PRESELECTION), Set.of(ServiceDefinition.DELEGATION_MER), "Je m'octroie"));
            assertEquals(403, refused.status(), String.valueOf(caller));
            assertEquals(SecurityProblemCodes.FORBIDDEN, refused.code());
        }
        assertEquals(signed, f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id()));
    }

    @Test
    void aReasonIsRequiredAndAServiceCannotGoBothWays() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        for (String reason : new String[] {null, " ", "x".repeat(501)}) {
            OpusException refused = assertThrows(OpusException.class, () -> f.conventions.changeServices(
                    Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), null, reason));
            assertEquals(AccountProblemCodes.INVALID_CONVENTION, refused.code());
            assertEquals("reason", refused.field());
        }
        OpusException both = assertThrows(OpusException.class, () -> f.conventions.changeServices(
                Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(PRESELECTION), Set.of(PRESELECTION), "Avenant"));
        assertEquals(AccountProblemCodes.INVALID_CONVENTION, both.code());
        assertEquals("services", both.field());
        assertEquals(signed, f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id()));
    }

    @Test
    void aTerminatedOrUnknownConventionIsNotSwitched() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        f.conventions.terminateConvention(Fixture.SYSTEM_OPERATOR, signed.id(), f.clock.now, "Fin du partenariat");
        OpusException terminated = assertThrows(OpusException.class, () -> f.conventions.changeServices(
                Fixture.SYSTEM_OPERATOR, signed.id(), null, Set.of(ServiceDefinition.DELEGATION_MER), "Après coup"));
        assertEquals(409, terminated.status());
        assertEquals(AccountProblemCodes.CONVENTION_STATE, terminated.code());

        // ended by its end date, though not yet recorded as terminated
        Convention ended = f.partnerWithConvention("Cap Emploi", "84", 3, BASE);
        f.clock.now = java.time.LocalDate.of(2030, 1, 1).atStartOfDay(Store.PARIS).toInstant();
        assertEquals(AccountProblemCodes.CONVENTION_STATE, assertThrows(OpusException.class,
                () -> f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, ended.id(), Set.of(PRESELECTION), null,
                        "Après coup")).code());

        assertEquals(AccountProblemCodes.CONVENTION_NOT_FOUND, assertThrows(OpusException.class,
                () -> f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, "inconnue", Set.of(PRESELECTION), null,
                        "Avenant")).code());
    }

    @Test
    void aDraftConventionMaySwitchServicesBeforeItsSignature() {
        Convention signed = f.partnerWithConvention("ML", "84", 3, BASE);
        Convention draft = f.conventions.draftConvention(Fixture.SYSTEM_OPERATOR, signed.partnerId(),
                new fr.opus.accounts.api.ConventionTerms(null, BASE, 3, null, null), "Renouvellement");
        Convention changed = f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, draft.id(), Set.of(PRESELECTION),
                null, "Ajout avant signature");
        assertEquals(ConventionStatus.DRAFT, changed.status());
        assertEquals(with(BASE, PRESELECTION), ids(changed));
    }

    /**
     * Two operators each switch on a different service of the same convention at the same instant: both changes are
     * kept, each its own version. Reading the services and then writing them all back (what the shell command did
     * with {@code amendConvention}) loses one of the two in most rounds.
     */
    @Test
    void concurrentSwitchesOfDifferentServicesAreBothKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                Convention signed = f.partnerWithConvention("ML " + round, "84", 3, BASE);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Convention>> done = new ArrayList<>();
                for (String service : List.of(PRESELECTION, FORUM)) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return f.conventions.changeServices(Fixture.SYSTEM_OPERATOR, signed.id(), Set.of(service),
                                null, "Ajout de " + service);
                    }));
                }
                start.countDown();
                Set<Integer> versions = new TreeSet<>();
                for (Future<Convention> d : done) {
                    versions.add(d.get(30, TimeUnit.SECONDS).version());
                }

                String where = "round " + round;
                Convention now = f.conventions.convention(Fixture.SYSTEM_OPERATOR, signed.id());
                assertEquals(with(BASE, PRESELECTION, FORUM), ids(now), where);
                assertEquals(Set.of(signed.version() + 1, signed.version() + 2), versions, where);
                List<ConventionChange> history = history(signed);
                assertEquals(signed.version() + 2, history.size(), where);
                assertEquals(ids(now), ids(history.get(history.size() - 1).convention()), where);
                assertFalse(ids(history.get(history.size() - 2).convention()).containsAll(Set.of(PRESELECTION, FORUM)),
                        where + ": the first switch's version holds its service only");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
