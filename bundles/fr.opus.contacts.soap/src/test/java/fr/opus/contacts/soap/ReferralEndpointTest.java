package fr.opus.contacts.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentation.Delivery;
import fr.opus.contacts.api.Presentations;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.contacts.soap.SoapTypes.ActeType;
import fr.opus.contacts.soap.SoapTypes.CanalType;
import fr.opus.contacts.soap.SoapTypes.EtatActeType;
import fr.opus.contacts.soap.SoapTypes.FicheDemandeurEmploiType;
import fr.opus.contacts.soap.SoapTypes.IndicateursType;
import fr.opus.contacts.soap.SoapTypes.MotifNonRetenueType;
import fr.opus.contacts.soap.SoapTypes.MotifType;
import fr.opus.contacts.soap.SoapTypes.PresentationType;
import fr.opus.contacts.soap.SoapTypes.StatutEnvoiType;
import fr.opus.contacts.soap.SoapTypes.TypeActeType;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.testing.Fake;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ReferralEndpointTest {

    private static final Caller COUNSELLOR = new Caller("c-1", "lmartin", Role.COUNSELLOR, "partner-a", "conv-a",
            "84", Set.of("consultation-offres", "delegation-mer"), Set.of(), "127.0.0.1");
    private static final Instant CREATED = Instant.parse("2026-11-02T08:30:00Z");
    private static final Instant SENT = Instant.parse("2026-11-02T09:00:00Z");

    private final Fake<JobSeekers> jobSeekers = Fake.of(JobSeekers.class);
    private final Fake<Referrals> referrals = Fake.of(Referrals.class);
    private final Fake<Presentations> presentations = Fake.of(Presentations.class);
    private final Fake<Indicators> indicators = Fake.of(Indicators.class);

    private ReferralEndpoint endpoint() {
        return new ReferralEndpoint(jobSeekers.service(), referrals.service(), presentations.service(),
                indicators.service(), () -> COUNSELLOR);
    }

    private static JobSeeker camille() {
        return new JobSeeker("js-1", "partner-a", "Camille", "Dupont", "1234567A", "camille.dupont@exemple.fr",
                "0612345678", null, Channel.SMS, "Cherche un poste en cuisine", CREATED, "lmartin", CREATED);
    }

    private static Referral referral(ReferralState state, RejectionReason reason) {
        List<ReferralEvent> history = state == ReferralState.SENT
                ? List.of(new ReferralEvent(CREATED, "lmartin", null, ReferralState.SENT, null, "Profil adapté"))
                : List.of(new ReferralEvent(CREATED, "lmartin", null, ReferralState.SENT, null, null),
                        new ReferralEvent(SENT, "lmartin", ReferralState.SENT, state, reason, "Retour employeur"));
        return new Referral("ref-1", ReferralKind.CONTACT, "201WLXK", "js-1", "partner-a", "c-1", state, reason,
                CREATED, history.get(history.size() - 1).at(), history);
    }

    private static OpusFaultInfo fault(Executable call) {
        OpusFault fault = assertThrows(OpusFault.class, call);
        assertEquals(fault.getFaultInfo().detail, fault.getMessage());
        return fault.getFaultInfo();
    }

    @Test
    void createsAJobSeekerFromTheFicheForTheCaller() throws OpusFault {
        jobSeekers.returns("create", camille());
        FicheDemandeurEmploiType fiche = new FicheDemandeurEmploiType();
        fiche.prenom = "Camille";
        fiche.nom = "Dupont";
        fiche.identifiantFranceTravail = "1234567A";
        fiche.telephone = "06 12 34 56 78";
        fiche.canal = CanalType.SMS;
        fiche.note = "Cherche un poste en cuisine";

        var created = endpoint().creerDemandeurEmploi(fiche);

        Fake.Call call = jobSeekers.only("create");
        assertEquals(COUNSELLOR, call.arg(0));
        assertEquals(new JobSeekerDraft("Camille", "Dupont", "1234567A", null, "06 12 34 56 78", null, Channel.SMS,
                "Cherche un poste en cuisine"), call.arg(1));
        assertEquals("js-1", created.id);
        assertEquals("partner-a", created.partenaire);
        assertEquals("camille.dupont@exemple.fr", created.courriel);
        assertEquals(CanalType.SMS, created.canal);
        assertEquals("2026-11-02T08:30:00Z", created.creeLe);
        assertEquals("lmartin", created.creePar);
    }

    @Test
    void aFicheWithoutChannelLeavesTheDefaultToTheService() throws OpusFault {
        jobSeekers.returns("update", camille());
        FicheDemandeurEmploiType fiche = new FicheDemandeurEmploiType();
        fiche.prenom = "Camille";
        fiche.nom = "Dupont";

        endpoint().modifierDemandeurEmploi(" js-1 ", fiche);

        Fake.Call call = jobSeekers.only("update");
        assertEquals("js-1", call.arg(1));
        assertNull(((JobSeekerDraft) call.arg(2)).channel());
    }

    @Test
    void aSearchAsksFiftyByDefaultAndABlankTextMeansAll() throws OpusFault {
        jobSeekers.returns("find", List.of(camille()));

        var found = endpoint().demandeursEmploi("  ", null);
        endpoint().demandeursEmploi(" dup ", 5);

        assertEquals(List.of("js-1"), found.stream().map(j -> j.id).toList());
        assertEquals(Arrays.asList(COUNSELLOR, null, 50), jobSeekers.calls.get(0).args());
        assertEquals(List.of(COUNSELLOR, "dup", 5), jobSeekers.calls.get(1).args());
    }

    @Test
    void theFileCarriesThePersonAndEveryActWithItsHistory() throws OpusFault {
        jobSeekers.returns("file", new JobSeekerFile(camille(), List.of(
                referral(ReferralState.NOT_RETAINED, RejectionReason.EXPERIENCE_INSUFFICIENT),
                referral(ReferralState.SENT, null))));

        var file = endpoint().dossier("js-1");

        assertEquals("Camille", file.demandeurEmploi.prenom);
        assertEquals(List.of(EtatActeType.NOT_RETAINED, EtatActeType.SENT), file.acte.stream().map(a -> a.etat)
                .toList());
        ActeType rejected = file.acte.get(0);
        assertEquals(MotifNonRetenueType.EXPERIENCE_INSUFFICIENT, rejected.motif);
        assertEquals(2, rejected.evenement.size());
        assertNull(rejected.evenement.get(0).de, "the creation has no state before");
        assertEquals(EtatActeType.SENT, rejected.evenement.get(1).de);
        assertEquals(EtatActeType.NOT_RETAINED, rejected.evenement.get(1).vers);
        assertEquals("Retour employeur", rejected.evenement.get(1).commentaire);
    }

    @Test
    void createsAnActWithItsKindAndTransmittedOnlyWhenAsked() throws OpusFault {
        referrals.returns("create", referral(ReferralState.SENT, null));

        ActeType act = endpoint().creerActe(" 201WLXK ", "js-1", TypeActeType.CONTACT, true, "Profil adapté");
        endpoint().creerActe("201WLXK", "js-1", TypeActeType.RELATION, null, null);

        assertEquals(List.of(COUNSELLOR, "201WLXK", "js-1", ReferralKind.CONTACT, true, "Profil adapté"),
                referrals.calls.get(0).args());
        assertEquals(Arrays.asList(COUNSELLOR, "201WLXK", "js-1", ReferralKind.RELATION, false, null),
                referrals.calls.get(1).args());
        assertEquals("ref-1", act.id);
        assertEquals(TypeActeType.CONTACT, act.type);
        assertEquals("201WLXK", act.offre);
        assertEquals("js-1", act.demandeurEmploi);
        assertEquals("c-1", act.conseiller);
        assertEquals(EtatActeType.SENT, act.etat);
        assertEquals("lmartin", act.evenement.get(0).par);
        assertEquals("2026-11-02T08:30:00Z", act.evenement.get(0).le);
    }

    @Test
    void movesAnActWithTheEmployersReason() throws OpusFault {
        referrals.returns("move", referral(ReferralState.NOT_RETAINED, RejectionReason.POSITION_FILLED));

        ActeType act = endpoint().faireAvancer("ref-1", EtatActeType.NOT_RETAINED,
                MotifNonRetenueType.POSITION_FILLED, "Retour employeur");

        assertEquals(List.of(COUNSELLOR, "ref-1", ReferralState.NOT_RETAINED, RejectionReason.POSITION_FILLED,
                "Retour employeur"), referrals.only("move").args());
        assertEquals(MotifNonRetenueType.POSITION_FILLED, act.motif);
    }

    @Test
    void readsAnActAndTheActsOnAnOffer() throws OpusFault {
        referrals.returns("referral", referral(ReferralState.SENT, null))
                .returns("onOffer", List.of(referral(ReferralState.SENT, null)));

        assertEquals("ref-1", endpoint().acte("ref-1").id);
        assertEquals(1, endpoint().actesSurOffre(" 201WLXK ").size());
        assertEquals("201WLXK", referrals.calls.get(1).arg(1));
    }

    @Test
    void aRefusalIsTheTypedFaultWithTheRestStatusCodeAndTheSoapElement() {
        jobSeekers.fails("create", OpusException.invalid(ContactProblemCodes.INVALID_JOB_SEEKER,
                "Le canal préféré est le SMS : indiquez le numéro de téléphone.", "channel"));
        referrals.fails("referral", OpusException.notFound(ContactProblemCodes.REFERRAL_NOT_FOUND,
                "Acte introuvable."));
        referrals.fails("create", OpusException.conflict(ContactProblemCodes.DUPLICATE_REFERRAL,
                "Camille Dupont a déjà un acte en cours sur l'offre 201WLXK.", "jobSeekerId"));
        FicheDemandeurEmploiType fiche = new FicheDemandeurEmploiType();
        fiche.prenom = "Camille";
        fiche.nom = "Dupont";
        fiche.canal = CanalType.SMS;

        OpusFaultInfo invalid = fault(() -> endpoint().creerDemandeurEmploi(fiche));
        OpusFaultInfo notFound = fault(() -> endpoint().acte("ref-of-partner-b"));
        OpusFaultInfo duplicate = fault(() -> endpoint().creerActe("201WLXK", "js-1", TypeActeType.CONTACT, true,
                null));

        assertEquals(400, invalid.status);
        assertEquals("invalid-job-seeker", invalid.code);
        assertEquals("canal", invalid.field, "the fault names the SOAP element, not the JSON property");
        assertEquals(404, notFound.status);
        assertEquals("referral-not-found", notFound.code);
        assertNull(notFound.field);
        assertEquals(409, duplicate.status);
        assertEquals("demandeurEmploi", duplicate.field);
    }

    @Test
    void serviceFieldNamesBecomeSoapElementsIndexesKept() {
        assertEquals("prenom", ReferralEndpoint.element("firstName"));
        assertEquals("identifiantFranceTravail", ReferralEndpoint.element("ftIdentifier"));
        assertEquals("etat", ReferralEndpoint.element("state"));
        assertEquals("commentaire", ReferralEndpoint.element("comment"));
        assertEquals("demandeurEmploi[2]", ReferralEndpoint.element("jobSeekerIds[2]"));
        assertEquals("note", ReferralEndpoint.element("note"), "the same in both");
        assertEquals("message", ReferralEndpoint.element("message"));
        assertNull(ReferralEndpoint.element(null));
    }

    @Test
    void missingIdentifiersAreBadRequestsNamingTheElementAndCallNothing() {
        ReferralEndpoint endpoint = endpoint();

        assertEquals("id", fault(() -> endpoint.demandeurEmploi(" ")).field);
        assertEquals("id", fault(() -> endpoint.dossier(null)).field);
        assertEquals("id", fault(() -> endpoint.modifierDemandeurEmploi("", new FicheDemandeurEmploiType())).field);
        assertEquals("fiche", fault(() -> endpoint.creerDemandeurEmploi(null)).field);
        assertEquals("id", fault(() -> endpoint.acte("")).field);
        assertEquals("id", fault(() -> endpoint.faireAvancer(null, EtatActeType.SENT, null, null)).field);
        OpusFaultInfo noOffer = fault(() -> endpoint.actesSurOffre("  "));
        assertEquals(400, noOffer.status);
        assertEquals("invalid-parameter", noOffer.code);
        assertEquals("offre", noOffer.field);
        assertEquals("id", fault(() -> endpoint.presentation(null)).field);

        assertTrue(jobSeekers.calls.isEmpty() && referrals.calls.isEmpty() && presentations.calls.isEmpty());
    }

    @Test
    void theReasonsListEveryRejectionReasonWithLabelAndWhetherItMayBeTold() {
        List<MotifType> reasons = endpoint().motifs();

        assertEquals(RejectionReason.values().length, reasons.size());
        MotifType declined = reasons.stream().filter(m -> m.code == MotifNonRetenueType.CANDIDATE_DECLINED)
                .findFirst().orElseThrow();
        assertEquals("Le candidat a décliné l'offre", declined.libelle);
        assertFalse(declined.communicable);
        assertTrue(reasons.get(0).communicable);
    }

    private static Presentation presentation() {
        return new Presentation("pres-1", "201WLXK", "partner-a", "c-1", CREATED, "employer",
                new Delivery(Delivery.Status.SENT, 1, SENT, null),
                List.of(new Presentation.Candidate("js-1", "ref-1", "Camille", "Dupont", Channel.EMAIL,
                                new Delivery(Delivery.Status.FAILED, 12, null, "550 boîte inconnue")),
                        new Presentation.Candidate("js-2", "ref-2", "Noé", "Martin", Channel.SMS,
                                new Delivery(Delivery.Status.TO_RELAY, 0, null, null))));
    }

    @Test
    void presentsCandidatesOnceWithTheKeyAndShowsWhereEachMailStands() throws OpusFault {
        presentations.returns("present", presentation());

        PresentationType p = endpoint().presenter(" 201WLXK ", List.of("js-1", " js-2 "), "  ", " cle-42 ");

        assertEquals(Arrays.asList(COUNSELLOR, "201WLXK", List.of("js-1", "js-2"), null, "cle-42"),
                presentations.only("present").args());
        assertEquals("pres-1", p.id);
        assertEquals("employer", p.destinataire);
        assertEquals(StatutEnvoiType.SENT, p.courrierEmployeur.statut);
        assertEquals("2026-11-02T09:00:00Z", p.courrierEmployeur.envoyeLe);
        assertEquals(List.of("js-1", "js-2"), p.candidat.stream().map(c -> c.demandeurEmploi).toList());
        assertEquals(StatutEnvoiType.FAILED, p.candidat.get(0).avis.statut);
        assertEquals(12, p.candidat.get(0).avis.tentatives);
        assertEquals("550 boîte inconnue", p.candidat.get(0).avis.erreur);
        assertEquals(CanalType.SMS, p.candidat.get(1).canal);
        assertEquals(StatutEnvoiType.TO_RELAY, p.candidat.get(1).avis.statut);
    }

    @Test
    void presentingWithoutCandidatesLeavesTheRuleToTheService() throws OpusFault {
        presentations.fails("present", OpusException.invalid("invalid-parameter",
                "Choisissez au moins un candidat.", "jobSeekerIds"));

        OpusFaultInfo info = fault(() -> endpoint().presenter("201WLXK", null, null, null));

        assertEquals(List.of(), presentations.only("present").arg(2));
        assertEquals("demandeurEmploi", info.field);
    }

    @Test
    void readsAPresentation() throws OpusFault {
        presentations.returns("presentation", presentation());

        assertEquals(2, endpoint().presentation(" pres-1 ").candidat.size());
        assertEquals("pres-1", presentations.only("presentation").arg(1));
    }

    @Test
    void indicatorsAskActivityAndTripartiteFiguresForThePeriod() throws OpusFault {
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);
        indicators.returns("activity", List.of(new PlacementActivity("partner-a", from, to, 4, 2, 1, 3, 2, 1, 1, 3)))
                .returns("tripartite", new TripartiteIndicators(null, from, to, 8, 3, 4, 1, 6.5));

        IndicateursType result = endpoint().indicateurs("2026-11-01", "2026-11-30Z", " ");

        assertEquals(Arrays.asList(COUNSELLOR, from, to, null), indicators.calls.get(0).args());
        assertEquals("activity", indicators.calls.get(0).method());
        assertEquals(Arrays.asList(COUNSELLOR, from, to, null), indicators.calls.get(1).args());
        assertEquals("2026-11-01", result.du);
        assertEquals("2026-11-30", result.au);
        assertNull(result.partenaire);
        var line = result.activite.get(0);
        assertEquals(List.of(4L, 2L, 1L, 3L, 2L, 1L, 1L, 3L), List.of(line.misesEnContact, line.misesEnRelation,
                line.convocations, line.presentations, line.recrutes, line.nonRetenus, line.sansReponse,
                line.enCours));
        assertEquals(8, result.tripartite.offres);
        assertEquals(0.375, result.tripartite.partContactDirect);
        assertEquals(0.25, result.tripartite.partPreselectionSatisfaites);
        assertEquals(6.5, result.tripartite.delaiMoyenSatisfactionJours);
    }

    @Test
    void indicatorsWithoutOffersLeaveTheSharesOut() throws OpusFault {
        LocalDate day = LocalDate.of(2026, 11, 1);
        indicators.returns("activity", List.of())
                .returns("tripartite", new TripartiteIndicators("partner-a", day, day, 0, 0, 0, 0, null));

        IndicateursType result = endpoint().indicateurs("2026-11-01", "2026-11-01", "partner-a");

        assertEquals("partner-a", indicators.calls.get(0).arg(3));
        assertNull(result.tripartite.partContactDirect);
        assertNull(result.tripartite.partPreselectionSatisfaites);
        assertNull(result.tripartite.delaiMoyenSatisfactionJours);
    }

    @Test
    void aMalformedDayIsABadRequestNamingTheElementAndCallsNothing() {
        OpusFaultInfo badEnd = fault(() -> endpoint().indicateurs("2026-11-01", "30/11/2026", null));

        assertEquals(400, badEnd.status);
        assertEquals("invalid-parameter", badEnd.code);
        assertEquals("au", badEnd.field);
        assertTrue(badEnd.detail.contains("30/11/2026"), badEnd.detail);
        assertTrue(indicators.calls.isEmpty());
    }

    @Test
    void theServiceJudgesThePeriodAndItsFaultNamesTheSoapElement() {
        indicators.fails("activity", OpusException.invalid("invalid-parameter",
                "La période est obligatoire : dates de début et de fin (AAAA-MM-JJ).", "from"));

        OpusFaultInfo noStart = fault(() -> endpoint().indicateurs(" ", "2026-11-30", null));

        assertEquals(Arrays.asList(COUNSELLOR, null, LocalDate.of(2026, 11, 30), null),
                indicators.only("activity").args());
        assertEquals("du", noStart.field);
    }

    /** Who may call each operation: the REST resources' rules, and the brief's for presentations and indicators. */
    private static final Map<String, List<Role>> ROLES = Map.ofEntries(
            Map.entry("demandeursEmploi", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("demandeurEmploi", people()),
            Map.entry("creerDemandeurEmploi", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("modifierDemandeurEmploi", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("dossier", people()),
            Map.entry("creerActe", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("faireAvancer", people()),
            Map.entry("acte", people()),
            Map.entry("actesSurOffre", people()),
            Map.entry("motifs", people()),
            Map.entry("presenter", List.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR)),
            Map.entry("presentation", people()),
            Map.entry("indicateurs", people()));

    private static List<Role> people() {
        return List.of(Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR);
    }

    @Test
    void everyOperationNamesWhoMayCallItAsOverRest() throws NoSuchMethodException {
        Set<String> withService = Set.of("creerActe", "presenter");
        assertEquals(ROLES.keySet(), Arrays.stream(ReferralPort.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet()));
        for (Method operation : ReferralPort.class.getMethods()) {
            Method implemented = ReferralEndpoint.class.getMethod(operation.getName(), operation.getParameterTypes());
            Guard.Rule rule = Guard.ruleOf(implemented, ReferralEndpoint.class);
            assertNotNull(rule.permit(), operation.getName() + " has no @Permit: it would be refused to everyone");
            assertEquals(ROLES.get(operation.getName()), List.of(rule.permit().value()), operation.getName());
            assertEquals(withService.contains(operation.getName()) ? "consultation-offres" : "",
                    rule.permit().service(), operation.getName());
            assertEquals("", rule.permit().scope(), operation.getName() + ": no partner application calls it");
        }
    }

    @Test
    void soapEnumerationsRoundTripTheApis() {
        for (Channel c : Channel.values()) {
            assertEquals(c, CanalType.of(c).channel());
        }
        for (ReferralKind k : ReferralKind.values()) {
            assertEquals(k, TypeActeType.of(k).kind());
        }
        for (ReferralState s : ReferralState.values()) {
            assertEquals(s, EtatActeType.of(s).state());
        }
        for (RejectionReason r : RejectionReason.values()) {
            assertEquals(r, MotifNonRetenueType.of(r).reason());
        }
        for (Delivery.Status s : Delivery.Status.values()) {
            assertEquals(s.name(), StatutEnvoiType.of(s).name());
        }
        assertEquals(Channel.values().length, CanalType.values().length);
        assertEquals(ReferralState.values().length, EtatActeType.values().length);
        assertEquals(RejectionReason.values().length, MotifNonRetenueType.values().length);
        assertEquals(Delivery.Status.values().length, StatutEnvoiType.values().length);
    }
}
