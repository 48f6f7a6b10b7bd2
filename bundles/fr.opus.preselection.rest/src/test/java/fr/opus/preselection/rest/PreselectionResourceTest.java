package fr.opus.preselection.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.rest.openapi.CallerContext;
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
import fr.opus.preselection.api.Preselections;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/** The resource is thin: it checks what is its own (a body, {@code transmit}, the dates) and hands the rest over. */
class PreselectionResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static final Caller COUNSELLOR = new Caller("a-1", "cmartin", Role.COUNSELLOR, "p-1", "c-1", "84",
            Set.of(Preselections.SERVICE), Set.of(), null);
    private static final Caller AGENT = new Caller("a-9", "fdupont", Role.FT_AGENT, null, null, "84", Set.of(),
            Set.of(), null);

    private final FakePreselections service = new FakePreselections();
    private final PreselectionResource resource = new PreselectionResource(service);

    @Test
    void aProposalAnswers201WithTheCandidacyAndWhereItLives() {
        CandidacyDraft draft = new CandidacyDraft("js-42", true, LocalDate.parse("2026-12-01"),
                Map.of("Permis B", true), null, null, null, null);

        Response response = resource.propose(as(COUNSELLOR), "201WLXK", draft);

        assertEquals(201, response.getStatus());
        assertEquals("/api/v1/preselection/candidacies/c-1", String.valueOf(response.getLocation()));
        Candidacy candidacy = (Candidacy) response.getEntity();
        assertEquals("201WLXK", candidacy.offerId());
        assertEquals(List.of("propose cmartin 201WLXK js-42"), service.calls);
    }

    @Test
    void aMissingBodyIsAMalformedBodyAndNothingIsCalled() {
        for (Runnable call : List.<Runnable>of(
                () -> resource.define(as(AGENT), "201WLXK", null),
                () -> resource.propose(as(COUNSELLOR), "201WLXK", null),
                () -> resource.review(as(AGENT), "c-1", null),
                () -> resource.feedback(as(AGENT), "c-1", null))) {
            OpusException refused = assertThrows(OpusException.class, call::run);
            assertEquals(400, refused.status());
            assertEquals(ProblemCodes.MALFORMED_BODY, refused.code());
        }
        assertEquals(List.of(), service.calls);
    }

    @Test
    void aReviewWithoutTransmitIs400NamingTheFieldInFrench() {
        OpusException refused = assertThrows(OpusException.class,
                () -> resource.review(as(AGENT), "c-1", new PreselectionResource.Review(null, "Profil conforme.")));

        assertEquals(400, refused.status());
        assertEquals(ProblemCodes.INVALID_PARAMETER, refused.code());
        assertEquals("transmit", refused.field());
        assertTrue(refused.detail().startsWith("Indiquez « transmit » : true pour transmettre"), refused.detail());
        assertEquals(List.of(), service.calls, "nothing is reviewed");
    }

    @Test
    void aReviewHandsTheDecisionAndTheNoteOver() {
        resource.review(as(AGENT), "c-1", new PreselectionResource.Review(false, "Prérequis non vérifiables."));

        assertEquals(List.of("review fdupont c-1 false Prérequis non vérifiables."), service.calls);
    }

    @Test
    void aFeedbackIsHandedOverAsSentTheRecorderLeftToTheService() {
        resource.feedback(as(AGENT), "c-1", new PreselectionResource.Feedback(true, false,
                RejectionReason.EXPERIENCE_INSUFFICIENT, "Manque d'expérience en caisse."));

        assertEquals(EmployerFeedback.of(true, false, RejectionReason.EXPERIENCE_INSUFFICIENT,
                "Manque d'expérience en caisse."), service.feedback);
        assertNull(service.feedback.recordedBy());
    }

    @Test
    void aWithdrawalNeedsNoNote() {
        resource.withdraw(as(COUNSELLOR), "c-1", null);
        resource.withdraw(as(COUNSELLOR), "c-1", new PreselectionResource.Withdrawal(null));
        resource.withdraw(as(COUNSELLOR), "c-1", new PreselectionResource.Withdrawal("A trouvé un emploi."));

        assertEquals(List.of("withdraw cmartin c-1 null", "withdraw cmartin c-1 null",
                "withdraw cmartin c-1 A trouvé un emploi."), service.calls);
    }

    @Test
    void indicatorsReadTheirDatesAndLeaveTheRestToTheService() {
        PreselectionIndicators figures = resource.indicators(as(AGENT), " 2026-01-01", "2026-03-31 ", " ");

        assertEquals(LocalDate.parse("2026-01-01"), figures.from());
        assertEquals(List.of("indicators fdupont 2026-01-01 2026-03-31 null"), service.calls);
        resource.indicators(as(AGENT), "2026-01-01", "2026-03-31", " p-1 ");
        assertEquals("indicators fdupont 2026-01-01 2026-03-31 p-1", service.calls.get(1));
    }

    @Test
    void aMissingOrMalformedDateIs400NamingIt() {
        Map<String, String[]> cases = Map.of(
                "from", new String[] {null, "2026-03-31"},
                "to", new String[] {"2026-01-01", "31/03/2026"});
        cases.forEach((field, dates) -> {
            OpusException refused = assertThrows(OpusException.class,
                    () -> resource.indicators(as(AGENT), dates[0], dates[1], null));
            assertEquals(400, refused.status());
            assertEquals(ProblemCodes.INVALID_PARAMETER, refused.code());
            assertEquals(field, refused.field());
        });
        assertEquals("Date invalide « 2026-13-01 » : attendu AAAA-MM-JJ.", assertThrows(OpusException.class,
                () -> resource.indicators(as(AGENT), "2026-13-01", "2026-03-31", null)).detail());
        assertEquals(List.of(), service.calls);
    }

    @Test
    void readsAreHandedOverForTheCaller() {
        assertEquals("201WLXK", resource.preselection(as(COUNSELLOR), "201WLXK").offerId());
        assertEquals(1, resource.candidacies(as(COUNSELLOR), "201WLXK").size());
        assertEquals("c-1", resource.candidacy(as(COUNSELLOR), "c-1").id());
        OfferPreselection defined = resource.define(as(AGENT), "201WLXK",
                new PreselectionDraft(List.of("Permis B"), null, null, 5));
        assertSame(service.defined, defined);
        assertEquals(List.of("preselection cmartin 201WLXK", "candidacies cmartin 201WLXK", "candidacy cmartin c-1",
                "define fdupont 201WLXK"), service.calls);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static SecurityContext as(Caller caller) {
        return new CallerContext(caller);
    }

    /** A preselection of a valorisation, every value set. */
    static OfferPreselection preselection(String offerId) {
        return new OfferPreselection(offerId, PreselectionLevel.ENDORSEMENT, true, List.of("Permis B"),
                List.of(new Criterion("Aisance avec la clientèle", 5)), List.of(AssessmentTool.MRS), 5, 2,
                new Commitments(List.of("Un retour argumenté sur chaque candidature"), 3, 2, 1, false), "fdupont",
                NOW);
    }

    /** A candidacy on a valorisation, every value set. */
    static Candidacy candidacy(String id, String offerId, String jobSeekerId, CandidacyState state,
            EmployerFeedback feedback) {
        return new Candidacy(id, offerId, "r-1", jobSeekerId, "p-1", "cmartin", PreselectionLevel.ENDORSEMENT, state,
                LocalDate.parse("2026-12-01"), Map.of("Permis B", true), "Deux saisons en caisse, à l'aise avec la"
                        + " clientèle, recommandé par son dernier employeur.", Map.of("Aisance avec la clientèle", 4),
                4.0, List.of(new Assessment(AssessmentTool.MRS, LocalDate.parse("2026-11-02"), true, "Très à l'aise.")),
                "Disponible dès lundi.", "fdupont", "Profil conforme.", NOW, feedback, NOW, NOW);
    }

    /** Records each call as one line, and answers with fixed records. */
    static final class FakePreselections implements Preselections {

        final List<String> calls = new ArrayList<>();
        EmployerFeedback feedback;
        OfferPreselection defined;

        @Override
        public OfferPreselection preselection(Caller by, String offerId) {
            calls.add("preselection " + by.login() + " " + offerId);
            return PreselectionResourceTest.preselection(offerId);
        }

        @Override
        public OfferPreselection define(Caller by, String offerId, PreselectionDraft draft) {
            calls.add("define " + by.login() + " " + offerId);
            defined = PreselectionResourceTest.preselection(offerId);
            return defined;
        }

        @Override
        public Candidacy propose(Caller by, String offerId, CandidacyDraft draft) {
            calls.add("propose " + by.login() + " " + offerId + " " + draft.jobSeekerId());
            return PreselectionResourceTest.candidacy("c-1", offerId, draft.jobSeekerId(), CandidacyState.PROPOSED,
                    null);
        }

        @Override
        public List<Candidacy> candidacies(Caller by, String offerId) {
            calls.add("candidacies " + by.login() + " " + offerId);
            return List.of(PreselectionResourceTest.candidacy("c-1", offerId, "js-42", CandidacyState.PROPOSED, null));
        }

        @Override
        public Candidacy candidacy(Caller by, String candidacyId) {
            calls.add("candidacy " + by.login() + " " + candidacyId);
            return PreselectionResourceTest.candidacy(candidacyId, "201WLXK", "js-42", CandidacyState.PROPOSED, null);
        }

        @Override
        public Candidacy review(Caller by, String candidacyId, boolean transmit, String note) {
            calls.add("review " + by.login() + " " + candidacyId + " " + transmit + " " + note);
            return PreselectionResourceTest.candidacy(candidacyId, "201WLXK", "js-42",
                    transmit ? CandidacyState.TRANSMITTED : CandidacyState.DECLINED, null);
        }

        @Override
        public Candidacy feedback(Caller by, String candidacyId, EmployerFeedback sent) {
            calls.add("feedback " + by.login() + " " + candidacyId);
            feedback = sent;
            return PreselectionResourceTest.candidacy(candidacyId, "201WLXK", "js-42", CandidacyState.NOT_RETAINED,
                    new EmployerFeedback(sent.received(), sent.hired(), sent.reason(), sent.comment(), by.login(),
                            NOW));
        }

        @Override
        public Candidacy withdraw(Caller by, String candidacyId, String note) {
            calls.add("withdraw " + by.login() + " " + candidacyId + " " + note);
            return PreselectionResourceTest.candidacy(candidacyId, "201WLXK", "js-42", CandidacyState.WITHDRAWN,
                    null);
        }

        @Override
        public PreselectionIndicators indicators(Caller by, LocalDate from, LocalDate to, String partnerId) {
            calls.add("indicators " + by.login() + " " + from + " " + to + " " + partnerId);
            return new PreselectionIndicators(from, to, partnerId, 0, 0, null, null, 0, 0, 0, null);
        }
    }
}
