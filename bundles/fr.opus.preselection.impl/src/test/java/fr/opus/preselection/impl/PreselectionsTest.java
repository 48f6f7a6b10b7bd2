package fr.opus.preselection.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.PreselectionProblemCodes;
import fr.opus.preselection.api.Preselections;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The preselection rules on a real Derby database made by the real migration, with core's APIs as fakes. */
class PreselectionsTest {

    private static final Set<String> SERVICES = Set.of(ServiceDefinition.CONSULTATION_OFFRES,
            ServiceDefinition.DELEGATION_MER, Preselections.SERVICE);
    private static final Caller LEA = new Caller("acc-lea", "lmartin", Role.COUNSELLOR, "partner-a", "conv-a", "84",
            SERVICES, Set.of(), null);
    private static final Caller NOE = new Caller("acc-noe", "nblanc", Role.COUNSELLOR, "partner-b", "conv-b", "84",
            Set.of(ServiceDefinition.CONSULTATION_OFFRES, Preselections.SERVICE), Set.of(), null);
    private static final Caller MANAGER = new Caller("acc-max", "mgestion", Role.COUNSELLOR, "partner-m", "conv-m",
            "84", SERVICES, Set.of(), null);
    private static final Caller AGENT = new Caller("acc-ft", "fagent", Role.FT_AGENT, null, null, "84", Set.of(),
            Set.of(), null);

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final Map<String, Offer> offers = new HashMap<>();
    private final Map<String, Referral> acts = new HashMap<>();
    private final List<DomainEvent> published = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private boolean outboxFails;
    private final PreselectionManager preselections;

