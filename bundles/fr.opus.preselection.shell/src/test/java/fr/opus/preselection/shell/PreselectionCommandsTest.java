package fr.opus.preselection.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.testing.Fake;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.PreselectionProblemCodes;
import fr.opus.preselection.api.Preselections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import org.apache.karaf.shell.api.action.Command;
import org.junit.jupiter.api.Test;

class PreselectionCommandsTest {

    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);
    private static final Caller AGENT = new Caller("ft-1", "agent.ft", Role.FT_AGENT, null, null, "84", Set.of(),
            Set.of(), null);
    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "p-1", "conv-1", "84",
            Set.of("consultation-offres", "preselection"), Set.of(), null);
    private static final Instant CREATED = Instant.parse("2026-11-02T08:30:00Z");
    private static final Instant REVIEWED = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-11-09T16:45:00Z");
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private final Fake<Preselections> preselections = Fake.of(Preselections.class);

    /** Runs the command in a shell session whose subject holds {@code caller} (none: anonymous); out and err. */
    private static String run(Caller caller, OperatorCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject subject = new Subject();
        if (caller != null) {
            subject.getPrincipals().add(caller);
        }
        Subject.doAs(subject, (PrivilegedAction<Void>) () -> {
            command.run(stream, stream);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static OfferPreselection endorsement() {
        return new OfferPreselection("201WLXK", PreselectionLevel.ENDORSEMENT, true,
                List.of("Permis B", "Disponible le samedi"),
                List.of(new Criterion("Maîtrise du logiciel de caisse", 3), new Criterion("Relation client", 2)),
                List.of(), 4, 1,
                new Commitments(List.of("Recevoir les candidats transmis", "Un retour qualitatif sur chacun"), 2, 1,
                        1, false),
                "agent.ft", CREATED);
    }

    private static Candidacy candidacy(String id, String partner, CandidacyState state, Double score,
            EmployerFeedback feedback) {
        boolean reviewed = state != CandidacyState.PROPOSED;
        return new Candidacy(id, "201WLXK", "ref-" + id, "js-" + id, partner, "lmartin",
                PreselectionLevel.ENDORSEMENT, state, LocalDate.of(2026, 12, 1),
                Map.of("Permis B", true, "Disponible le samedi", true),
                "Huit ans de caisse en grande surface,\nà l'aise avec la clientèle.",
                Map.of("Relation client", 5, "Maîtrise du logiciel de caisse", 4), score,
                List.of(new Assessment(AssessmentTool.MRS, LocalDate.of(2026, 10, 20), true, "Très à l'aise")),
                "Disponible de suite", reviewed ? "agent.ft" : null, reviewed ? "Profil solide" : null,
                reviewed ? REVIEWED : null, feedback, CREATED, feedback == null ? CREATED : ANSWERED);
    }

    private PreselectionShowCommand preselectionShow(String offer) {
        PreselectionShowCommand command = new PreselectionShowCommand();
        command.preselections = preselections.service();
        command.offerId = offer;
        return command;
    }

    private CandidacyShowCommand candidacyShow(String id) {
        CandidacyShowCommand command = new CandidacyShowCommand();
        command.preselections = preselections.service();
        command.candidacyId = id;
        return command;
    }

    private PreselectionIndicatorsCommand indicatorsCommand() {
        PreselectionIndicatorsCommand command = new PreselectionIndicatorsCommand();
        command.preselections = preselections.service();
        // 15 November 2026 at 00:30 in Paris, still the 14th in UTC: the default period follows Paris
        command.clock = Clock.fixed(Instant.parse("2026-11-14T23:30:00Z"), Texts.PARIS);
        return command;
    }

    private Fake<Preselections> someFigures() {
        return preselections.on("indicators", args -> new PreselectionIndicators((LocalDate) args[1],
                (LocalDate) args[2], (String) args[3], 4, 1, 0.25, 6.5, 10, 6, 1, 0.8333));
    }

    @Test
    void preselectionShowPrintsTheLevelRequirementsCommitmentsAndEveryCandidacy() {
        preselections.returns("preselection", endorsement())
                .returns("candidacies", List.of(
                        candidacy("cand-1", "partner-a", CandidacyState.NOT_RETAINED, 4.4,
                                new EmployerFeedback(true, false, RejectionReason.POSITION_FILLED, null, "agent.ft",
                                        ANSWERED)),
                        candidacy("cand-2", "partner-b", CandidacyState.PROPOSED, null, null)));

        String out = run(OPERATOR, preselectionShow(" 201WLXK "));

        assertEquals(List.of(OPERATOR, "201WLXK"), preselections.calls.get(0).args());
        assertEquals(List.of(OPERATOR, "201WLXK"), preselections.calls.get(1).args());
        assertEquals(List.of("preselection", "candidacies"),
                preselections.calls.stream().map(Fake.Call::method).toList());
        assertTrue(out.startsWith("Présélection de l'offre 201WLXK : valorisation"), out);
        assertTrue(out.contains("définies, modifiées le 02/11/2026 09:30 par agent.ft"), "Paris time: " + out);
        assertTrue(out.matches("(?s).*Candidats souhaités :\\s+4.*"), out);
        assertTrue(out.contains("1 candidature"), out);
        assertTrue(out.contains("- Permis B") && out.contains("- Disponible le samedi"), out);
        assertTrue(out.matches("(?s).*Maîtrise du logiciel de caisse\\s*\\|\\s*3.*"), out);
        assertFalse(out.contains("Outils d'évaluation"), "no tools for a valorisation without any: " + out);
        assertTrue(out.contains("- Un retour qualitatif sur chacun"), out);
        assertTrue(out.contains("Candidats transmis : 2, avec le retour attendu : 1, en retard : 1 — engagements"
                + " non tenus"), out);
        assertTrue(out.contains("Candidatures (2) :"), out);
        assertTrue(out.contains("cand-1") && out.contains("js-cand-1") && out.contains("partner-a"), out);
        assertTrue(out.contains("non retenu") && out.contains("4,4 / 5"), "French decimal comma: " + out);
        assertTrue(out.contains("reçu, non retenu (Le poste a été pourvu par un autre candidat)"), out);
        assertTrue(out.contains("partner-b") && out.contains("proposée"), out);
        int first = out.indexOf("cand-1");
        int second = out.indexOf("cand-2");
        assertTrue(first > 0 && second > first, "the service's order, oldest first: " + out);
    }

    @Test
    void anUndefinedAssessmentSaysSoAndHasNoCandidacyYet() {
        preselections.returns("preselection", new OfferPreselection("201EVAL", PreselectionLevel.ASSESSMENT, false,
                        List.of(), List.of(), List.of(), null, 0, new Commitments(List.of(), 0, 0, 0, true), null,
                        null))
                .returns("candidacies", List.of());

        String out = run(AGENT, preselectionShow("201EVAL"));

        assertTrue(out.startsWith("Présélection de l'offre 201EVAL : évaluation"), out);
        assertTrue(out.contains("pas encore définies par le correspondant France Travail"), out);
        assertTrue(out.contains("Outils d'évaluation : aucun"), out);
        assertTrue(out.contains("engagements tenus"), out);
        assertTrue(out.contains("Aucune candidature sur l'offre 201EVAL."), out);
    }

    @Test
    void candidacyShowPrintsEveryField() {
        preselections.returns("candidacy", candidacy("cand-1", "partner-a", CandidacyState.NOT_RETAINED, 4.4,
                new EmployerFeedback(true, false, RejectionReason.EXPERIENCE_INSUFFICIENT,
                        "Bon contact, manque d'expérience", "agent.ft", ANSWERED)));

        String out = run(OPERATOR, candidacyShow(" cand-1 "));

        assertEquals(List.of(OPERATOR, "cand-1"), preselections.only("candidacy").args());
        assertEquals("Candidature cand-1 : non retenu", out.lines().findFirst().orElseThrow());
        for (String expected : List.of("201WLXK", "valorisation", "ref-cand-1", "js-cand-1", "partner-a", "lmartin",
                "01/12/2026", "4,4 / 5", "Disponible de suite", "02/11/2026 09:30", "Permis B",
                "  Huit ans de caisse en grande surface,", "  à l'aise avec la clientèle.",
                "Maîtrise du logiciel de caisse", "Méthode de recrutement par simulation (MRS)", "20/10/2026",
                "favorable", "Très à l'aise", "03/11/2026 11:00", "Profil solide",
                "Expérience insuffisante pour ce poste", "Bon contact, manque d'expérience", "09/11/2026 17:45")) {
            assertTrue(out.contains(expected), expected + " missing in: " + out);
        }
        assertTrue(out.matches("(?s).*Relation client\\s*\\|\\s*5.*"), out);
        assertTrue(out.matches("(?s).*Candidat reçu :\\s+oui.*"), out);
        assertTrue(out.matches("(?s).*Recruté :\\s+non.*"), out);
    }

    @Test
    void aCandidacyNotYetReviewedShowsDashesAndNoFeedback() {
        preselections.returns("candidacy", new Candidacy("cand-2", "201VERI", "ref-2", "js-2", "partner-a",
                "lmartin", PreselectionLevel.VERIFICATION, CandidacyState.PROPOSED, LocalDate.of(2026, 12, 1),
                Map.of("Permis B", true), null, Map.of(), null, List.of(), null, null, null, null, null, CREATED,
                CREATED));

        String out = run(OPERATOR, candidacyShow("cand-2"));

        assertTrue(out.startsWith("Candidature cand-2 : proposée (en cours)"), out);
        assertTrue(out.matches("(?s).*Note pondérée :\\s+—.*"), out);
        assertTrue(out.matches("(?s).*Examinée par :\\s+—.*"), out);
        assertTrue(out.contains("Synthèse argumentée :" + System.lineSeparator() + "  —"), out);
        assertTrue(out.contains("aucun pour l'instant"), out);
    }

    @Test
    void indicatorsDefaultToThisMonthInParisAndShowFrenchShares() {
        someFigures();

        String out = run(OPERATOR, indicatorsCommand());

        assertEquals(Arrays.asList(OPERATOR, NOV_1, LocalDate.of(2026, 11, 15), null),
                preselections.only("indicators").args());
        assertTrue(out.contains("Présélection du 01/11/2026 au 15/11/2026, toutes structures"), out);
        assertTrue(out.matches("(?s).*Offres présélectionnées ayant reçu une candidature\\s*\\|\\s*4.*"), out);
        assertTrue(out.contains("1 (25,0 %)"), "French decimal comma: " + out);
        assertTrue(out.contains("6,5 jours"), out);
        assertTrue(out.matches("(?s).*Candidatures proposées\\s*\\|\\s*10.*"), out);
        assertTrue(out.matches("(?s).*dont transmises à l'employeur\\s*\\|\\s*6.*"), out);
        assertTrue(out.contains("83,3 %"), out);
    }

    @Test
    void indicatorsForOnePartnerAndAnExplicitPeriodWithoutAnythingToDivide() {
        preselections.returns("indicators", new PreselectionIndicators(NOV_1, NOV_30, "partner-a", 0, 0, null, null,
                0, 0, 0, null));
        PreselectionIndicatorsCommand command = indicatorsCommand();
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        command.partnerId = " partner-a ";

        String out = run(AGENT, command);

        assertEquals(List.of(AGENT, NOV_1, NOV_30, "partner-a"), preselections.only("indicators").args());
        assertTrue(out.contains("Présélection du 01/11/2026 au 30/11/2026, structure partner-a"), out);
        assertFalse(out.contains("%"), "no share without offers: " + out);
        assertTrue(out.matches("(?s).*Délai moyen de satisfaction\\s*\\|\\s*—.*"), out);
    }

    @Test
    void onlyAnEndGivenMeansFromTheFirstOfItsMonth() {
        someFigures();
        PreselectionIndicatorsCommand command = indicatorsCommand();
        command.to = "2026-10-20";

        run(OPERATOR, command);

        assertEquals(Arrays.asList(OPERATOR, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20), null),
                preselections.only("indicators").args());
    }

    @Test
    void aMalformedDayIsRefusedInFrenchBeforeAnyCall() {
        PreselectionIndicatorsCommand malformed = indicatorsCommand();
        malformed.from = "01/11/2026";

        String out = run(OPERATOR, malformed);

        assertEquals("Date attendue au format AAAA-MM-JJ : « 01/11/2026 ». (--from)", out.strip());
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void aServicesRefusalIsPrintedInFrench() {
        preselections.fails("candidacy", OpusException.notFound(PreselectionProblemCodes.CANDIDACY_NOT_FOUND,
                        "Candidature « cand-9 » introuvable."))
                .fails("preselection", OpusException.conflict(PreselectionProblemCodes.OFFER_NOT_PRESELECTED,
                        "L'offre 201NOPS n'a pas de présélection.", null));

        assertEquals("Candidature « cand-9 » introuvable.", run(OPERATOR, candidacyShow("cand-9")).strip());
        assertEquals("L'offre 201NOPS n'a pas de présélection.", run(OPERATOR, preselectionShow("201NOPS")).strip());
        assertEquals(List.of("candidacy", "preselection"),
                preselections.calls.stream().map(Fake.Call::method).toList(), "nothing more asked after a refusal");
    }

    @Test
    void othersAreRefusedInFrenchAndTheServiceIsNotAsked() {
        List<Supplier<OperatorCommand>> commands = List.of(() -> preselectionShow("201WLXK"),
                () -> candidacyShow("cand-1"), this::indicatorsCommand);
        for (Supplier<OperatorCommand> command : commands) {
            String counsellor = run(COUNSELLOR, command.get());
            String anonymous = run(null, command.get());

            assertTrue(counsellor.contains("Votre rôle (Conseiller) ne permet pas cette opération."), counsellor);
            assertTrue(anonymous.contains("réservée aux opérateurs régionaux"), anonymous);
        }
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void everyCommandIsAnOpusCommandForFranceTravail() {
        Map<Class<?>, String> names = Map.of(PreselectionShowCommand.class, "preselection-show",
                CandidacyShowCommand.class, "candidacy-show",
                PreselectionIndicatorsCommand.class, "preselection-indicators");
        names.forEach((type, name) -> {
            Command command = type.getAnnotation(Command.class);
            assertEquals("opus", command.scope(), type.getName());
            assertEquals(name, command.name(), type.getName());
            assertEquals(List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT),
                    List.of(Guard.ruleOf(null, type).permit().value()), type.getName());
        });
    }

    @Test
    void texts() {
        assertEquals("vérification", Texts.level(PreselectionLevel.VERIFICATION));
        assertEquals("valorisation", Texts.level(PreselectionLevel.ENDORSEMENT));
        assertEquals("évaluation", Texts.level(PreselectionLevel.ASSESSMENT));
        assertEquals("—", Texts.feedback(null));
        assertEquals("reçu, décision en attente", Texts.feedback(new EmployerFeedback(true, null, null, null, "a",
                ANSWERED)));
        assertEquals("recruté", Texts.feedback(new EmployerFeedback(null, true, null, null, "a", ANSWERED)));
        assertEquals("3,0 / 5", Texts.score(3.0));
        assertEquals("—", Texts.percent(null));
        assertEquals("0 candidature", Texts.count(0, "candidature", "candidatures"));
    }
}
