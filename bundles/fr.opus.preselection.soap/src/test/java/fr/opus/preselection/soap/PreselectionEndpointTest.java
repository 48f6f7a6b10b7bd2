package fr.opus.preselection.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.testing.Fake;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.PreselectionProblemCodes;
import fr.opus.preselection.api.Preselections;
import fr.opus.preselection.soap.SoapTypes.CandidatureType;
import fr.opus.preselection.soap.SoapTypes.CritereType;
import fr.opus.preselection.soap.SoapTypes.EtatCandidatureType;
import fr.opus.preselection.soap.SoapTypes.EvaluationType;
import fr.opus.preselection.soap.SoapTypes.ExigencesType;
import fr.opus.preselection.soap.SoapTypes.IndicateursType;
import fr.opus.preselection.soap.SoapTypes.MotifNonRetenueType;
import fr.opus.preselection.soap.SoapTypes.NiveauType;
import fr.opus.preselection.soap.SoapTypes.NoteCritereType;
import fr.opus.preselection.soap.SoapTypes.OutilType;
import fr.opus.preselection.soap.SoapTypes.PreselectionType;
import fr.opus.preselection.soap.SoapTypes.PrerequisType;
import fr.opus.preselection.soap.SoapTypes.PropositionType;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PreselectionEndpointTest {

    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "partner-a", "conv-a",
            "84", Set.of("consultation-offres", "preselection"), Set.of(), "127.0.0.1");
    private static final Instant CREATED = Instant.parse("2026-11-02T08:30:00Z");
    private static final Instant REVIEWED = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-11-09T16:45:00Z");
    private static final LocalDate AVAILABLE = LocalDate.of(2026, 12, 1);

    private final Fake<Preselections> preselections = Fake.of(Preselections.class);

    private PreselectionEndpoint endpoint() {
        return new PreselectionEndpoint(preselections.service(), () -> COUNSELLOR);
    }

    private static OfferPreselection endorsement() {
        return new OfferPreselection("201WLXK", PreselectionLevel.ENDORSEMENT, true,
                List.of("Permis B", "Disponible le samedi"),
                List.of(new Criterion("Maîtrise du logiciel de caisse", 3), new Criterion("Relation client", 2)),
                List.of(), 4, 2,
                new Commitments(List.of("Recevoir les candidats transmis", "Un retour qualitatif sur chacun"), 3, 2,
                        1, false),
                "agent.ft", CREATED);
    }

    private static Candidacy candidacy(CandidacyState state, EmployerFeedback feedback) {
        return new Candidacy("cand-1", "201WLXK", "ref-1", "js-1", "partner-a", "lmartin",
                PreselectionLevel.ENDORSEMENT, state, AVAILABLE,
                Map.of("Permis B", true, "Disponible le samedi", true),
                "Huit ans de caisse en grande surface, à l'aise avec la clientèle et les outils d'encaissement.",
                Map.of("Relation client", 5, "Maîtrise du logiciel de caisse", 4), 4.4,
                List.of(new Assessment(AssessmentTool.MRS, LocalDate.of(2026, 10, 20), true, "Très à l'aise")),
                "Disponible de suite", state == CandidacyState.PROPOSED ? null : "agent.ft",
                state == CandidacyState.PROPOSED ? null : "Profil solide",
                state == CandidacyState.PROPOSED ? null : REVIEWED, feedback, CREATED,
                feedback == null ? CREATED : ANSWERED);
    }

    private static OpusFaultInfo fault(Executable call) {
        OpusFault fault = assertThrows(OpusFault.class, call);
        assertEquals(fault.getFaultInfo().detail, fault.getMessage());
        return fault.getFaultInfo();
    }

    private static PropositionType proposal() {
        PropositionType p = new PropositionType();
        p.demandeurEmploi = " js-1 ";
        p.interesse = true;
        p.disponibleLe = "2026-12-01";
        p.prerequis.add(answer(" Permis B ", true));
        p.prerequis.add(answer("Disponible le samedi", true));
        p.synthese = "Huit ans de caisse en grande surface, à l'aise avec la clientèle et les outils d'encaissement.";
        p.noteCritere.add(score("Maîtrise du logiciel de caisse", 4));
        p.noteCritere.add(score("Relation client", 5));
        EvaluationType mrs = new EvaluationType();
        mrs.outil = OutilType.MRS;
        mrs.le = "2026-10-20";
        mrs.favorable = true;
        mrs.commentaire = "Très à l'aise";
        p.evaluation.add(mrs);
        p.commentaire = "Disponible de suite";
        return p;
    }

    private static PrerequisType answer(String label, boolean met) {
        PrerequisType a = new PrerequisType();
        a.libelle = label;
        a.rempli = met;
        return a;
    }

    private static NoteCritereType score(String criterion, int note) {
        NoteCritereType s = new NoteCritereType();
        s.critere = criterion;
        s.note = note;
        return s;
    }

    @Test
    void anOffersPreselectionCarriesItsLevelRequirementsAndCommitments() throws OpusFault {
        preselections.returns("preselection", endorsement());

        PreselectionType p = endpoint().preselection(" 201WLXK ");

        assertEquals(List.of(COUNSELLOR, "201WLXK"), preselections.only("preselection").args());
        assertEquals("201WLXK", p.offre);
        assertEquals(NiveauType.ENDORSEMENT, p.niveau);
        assertTrue(p.definie);
        assertEquals(List.of("Permis B", "Disponible le samedi"), p.prerequis);
        assertEquals(List.of("Maîtrise du logiciel de caisse", "Relation client"),
                p.critere.stream().map(c -> c.nom).toList());
        assertEquals(List.of(3, 2), p.critere.stream().map(c -> c.poids).toList());
        assertTrue(p.outil.isEmpty());
        assertEquals(4, p.candidatsSouhaites);
        assertEquals(2, p.enAttenteExamen);
        assertEquals(List.of("Recevoir les candidats transmis", "Un retour qualitatif sur chacun"),
                p.engagements.attendu);
        assertEquals(List.of(3, 2, 1), List.of(p.engagements.transmis, p.engagements.avecRetour,
                p.engagements.enRetard));
        assertFalse(p.engagements.tenus);
        assertEquals("agent.ft", p.modifiePar);
        assertEquals("2026-11-02T08:30:00Z", p.modifieLe);
    }

    @Test
    void definesTheRequirementsFromTheExigencesInTheirOrder() throws OpusFault {
        preselections.returns("define", endorsement());
        ExigencesType requirements = new ExigencesType();
        requirements.prerequis.addAll(List.of("Permis B", "Disponible le samedi"));
        CritereType till = new CritereType();
        till.nom = "Maîtrise du logiciel de caisse";
        till.poids = 3;
        requirements.critere.add(till);
        requirements.outil.addAll(List.of(OutilType.EMT, OutilType.MRS));
        requirements.candidatsSouhaites = 4;

        PreselectionType p = endpoint().definirPreselection("201WLXK", requirements);

        Fake.Call call = preselections.only("define");
        assertEquals(COUNSELLOR, call.arg(0));
        assertEquals("201WLXK", call.arg(1));
        assertEquals(new PreselectionDraft(List.of("Permis B", "Disponible le samedi"),
                List.of(new Criterion("Maîtrise du logiciel de caisse", 3)),
                List.of(AssessmentTool.EMT, AssessmentTool.MRS), 4), call.arg(2));
        assertEquals("201WLXK", p.offre);
    }

    @Test
    void emptyExigencesLeaveTheLevelsRulesToTheService() throws OpusFault {
        preselections.fails("define", OpusException.invalid(PreselectionProblemCodes.INVALID_PRESELECTION,
                "Une valorisation repose sur au moins un critère complémentaire pondéré.", "criteria"));

        OpusFaultInfo info = fault(() -> endpoint().definirPreselection("201WLXK", new ExigencesType()));

        assertEquals(new PreselectionDraft(List.of(), List.of(), List.of(), null),
                preselections.only("define").arg(2));
        assertEquals(400, info.status);
        assertEquals("invalid-preselection", info.code);
        assertEquals("critere", info.field);
    }

    @Test
    void aToolJaxbCouldNotReadIsRefusedBeforeAnyCall() {
        ExigencesType requirements = new ExigencesType();
        requirements.outil.add(OutilType.MRS);
        requirements.outil.add(null);

        OpusFaultInfo info = fault(() -> endpoint().definirPreselection("201WLXK", requirements));

        assertEquals("malformed-body", info.code);
        assertEquals("outil[1]", info.field);
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void proposesWithWhatTheLevelAsksAndAnswersTheCandidacy() throws OpusFault {
        preselections.returns("propose", candidacy(CandidacyState.PROPOSED, null));

        CandidatureType c = endpoint().proposer(" 201WLXK ", proposal());

        Fake.Call call = preselections.only("propose");
        assertEquals(COUNSELLOR, call.arg(0));
        assertEquals("201WLXK", call.arg(1));
        assertEquals(new CandidacyDraft("js-1", true, AVAILABLE,
                Map.of("Permis B", true, "Disponible le samedi", true),
                "Huit ans de caisse en grande surface, à l'aise avec la clientèle et les outils d'encaissement.",
                Map.of("Maîtrise du logiciel de caisse", 4, "Relation client", 5),
                List.of(new Assessment(AssessmentTool.MRS, LocalDate.of(2026, 10, 20), true, "Très à l'aise")),
                "Disponible de suite"), call.arg(2));
        assertEquals("cand-1", c.id);
        assertEquals("ref-1", c.acte);
        assertEquals("js-1", c.demandeurEmploi);
        assertEquals("lmartin", c.conseiller);
        assertEquals(NiveauType.ENDORSEMENT, c.niveau);
        assertEquals(EtatCandidatureType.PROPOSED, c.etat);
        assertEquals("2026-12-01", c.disponibleLe);
        assertEquals(List.of("Disponible le samedi", "Permis B"), c.prerequis.stream().map(a -> a.libelle).toList(),
                "answers in the alphabetical order of their labels");
        assertTrue(c.prerequis.stream().allMatch(a -> a.rempli));
        assertEquals(List.of("Maîtrise du logiciel de caisse", "Relation client"),
                c.noteCritere.stream().map(s -> s.critere).toList());
        assertEquals(List.of(4, 5), c.noteCritere.stream().map(s -> s.note).toList());
        assertEquals(4.4, c.notePonderee);
        assertEquals(OutilType.MRS, c.evaluation.get(0).outil);
        assertEquals("2026-10-20", c.evaluation.get(0).le);
        assertNull(c.examinePar);
        assertNull(c.retourEmployeur);
        assertEquals("2026-11-02T08:30:00Z", c.creeLe);
    }

    @Test
    void aProposalWithoutTheRequiredAnswersLeavesTheRuleToTheService() throws OpusFault {
        preselections.fails("propose", new OpusException(422, PreselectionProblemCodes.REQUIREMENTS_NOT_MET,
                "Le prérequis « Permis B » doit être vérifié et rempli.", "prerequisites"));
        PropositionType bare = new PropositionType();
        bare.demandeurEmploi = "js-1";

        OpusFaultInfo info = fault(() -> endpoint().proposer("201WLXK", bare));

        assertEquals(new CandidacyDraft("js-1", null, null, Map.of(), null, Map.of(), List.of(), null),
                preselections.only("propose").arg(2));
        assertEquals(422, info.status);
        assertEquals("preselection-requirements-not-met", info.code);
        assertEquals("prerequis", info.field);
    }

    @Test
    void anAnswerWithoutItsLabelOrGivenTwiceIsRefusedBeforeAnyCall() {
        PropositionType noLabel = proposal();
        noLabel.prerequis.add(answer("  ", true));
        PropositionType twice = proposal();
        twice.prerequis.add(answer("Permis B", false));
        PropositionType scoredTwice = proposal();
        scoredTwice.noteCritere.add(score(" Relation client ", 1));
        PropositionType noCriterion = proposal();
        noCriterion.noteCritere.add(0, score(null, 3));

        OpusFaultInfo missing = fault(() -> endpoint().proposer("201WLXK", noLabel));
        OpusFaultInfo repeated = fault(() -> endpoint().proposer("201WLXK", twice));
        OpusFaultInfo rescored = fault(() -> endpoint().proposer("201WLXK", scoredTwice));
        OpusFaultInfo unnamed = fault(() -> endpoint().proposer("201WLXK", noCriterion));

        assertEquals("malformed-body", missing.code);
        assertEquals("prerequis[2].libelle", missing.field);
        assertEquals("invalid-parameter", repeated.code);
        assertEquals("prerequis[2]", repeated.field);
        assertTrue(repeated.detail.contains("« Permis B »"), repeated.detail);
        assertEquals("noteCritere[2]", rescored.field);
        assertEquals("noteCritere[0].critere", unnamed.field);
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void aMalformedDayInAProposalNamesItsElementAndCallsNothing() {
        PropositionType badAvailability = proposal();
        badAvailability.disponibleLe = "01/12/2026";
        PropositionType badAssessment = proposal();
        badAssessment.evaluation.get(0).le = "hier";

        OpusFaultInfo availability = fault(() -> endpoint().proposer("201WLXK", badAvailability));
        OpusFaultInfo assessment = fault(() -> endpoint().proposer("201WLXK", badAssessment));

        assertEquals(400, availability.status);
        assertEquals("disponibleLe", availability.field);
        assertTrue(availability.detail.contains("01/12/2026"), availability.detail);
        assertEquals("evaluation[0].le", assessment.field);
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void listsTheCandidaciesOnAnOfferAndReadsOne() throws OpusFault {
        preselections.returns("candidacies", List.of(candidacy(CandidacyState.PROPOSED, null),
                        candidacy(CandidacyState.TRANSMITTED, null)))
                .returns("candidacy", candidacy(CandidacyState.TRANSMITTED, null));

        List<CandidatureType> all = endpoint().candidatures(" 201WLXK ");
        CandidatureType one = endpoint().candidature(" cand-1 ");

        assertEquals(List.of(EtatCandidatureType.PROPOSED, EtatCandidatureType.TRANSMITTED),
                all.stream().map(c -> c.etat).toList());
        assertEquals(List.of(COUNSELLOR, "201WLXK"), preselections.calls.get(0).args());
        assertEquals(List.of(COUNSELLOR, "cand-1"), preselections.calls.get(1).args());
        assertEquals("agent.ft", one.examinePar);
        assertEquals("Profil solide", one.noteExamen);
        assertEquals("2026-11-03T10:00:00Z", one.examineLe);
    }

    @Test
    void theReviewTransmitsOrDeclinesWithTheCorrespondentsNote() throws OpusFault {
        preselections.returns("review", candidacy(CandidacyState.TRANSMITTED, null));

        CandidatureType transmitted = endpoint().examiner(" cand-1 ", true, "Profil solide");
        endpoint().examiner("cand-2", false, "Prérequis « Permis B » non justifié");

        assertEquals(EtatCandidatureType.TRANSMITTED, transmitted.etat);
        assertEquals(List.of(COUNSELLOR, "cand-1", true, "Profil solide"), preselections.calls.get(0).args());
        assertEquals(List.of(COUNSELLOR, "cand-2", false, "Prérequis « Permis B » non justifié"),
                preselections.calls.get(1).args());
    }

    @Test
    void aReviewThatDoesNotSayWhetherToTransmitIsRefusedBeforeAnyCall() {
        OpusFaultInfo info = fault(() -> endpoint().examiner("cand-1", null, "Profil solide"));

        assertEquals(400, info.status);
        assertEquals("invalid-parameter", info.code);
        assertEquals("transmettre", info.field);
        assertTrue(preselections.calls.isEmpty(), "an absent choice must not decline the candidacy");
    }

    @Test
    void theEmployersFeedbackCarriesReceivedHiredReasonAndComment() throws OpusFault {
        EmployerFeedback recorded = new EmployerFeedback(true, false, RejectionReason.EXPERIENCE_INSUFFICIENT,
                "Bon contact, manque d'expérience en caisse centrale", "agent.ft", ANSWERED);
        preselections.returns("feedback", candidacy(CandidacyState.NOT_RETAINED, recorded));

        CandidatureType c = endpoint().retourEmployeur(" cand-1 ", true, false,
                MotifNonRetenueType.EXPERIENCE_INSUFFICIENT, "Bon contact, manque d'expérience en caisse centrale");

        assertEquals(List.of(COUNSELLOR, "cand-1", EmployerFeedback.of(true, false,
                        RejectionReason.EXPERIENCE_INSUFFICIENT, "Bon contact, manque d'expérience en caisse centrale")),
                preselections.only("feedback").args());
        assertEquals(EtatCandidatureType.NOT_RETAINED, c.etat);
        assertEquals(Boolean.TRUE, c.retourEmployeur.recu);
        assertEquals(Boolean.FALSE, c.retourEmployeur.recrute);
        assertEquals(MotifNonRetenueType.EXPERIENCE_INSUFFICIENT, c.retourEmployeur.motif);
        assertEquals("agent.ft", c.retourEmployeur.saisiPar);
        assertEquals("2026-11-09T16:45:00Z", c.retourEmployeur.saisiLe);
    }

    @Test
    void aFeedbackOnlySayingTheCandidateWasReceivedLeavesTheRestAbsent() throws OpusFault {
        preselections.returns("feedback", candidacy(CandidacyState.RECEIVED,
                new EmployerFeedback(true, null, null, null, "agent.ft", ANSWERED)));

        CandidatureType c = endpoint().retourEmployeur("cand-1", true, null, null, null);

        assertEquals(EmployerFeedback.of(true, null, null, null), preselections.only("feedback").arg(2));
        assertNull(c.retourEmployeur.recrute);
        assertNull(c.retourEmployeur.motif);
    }

    @Test
    void withdrawsWithTheNote() throws OpusFault {
        preselections.returns("withdraw", candidacy(CandidacyState.WITHDRAWN, null));

        CandidatureType c = endpoint().retirer(" cand-1 ", "Le candidat a trouvé un emploi");

        assertEquals(List.of(COUNSELLOR, "cand-1", "Le candidat a trouvé un emploi"),
                preselections.only("withdraw").args());
        assertEquals(EtatCandidatureType.WITHDRAWN, c.etat);
    }

    @Test
    void indicatorsAskThePeriodAndPartnerAndCarryEveryFigure() throws OpusFault {
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        preselections.returns("indicators", new PreselectionIndicators(from, to, "partner-a", 4, 1, 0.25, 6.5, 10,
                6, 1, 0.8333));

        IndicateursType i = endpoint().indicateurs("2026-10-01", "2026-12-31Z", " partner-a ");

        assertEquals(List.of(COUNSELLOR, from, to, "partner-a"), preselections.only("indicators").args());
        assertEquals("2026-10-01", i.du);
        assertEquals("2026-12-31", i.au);
        assertEquals("partner-a", i.partenaire);
        assertEquals(List.of(4, 1, 10, 6, 1), List.of(i.offres, i.offresSatisfaites, i.candidaturesProposees,
                i.candidaturesTransmises, i.candidatsRecrutes));
        assertEquals(0.25, i.partOffresSatisfaites);
        assertEquals(6.5, i.delaiMoyenSatisfactionJours);
        assertEquals(0.8333, i.partEngagementsTenus);
    }

    @Test
    void indicatorsWithoutOffersLeaveTheSharesOutAndABlankPartnerMeansAll() throws OpusFault {
        LocalDate day = LocalDate.of(2026, 11, 1);
        preselections.returns("indicators", new PreselectionIndicators(day, day, null, 0, 0, null, null, 0, 0, 0,
                null));

        IndicateursType i = endpoint().indicateurs("2026-11-01", "2026-11-01", "  ");

        assertNull(preselections.only("indicators").arg(3));
        assertNull(i.partenaire);
        assertNull(i.partOffresSatisfaites);
        assertNull(i.delaiMoyenSatisfactionJours);
        assertNull(i.partEngagementsTenus);
    }

    @Test
    void aMalformedDayIsABadRequestNamingTheElementAndCallsNothing() {
        OpusFaultInfo badEnd = fault(() -> endpoint().indicateurs("2026-11-01", "30/11/2026", null));

        assertEquals(400, badEnd.status);
        assertEquals("invalid-parameter", badEnd.code);
        assertEquals("au", badEnd.field);
        assertTrue(badEnd.detail.contains("30/11/2026"), badEnd.detail);
        assertTrue(preselections.calls.isEmpty());
    }

    @Test
    void theServiceJudgesThePeriodAndItsFaultNamesTheSoapElement() {
        preselections.fails("indicators", OpusException.invalid("invalid-parameter",
                "Indiquez une période : du (from) au (to), le second au plus tôt le premier.", "from"));

        OpusFaultInfo noStart = fault(() -> endpoint().indicateurs(null, "2026-11-30", null));

        assertEquals(Arrays.asList(COUNSELLOR, null, LocalDate.of(2026, 11, 30), null),
                preselections.only("indicators").args());
        assertEquals("du", noStart.field);
    }

    @Test
    void aRefusalIsTheTypedFaultWithTheRestStatusCodeAndTheSoapElement() {
        preselections.fails("candidacy", OpusException.notFound(PreselectionProblemCodes.CANDIDACY_NOT_FOUND,
                        "Candidature « cand-9 » introuvable."))
                .fails("withdraw", OpusException.conflict(PreselectionProblemCodes.CANDIDACY_STATE,
                        "La candidature est « recruté » : elle ne peut plus être retirée.", null))
                .fails("feedback", OpusException.invalid(PreselectionProblemCodes.INVALID_FEEDBACK,
                        "Le motif est obligatoire pour un candidat non retenu.", "reason"))
                .fails("preselection", OpusException.notFound(PreselectionProblemCodes.OFFER_NOT_PRESELECTED,
                        "Offre « 201ZZZZ » introuvable ou sans présélection."))
                .fails("define", OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                        "Seul France Travail définit les exigences d'une présélection."));

        OpusFaultInfo notFound = fault(() -> endpoint().candidature("cand-9"));
        OpusFaultInfo state = fault(() -> endpoint().retirer("cand-1", null));
        OpusFaultInfo feedback = fault(() -> endpoint().retourEmployeur("cand-1", true, false, null, null));
        OpusFaultInfo offer = fault(() -> endpoint().preselection("201ZZZZ"));
        OpusFaultInfo forbidden = fault(() -> endpoint().definirPreselection("201WLXK", new ExigencesType()));

        assertEquals(404, notFound.status);
        assertEquals("candidacy-not-found", notFound.code);
        assertNull(notFound.field);
        assertEquals(409, state.status);
        assertEquals("candidacy-state", state.code);
        assertEquals(400, feedback.status);
        assertEquals("invalid-feedback", feedback.code);
        assertEquals("motif", feedback.field, "the fault names the SOAP element, not the JSON property");
        assertEquals("offer-not-preselected", offer.code);
        assertEquals(403, forbidden.status);
        assertEquals("forbidden", forbidden.code);
        assertEquals("Seul France Travail définit les exigences d'une présélection.", forbidden.detail);
    }

    @Test
    void serviceFieldNamesBecomeSoapElementsIndexesKept() {
        assertEquals("offre", PreselectionEndpoint.element("offerId"));
        assertEquals("prerequis[2]", PreselectionEndpoint.element("prerequisites[2]"));
        assertEquals("critere[0].poids", PreselectionEndpoint.element("criteria[0].poids"));
        assertEquals("outil", PreselectionEndpoint.element("tools"));
        assertEquals("candidatsSouhaites", PreselectionEndpoint.element("candidatesWanted"));
        assertEquals("demandeurEmploi", PreselectionEndpoint.element("jobSeekerId"));
        assertEquals("interesse", PreselectionEndpoint.element("interested"));
        assertEquals("disponibleLe", PreselectionEndpoint.element("availableFrom"));
        assertEquals("synthese", PreselectionEndpoint.element("synthesis"));
        assertEquals("noteCritere", PreselectionEndpoint.element("scores"));
        assertEquals("evaluation", PreselectionEndpoint.element("assessments"));
        assertEquals("commentaire", PreselectionEndpoint.element("comment"));
        assertEquals("recu", PreselectionEndpoint.element("received"));
        assertEquals("recrute", PreselectionEndpoint.element("hired"));
        assertEquals("motif", PreselectionEndpoint.element("reason"));
        assertEquals("partenaire", PreselectionEndpoint.element("partnerId"));
        assertEquals("du", PreselectionEndpoint.element("from"));
        assertEquals("au", PreselectionEndpoint.element("to"));
        assertEquals("note", PreselectionEndpoint.element("note"), "the same in both");
        assertNull(PreselectionEndpoint.element(null));
    }

    @Test
    void missingIdentifiersAndBodiesAreBadRequestsNamingTheElementAndCallNothing() {
        PreselectionEndpoint endpoint = endpoint();

        OpusFaultInfo noOffer = fault(() -> endpoint.preselection("  "));
        assertEquals(400, noOffer.status);
        assertEquals("invalid-parameter", noOffer.code);
        assertEquals("offre", noOffer.field);
        assertEquals("offre", fault(() -> endpoint.definirPreselection(null, new ExigencesType())).field);
        assertEquals("exigences", fault(() -> endpoint.definirPreselection("201WLXK", null)).field);
        assertEquals("offre", fault(() -> endpoint.proposer("", proposal())).field);
        OpusFaultInfo noProposal = fault(() -> endpoint.proposer("201WLXK", null));
        assertEquals("malformed-body", noProposal.code);
        assertEquals("proposition", noProposal.field);
        assertEquals("offre", fault(() -> endpoint.candidatures(null)).field);
        assertEquals("id", fault(() -> endpoint.candidature(" ")).field);
        assertEquals("id", fault(() -> endpoint.examiner(null, true, null)).field);
        assertEquals("id", fault(() -> endpoint.retourEmployeur("", true, null, null, null)).field);
        assertEquals("id", fault(() -> endpoint.retirer(null, "note")).field);

        assertTrue(preselections.calls.isEmpty());
    }

    /** Who may call each operation: the REST resource's rules. */
    private static final Map<String, List<Role>> ROLES = Map.ofEntries(
            Map.entry("preselection", readers()),
            Map.entry("candidatures", readers()),
            Map.entry("candidature", readers()),
            Map.entry("definirPreselection", franceTravail()),
            Map.entry("examiner", franceTravail()),
            Map.entry("retourEmployeur", franceTravail()),
            // core's acts are made by people: an application reads, it does not propose or withdraw
            Map.entry("proposer", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("retirer", List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("indicateurs", List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER)));

    private static List<Role> readers() {
        return List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
                Role.PARTNER_APPLICATION);
    }

    private static List<Role> franceTravail() {
        return List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT);
    }

    @Test
    void everyOperationNamesWhoMayCallItAsOverRest() throws NoSuchMethodException {
        assertEquals(ROLES.keySet(), Arrays.stream(PreselectionPort.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet()));
        for (Method operation : PreselectionPort.class.getMethods()) {
            Method implemented = PreselectionEndpoint.class.getMethod(operation.getName(),
                    operation.getParameterTypes());
            Guard.Rule rule = Guard.ruleOf(implemented, PreselectionEndpoint.class);
            String name = operation.getName();
            assertNotNull(rule.permit(), name + " has no @Permit: it would be refused to everyone");
            assertEquals(ROLES.get(name), List.of(rule.permit().value()), name);
            assertEquals("preselection", rule.permit().service(), name);
            assertEquals(ROLES.get(name).contains(Role.PARTNER_APPLICATION) ? "opus" : "", rule.permit().scope(),
                    name + ": a partner's application needs the scope opus, as over REST");
        }
    }

    @Test
    void aPartnerWithoutThePreselectionServiceIsRefusedByTheRule() throws NoSuchMethodException {
        Caller withoutModule = new Caller("c-2", "nbernard", Role.COUNSELLOR, "partner-b", "conv-b", "84",
                Set.of("consultation-offres"), Set.of(), null);
        Caller application = new Caller("cli-a", "appli-a", Role.PARTNER_APPLICATION, "partner-a", "conv-a", "84",
                Set.of("preselection"), Set.of("api_offresdemploiv2"), null);
        Guard.Rule propose = Guard.ruleOf(PreselectionEndpoint.class.getMethod("proposer", String.class,
                PropositionType.class), PreselectionEndpoint.class);
        Guard.Rule list = Guard.ruleOf(PreselectionEndpoint.class.getMethod("candidatures", String.class),
                PreselectionEndpoint.class);
        Guard.Rule review = Guard.ruleOf(PreselectionEndpoint.class.getMethod("examiner", String.class,
                Boolean.class, String.class), PreselectionEndpoint.class);

        assertEquals("service-not-in-convention",
                assertThrows(OpusException.class, () -> Guard.check(propose, withoutModule)).code());
        assertEquals("insufficient-scope",
                assertThrows(OpusException.class, () -> Guard.check(list, application)).code());
        assertEquals("forbidden", assertThrows(OpusException.class, () -> Guard.check(propose, application)).code(),
                "an application reads; core's acts are made by people");
        assertEquals("forbidden", assertThrows(OpusException.class, () -> Guard.check(review, COUNSELLOR)).code());
        Guard.check(propose, COUNSELLOR);
    }

    @Test
    void soapEnumerationsRoundTripTheApis() {
        for (PreselectionLevel l : PreselectionLevel.values()) {
            assertEquals(l, NiveauType.of(l).level());
        }
        for (CandidacyState s : CandidacyState.values()) {
            assertEquals(s, EtatCandidatureType.of(s).state());
        }
        for (AssessmentTool t : AssessmentTool.values()) {
            assertEquals(t, OutilType.of(t).tool());
        }
        for (RejectionReason r : RejectionReason.values()) {
            assertEquals(r, MotifNonRetenueType.of(r).reason());
        }
        assertEquals(PreselectionLevel.values().length, NiveauType.values().length);
        assertEquals(CandidacyState.values().length, EtatCandidatureType.values().length);
        assertEquals(AssessmentTool.values().length, OutilType.values().length);
        assertEquals(RejectionReason.values().length, MotifNonRetenueType.values().length);
        assertNull(NiveauType.of(null));
        assertNull(MotifNonRetenueType.of(null));
    }

    @Test
    void aCandidacyWithoutCriteriaHasNoWeightedScore() {
        Candidacy verification = new Candidacy("cand-2", "201WLXK", "ref-2", "js-2", "partner-a", "lmartin",
                PreselectionLevel.VERIFICATION, CandidacyState.PROPOSED, AVAILABLE, Map.of("Permis B", true), null,
                Map.of(), null, new ArrayList<>(), null, null, null, null, null, CREATED, CREATED);

        CandidatureType c = CandidatureType.of(verification);

        assertNull(c.notePonderee);
        assertTrue(c.noteCritere.isEmpty() && c.evaluation.isEmpty());
        assertEquals(NiveauType.VERIFICATION, c.niveau);
    }
}