    PreselectionsTest() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource.setDatabaseName("memory:preselection" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("PRESELECTION").table("SCHEMA_HISTORY")
                .locations("classpath:db/preselection").load().migrate();
        OfferCatalog catalog = new OfferCatalog() {
            @Override
            public Optional<Offer> find(String id) {
                return Optional.ofNullable(offers.get(id));
            }

            @Override
            public Optional<OfferContent> findPublished(String id) {
                throw new AssertionError("not called");
            }

            @Override
            public List<String> activeOfferIds(Instant publishedBefore) {
                throw new AssertionError("not called");
            }

            @Override
            public OfferPage search(OfferQuery query) {
                throw new AssertionError("not called");
            }

            @Override
            public List<Offer> findBySiret(String siret) {
                throw new AssertionError("not called");
            }
        };
        PartnerDirectory partners = (PartnerDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("partner")) {
                        throw new AssertionError("not called: " + method.getName());
                    }
                    String id = (String) args[1];
                    return new Partner(id, PartnerKind.MISSION_LOCALE, "Structure " + id,
                            id.equals("partner-m") ? "38099" : "38001", "84", null, now, now);
                });
        AuditTrail audit = (AuditTrail) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("record")) {
                        throw new AssertionError("not called: " + method.getName());
                    }
                    audited.add((String) args[2]);
                    return null;
                });
        EventOutbox outbox = (connection, event) -> {
            if (outboxFails) {
                throw new IllegalStateException("outbox down");
            }
            published.add(event);
        };
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        preselections = new PreselectionManager(dataSource, catalog, new FakeReferrals(), partners, audit, outbox,
                clock, 15);
        offer("PRE001", PreselectionLevel.VERIFICATION);
        offer("PRE002", PreselectionLevel.ENDORSEMENT);
        offer("PRE003", PreselectionLevel.ASSESSMENT);
        offer("OPEN01", null);
    }

    @Test
    void aVerificationCandidateIsProposedReviewedTransmittedAndTheFeedbackMovesTheAct() {
        preselections.define(AGENT, "PRE001", new PreselectionDraft(List.of("Permis B", "CACES R489"), null, null, 3));

        Candidacy proposed = preselections.propose(LEA, "PRE001", verification("js-1"));
        assertEquals(CandidacyState.PROPOSED, proposed.state());
        Referral act = acts.get(proposed.referralId());
        assertEquals(ReferralKind.RELATION, act.kind(), "a partner with delegation-mer makes a mise en relation");
        assertEquals(ReferralState.PROPOSED, act.state(), "prepared, not sent: the correspondent transmits");
        assertEquals(1, preselections.preselection(AGENT, "PRE001").proposed());

        Candidacy transmitted = preselections.review(AGENT, proposed.id(), true, null);
        assertEquals(CandidacyState.TRANSMITTED, transmitted.state());
        assertEquals("fagent", transmitted.reviewedBy());
        assertEquals(ReferralState.SENT, acts.get(act.id()).state());

        Candidacy received = preselections.feedback(AGENT, proposed.id(),
                EmployerFeedback.of(true, null, null, null));
        assertEquals(CandidacyState.RECEIVED, received.state());
        assertEquals(ReferralState.SUMMONED, acts.get(act.id()).state());
        assertFalse(preselections.preselection(AGENT, "PRE001").commitments().kept(),
                "received is not yet a decision");

        Candidacy hired = preselections.feedback(AGENT, proposed.id(), EmployerFeedback.of(null, true, null,
                "Très bonne prise de poste"));
        assertEquals(CandidacyState.HIRED, hired.state());
        assertEquals(ReferralState.HIRED, acts.get(act.id()).state());
        assertEquals(Boolean.TRUE, hired.feedback().received(), "the earlier 'received' is kept");
        assertTrue(lastComment(act.id()).contains("Très bonne prise de poste"),
                "the employer's feedback goes into the job seeker's file");
        assertTrue(preselections.preselection(AGENT, "PRE001").commitments().kept());
        assertEquals(List.of("preselection.candidacy-proposed", "preselection.candidacy-transmitted",
                "preselection.feedback-recorded", "preselection.feedback-recorded"),
                published.stream().map(DomainEvent::type).toList());
        assertTrue(published.stream().allMatch(e -> e.partnerIds().equals(Set.of("partner-a"))));
    }

    @Test
    void aProposalMustMeetWhatTheLevelRequires() {
        preselections.define(AGENT, "PRE001", new PreselectionDraft(List.of("Permis B"), null, null, null));
        CandidacyDraft unchecked = new CandidacyDraft("js-1", true, LocalDate.parse("2026-12-01"),
                Map.of("Permis B", false), null, null, null, null);
        assertEquals(PreselectionProblemCodes.REQUIREMENTS_NOT_MET,
                refused(() -> preselections.propose(LEA, "PRE001", unchecked)).code());
        CandidacyDraft uninterested = new CandidacyDraft("js-1", false, LocalDate.parse("2026-12-01"),
                Map.of("Permis B", true), null, null, null, null);
        OpusException e = refused(() -> preselections.propose(LEA, "PRE001", uninterested));
        assertEquals(422, e.status());
        assertEquals("interested", e.field());
        assertTrue(acts.isEmpty(), "a refused proposal prepares no act");

        // valorisation: criteria must be set first, then every criterion scored and a synthesis written
        assertEquals(PreselectionProblemCodes.NOT_DEFINED,
                refused(() -> preselections.propose(LEA, "PRE002", endorsement("js-2", Map.of()))).code());
        preselections.define(AGENT, "PRE002", new PreselectionDraft(List.of(),
                List.of(new Criterion("Relation client", 3), new Criterion("Caisse", 1)), null, null));
        OpusException unscored = refused(() -> preselections.propose(LEA, "PRE002",
                endorsement("js-2", Map.of("Relation client", 4))));
        assertEquals("scores", unscored.field());
        Candidacy scored = preselections.propose(LEA, "PRE002",
                endorsement("js-2", Map.of("Relation client", 4, "Caisse", 2)));
        assertEquals(3.5, scored.weightedScore(), "(3×4 + 1×2) / 4");

        // évaluation: a favourable result for each of the offer's tools
        preselections.define(AGENT, "PRE003", new PreselectionDraft(List.of(), null, List.of(AssessmentTool.MRS),
                null));
        CandidacyDraft unfavourable = assessment("js-3", false);
        assertEquals(PreselectionProblemCodes.REQUIREMENTS_NOT_MET,
                refused(() -> preselections.propose(LEA, "PRE003", unfavourable)).code());
        Candidacy assessed = preselections.propose(LEA, "PRE003", assessment("js-3", true));
        assertEquals(List.of(AssessmentTool.MRS), assessed.assessments().stream().map(Assessment::tool).toList());
    }

    @Test
    void theRequirementsFitTheLevelAndOnlyFranceTravailSetsThem() {
        assertEquals(PreselectionProblemCodes.INVALID_PRESELECTION, refused(() -> preselections.define(AGENT,
                "PRE001", new PreselectionDraft(List.of(), List.of(new Criterion("Caisse", 2)), null, null))).code());
        assertEquals(PreselectionProblemCodes.INVALID_PRESELECTION, refused(() -> preselections.define(AGENT,
                "PRE002", new PreselectionDraft(List.of(), List.of(), null, null))).code());
        assertEquals(PreselectionProblemCodes.INVALID_PRESELECTION, refused(() -> preselections.define(AGENT,
                "PRE003", new PreselectionDraft(List.of("Permis B", "permis b"), null, List.of(AssessmentTool.EMT),
                        null))).code());
        assertEquals(ProblemCodes.FORBIDDEN_PERSONAL_DATA, refused(() -> preselections.define(AGENT, "PRE001",
                new PreselectionDraft(List.of("Pas de maladie chronique"), null, null, null))).code());
        assertEquals(403, refused(() -> preselections.define(LEA, "PRE001",
                new PreselectionDraft(List.of(), null, null, null))).status());
        assertEquals(409, refused(() -> preselections.preselection(LEA, "OPEN01")).status());
        assertEquals(404, refused(() -> preselections.preselection(LEA, "NOPE99")).status());

        OfferPreselection set = preselections.define(AGENT, "PRE003", new PreselectionDraft(List.of("Permis B"),
                List.of(new Criterion("Rigueur", 2)), List.of(AssessmentTool.EMT, AssessmentTool.MRS), 5));
        assertTrue(set.defined());
        assertEquals(List.of(AssessmentTool.EMT, AssessmentTool.MRS), set.tools());
        assertEquals(2, set.commitments().expected().size());
        OfferPreselection again = preselections.define(AGENT, "PRE003", new PreselectionDraft(List.of(), null,
                List.of(AssessmentTool.ECCP), null));
        assertEquals(List.of(), again.prerequisites(), "a new setting replaces the old one");
        assertEquals("fagent", again.updatedBy());
    }

    @Test
    void anotherPartnerSeesNothingButTheManagingPartnerSeesAll() {
        Offer plain = offer("PRE004", PreselectionLevel.VERIFICATION);
        offers.put("PRE004", new Offer(plain.id(), plain.status(), 1, now, null, null, plain.preselection(), null,
                new ManagingPartner("38099", "Structure gestionnaire", "offres@gestion.example", null), null,
                plain.content()));
        Candidacy lea = preselections.propose(LEA, "PRE004", verification("js-1"));
        assertEquals(404, refused(() -> preselections.candidacy(NOE, lea.id())).status());
        assertEquals(List.of(), preselections.candidacies(NOE, "PRE004"));
        assertEquals(1, preselections.candidacies(MANAGER, "PRE004").size());
        assertEquals(lea.id(), preselections.candidacy(MANAGER, lea.id()).id());
        assertEquals(403, refused(() -> preselections.withdraw(MANAGER, lea.id(), null)).status(),
                "the managing partner reads, it does not withdraw another partner's candidate");
        assertEquals(1, preselections.candidacies(AGENT, "PRE004").size());
        assertEquals(404, refused(() -> preselections.withdraw(NOE, lea.id(), null)).status());
    }

    @Test
    void aPartnerWithoutTheDelegationProposesThroughAConvocation() {
        Candidacy proposed = preselections.propose(NOE, "PRE001", verification("js-9"));
        assertEquals(ReferralKind.SUMMONS, acts.get(proposed.referralId()).kind());
    }

    @Test
    void aDeclinedCandidacySaysWhyAndStepsOutOfOrderAreRefused() {
        Candidacy proposed = preselections.propose(LEA, "PRE001", verification("js-1"));
        assertEquals(ProblemCodes.INVALID_PARAMETER,
                refused(() -> preselections.review(AGENT, proposed.id(), false, " ")).code());
        assertEquals(PreselectionProblemCodes.CANDIDACY_STATE, refused(() -> preselections.feedback(AGENT,
                proposed.id(), EmployerFeedback.of(true, true, null, null))).code());
        Candidacy declined = preselections.review(AGENT, proposed.id(), false, "Le poste demande le CACES R489");
        assertEquals(CandidacyState.DECLINED, declined.state());
        assertEquals(ReferralState.WITHDRAWN, acts.get(proposed.referralId()).state());
        assertEquals(PreselectionProblemCodes.CANDIDACY_STATE,
                refused(() -> preselections.review(AGENT, proposed.id(), true, null)).code());
        assertEquals(403, refused(() -> preselections.review(LEA, proposed.id(), true, null)).status());
    }

    @Test
    void theFeedbackCarriesWhatTheLevelRequires() {
        preselections.define(AGENT, "PRE002", new PreselectionDraft(List.of(), List.of(new Criterion("Caisse", 1)),
                null, null));
        Candidacy c = preselections.propose(LEA, "PRE002", endorsement("js-2", Map.of("Caisse", 3)));
        preselections.review(AGENT, c.id(), true, null);
        assertEquals("reason", refused(() -> preselections.feedback(AGENT, c.id(),
                EmployerFeedback.of(true, false, null, "Profil trop junior"))).field());
        assertEquals("comment", refused(() -> preselections.feedback(AGENT, c.id(),
                EmployerFeedback.of(true, false, RejectionReason.EXPERIENCE_INSUFFICIENT, null))).field());
        assertEquals(CandidacyState.TRANSMITTED, preselections.candidacy(AGENT, c.id()).state(),
                "a refused feedback changes nothing");
        Candidacy rejected = preselections.feedback(AGENT, c.id(), EmployerFeedback.of(true, false,
                RejectionReason.EXPERIENCE_INSUFFICIENT, "Bon contact, manque d'expérience en caisse"));
        assertEquals(CandidacyState.NOT_RETAINED, rejected.state());
        Referral act = acts.get(c.referralId());
        assertEquals(ReferralState.NOT_RETAINED, act.state());
        assertEquals(RejectionReason.EXPERIENCE_INSUFFICIENT, act.reason());
        assertTrue(lastComment(act.id()).contains("manque d'expérience"),
                "the feedback on a rejected candidate enriches their file");
    }

    @Test
    void commitmentsAreOverdueAfterTheDelayAndIndicatorsCountSatisfiedOffers() {
        Candidacy a = preselections.propose(LEA, "PRE001", verification("js-1"));
        Candidacy b = preselections.propose(NOE, "PRE001", verification("js-2"));
        preselections.review(AGENT, a.id(), true, null);
        preselections.review(AGENT, b.id(), true, null);
        now = now.plus(Duration.ofDays(16));
        assertEquals(2, preselections.preselection(AGENT, "PRE001").commitments().overdue());
        preselections.feedback(AGENT, a.id(), EmployerFeedback.of(true, true, null, null));
        assertEquals(PreselectionProblemCodes.NOT_DEFINED, refused(() -> preselections.propose(LEA, "PRE002",
                endorsement("js-5", Map.of()))).code());

        PreselectionIndicators all = preselections.indicators(AGENT, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-31"), null);
        assertEquals(1, all.offers(), "the endorsement proposal was refused: its criteria were not set");
        assertEquals(1, all.satisfied());
        assertEquals(1.0, all.satisfiedShare());
        assertEquals(16.0, all.meanDaysToSatisfy());
        assertEquals(2, all.proposed());
        assertEquals(2, all.transmitted());
        assertEquals(0.5, all.commitmentsKeptShare());

        PreselectionIndicators mine = preselections.indicators(NOE, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-31"), null);
        assertEquals("partner-b", mine.partnerId());
        assertEquals(0, mine.satisfied());
        assertEquals(403, refused(() -> preselections.indicators(NOE, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-31"), "partner-a")).status());
    }

    @Test
    void theCandidacyFollowsItsActWhenItMovesElsewhere() {
        Candidacy c = preselections.propose(LEA, "PRE001", verification("js-1"));
        preselections.review(AGENT, c.id(), true, null);
        preselections.actMoved(c.referralId(), ReferralState.SENT);
        assertEquals(CandidacyState.TRANSMITTED, preselections.candidacy(AGENT, c.id()).state(), "already there");
        preselections.actMoved(c.referralId(), ReferralState.OBSOLETE);
        assertEquals(CandidacyState.WITHDRAWN, preselections.candidacy(AGENT, c.id()).state(), "the offer closed");
        preselections.actMoved(c.referralId(), ReferralState.SENT);
        assertEquals(CandidacyState.WITHDRAWN, preselections.candidacy(AGENT, c.id()).state(), "final stays final");
        preselections.actMoved("unknown-act", ReferralState.HIRED);
    }

    @Test
    void theHandlerFollowsCoresStateChangedEvents() {
        Candidacy c = preselections.propose(LEA, "PRE001", verification("js-1"));
        ReferralStateHandler handler = new ReferralStateHandler(preselections);
        handler.handle(new DomainEvent("referral:" + c.referralId() + ":2", "referral.state-changed", now,
                Set.of("partner-a"), c.referralId(), Map.of("referralId", c.referralId(), "from", "PROPOSED", "to",
                        "WITHDRAWN")));
        assertEquals(CandidacyState.WITHDRAWN, preselections.candidacy(LEA, c.id()).state(),
                "the counsellor withdrew the act through core");
        handler.handle(new DomainEvent("referral:other:1", "referral.state-changed", now, Set.of("partner-a"),
                "other", Map.of("referralId", "other", "to", "HIRED")));
        handler.handle(new DomainEvent("ping", "referral.state-changed", now, Set.of("partner-a"), "x", Map.of()));
    }

    @Test
    void aProposalThatCannotBeStoredLeavesNoOpenAct() {
        outboxFails = true;
        assertThrows(IllegalStateException.class, () -> preselections.propose(LEA, "PRE001", verification("js-1")));
        assertEquals(1, acts.size());
        assertEquals(ReferralState.WITHDRAWN, acts.values().iterator().next().state(),
                "core's act is withdrawn when the module's transaction fails");
        assertEquals(List.of(), preselections.candidacies(AGENT, "PRE001"));

        outboxFails = false;
        Candidacy again = preselections.propose(LEA, "PRE001", verification("js-1"));
        assertEquals(CandidacyState.PROPOSED, again.state());
        preselections.withdraw(LEA, again.id(), "Le candidat a trouvé une formation");
        assertEquals(ReferralState.WITHDRAWN, acts.get(again.referralId()).state());
        assertEquals(CandidacyState.WITHDRAWN, preselections.candidacy(LEA, again.id()).state());
        assertNull(preselections.candidacy(LEA, again.id()).feedback());
        assertTrue(audited.contains("preselection.withdraw"));
    }

    @Test
    void aLongFeedbackIsWholeInTheCandidacyAndCutForCoresAct() {
        Candidacy c = preselections.propose(LEA, "PRE001", verification("js-1"));
        preselections.review(AGENT, c.id(), true, null);
        String long1900 = "Très bon contact avec l'équipe. ".repeat(60).strip();
        Candidacy hired = preselections.feedback(AGENT, c.id(), EmployerFeedback.of(true, true, null, long1900));
        assertEquals(long1900, hired.feedback().comment());
        String onAct = lastComment(c.referralId());
        assertEquals(PreselectionManager.CORE_COMMENT, onAct.length());
        assertTrue(onAct.startsWith("Retour de l'employeur : Très bon contact"));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private CandidacyDraft verification(String jobSeekerId) {
        Map<String, Boolean> checked = new HashMap<>();
        for (String p : preselections.preselection(AGENT, "PRE001").prerequisites()) {
            checked.put(p, true);
        }
        return new CandidacyDraft(jobSeekerId, true, LocalDate.parse("2026-12-01"), checked, null, null, null, null);
    }

    private static CandidacyDraft endorsement(String jobSeekerId, Map<String, Integer> scores) {
        return new CandidacyDraft(jobSeekerId, true, LocalDate.parse("2026-12-01"), Map.of(),
                "Trois ans en grande surface, à l'aise avec la clientèle, disponible en horaires décalés.", scores,
                null, null);
    }

    private static CandidacyDraft assessment(String jobSeekerId, boolean favourable) {
        return new CandidacyDraft(jobSeekerId, true, LocalDate.parse("2026-12-01"), Map.of(),
                "Méthode de recrutement par simulation réussie, très bonne dextérité et respect des consignes.",
                null, List.of(new Assessment(AssessmentTool.MRS, LocalDate.parse("2026-11-10"), favourable, null)),
                null);
    }

    private Offer offer(String id, PreselectionLevel level) {
        Offer offer = new Offer(id, OfferStatus.ACTIVE, 1, now, null, SupportLevel.SUPPORT, level, null, null, null,
                OfferContent.builder().id(id).title("Offre " + id).build());
        offers.put(id, offer);
        return offer;
    }

    private String lastComment(String referralId) {
        List<ReferralEvent> history = acts.get(referralId).history();
        return history.get(history.size() - 1).comment();
    }

    private static OpusException refused(Executable call) {
        return assertThrows(OpusException.class, call);
    }

    /** Core's referrals, reduced to the rules the module relies on: state machine, one open act, visibility. */
    private final class FakeReferrals implements Referrals {

        @Override
        public Referral create(Caller by, String offerId, String jobSeekerId, ReferralKind kind, boolean send,
                String comment) {
            boolean open = acts.values().stream().anyMatch(r -> r.offerId().equals(offerId)
                    && r.jobSeekerId().equals(jobSeekerId) && r.state().open());
            if (open) {
                throw OpusException.conflict("duplicate-referral", "Un acte est déjà en cours.", "jobSeekerId");
            }
            ReferralState state = send ? ReferralState.SENT : ReferralState.PROPOSED;
            Referral r = new Referral(UUID.randomUUID().toString(), kind, offerId, jobSeekerId, by.partnerId(),
                    by.id(), state, null, now, now, List.of(new ReferralEvent(now, by.login(), null, state, null,
                            comment)));
            acts.put(r.id(), r);
            return r;
        }

        @Override
        public Referral move(Caller by, String referralId, ReferralState to, RejectionReason reason,
                String comment) {
            Referral r = referral(by, referralId);
            if (!r.state().mayMoveTo(to)) {
                throw OpusException.conflict("invalid-transition", r.state() + " -> " + to, "state");
            }
            List<ReferralEvent> history = new ArrayList<>(r.history());
            history.add(new ReferralEvent(now, by.login(), r.state(), to, reason, comment));
            Referral moved = new Referral(r.id(), r.kind(), r.offerId(), r.jobSeekerId(), r.partnerId(),
                    r.counsellorId(), to, reason, r.createdAt(), now, history);
            acts.put(r.id(), moved);
            return moved;
        }

        @Override
        public Referral referral(Caller by, String referralId) {
            Referral r = acts.get(referralId);
            if (r == null || !by.mayActFor(r.partnerId())) {
                throw OpusException.notFound("referral-not-found", "introuvable");
            }
            return r;
        }

        @Override
        public List<Referral> onOffer(Caller by, String offerId) {
            throw new AssertionError("not called");
        }
    }
}
