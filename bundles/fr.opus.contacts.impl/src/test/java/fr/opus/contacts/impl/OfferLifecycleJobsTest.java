package fr.opus.contacts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.FollowUp;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-movement alert, the follow-up letter and the closure without answer, on a movable clock. */
class OfferLifecycleJobsTest extends ContactsFixture {

    private static final String EMPLOYER = "recrutement@riviere.example.fr";
    private final List<OfferEvent> fed = new ArrayList<>();
    private final OfferFeed feed = new OfferFeed() {
        @Override
        public FeedReceipt accept(List<OfferEvent> batch) {
            for (OfferEvent e : batch) {
                if (fed.stream().noneMatch(f -> f.eventId().equals(e.eventId()))) {
                    fed.add(e);
                    Offer o = offers.get(e.offerId());
                    offers.put(o.id(), o.withState(e.type().target(), e.version(), e.occurredAt()));
                }
            }
            return null;
        }

        @Override
        public FeedStatus status() {
            throw new AssertionError("not called in this test");
        }
    };
    private final OfferLifecycleJobs jobs = new OfferLifecycleJobs(dataSource, catalog, feed, outbox, notifier,
            partners, audit, clock, config(30));

    OfferLifecycleJobsTest() {
        offers.put("201EMPL", new Offer("201EMPL", OfferStatus.ACTIVE, 3, now, Diffusion.NOMINATIVE,
                SupportLevel.SUPPORT, null, null, null, null, OfferContent.builder().id("201EMPL")
                        .title("Boulanger (H/F)").creationDate(now.toString())
                        .contact(new OfferContent.Contact("Boulangerie Rivière", null, null, null, null, EMPLOYER,
                                null, null, null)).build()));
        offers.remove("201AAAA");
        offers.remove("201PRES");
    }

    private void days(long n) {
        now = now.plus(Duration.ofDays(n));
    }

    private List<String> employerSubjects() {
        return outbox.mailsTo(EMPLOYER).stream().map(RecordingOutbox.Sent::subject).toList();
    }

    @Test
    void aQuietOfferAlertsItsEmployerOncePerQuietStretch() {
        days(14);
        assertEquals(new OfferLifecycleJobs.Tally(0, 0, 0), jobs.runOnce(), "not before 15 days");
        days(1);
        assertEquals(new OfferLifecycleJobs.Tally(1, 0, 0), jobs.runOnce());
        assertEquals(new OfferLifecycleJobs.Tally(0, 0, 0), jobs.runOnce(), "once");
        assertEquals(List.of("Votre offre 201EMPL n'a pas reçu de candidature"), employerSubjects());

        JobSeeker karim = karim(LEA);
        contacts.create(LEA, "201EMPL", karim.id(), ReferralKind.CONTACT, true, null); // movement
        days(14);
        assertEquals(0, jobs.runOnce().quietAlerts());
        days(1);
        assertEquals(1, jobs.runOnce().quietAlerts(), "a new quiet stretch after the act");
    }

    @Test
    void anUnansweredFollowUpClosesTheOfferAfterEightDaysAndTellsTheCandidates() {
        JobSeeker karim = karim(LEA);
        Referral open = contacts.create(LEA, "201EMPL", karim.id(), ReferralKind.CONTACT, true, null);
        days(30);
        OfferLifecycleJobs.Tally letter = jobs.runOnce();
        assertEquals(1, letter.letters());
        assertTrue(employerSubjects().contains("Relance : votre offre 201EMPL est-elle toujours à pourvoir ?"));
        FollowUp sent = jobs.followUp(AGENT, "201EMPL");
        assertEquals(now.plus(Duration.ofDays(8)), sent.answerDueAt());

        days(8);
        now = now.minusSeconds(1);
        assertEquals(0, jobs.runOnce().closures(), "not a second early");
        now = now.plusSeconds(1);
        assertEquals(1, jobs.runOnce().closures());
        assertEquals(0, jobs.runOnce().closures(), "once");

        assertEquals(1, fed.size());
        assertEquals(OfferEventType.CLOSED, fed.get(0).type());
        assertEquals(4, fed.get(0).version());
        assertEquals(ReferralState.OBSOLETE, contacts.referral(LEA, open.id()).state());
        assertTrue(outbox.mailsTo("karim@example.org").stream().anyMatch(m -> m.text()
                .contains("l'offre n'est plus disponible")), "the candidate is told");
        assertNotNull(jobs.followUp(AGENT, "201EMPL").closedAt());
    }

    @Test
    void anAnswerKeepsTheOfferOrClosesItAndOnlyFollowersMayRecordIt() {
        days(30);
        jobs.runOnce();
        assertEquals(403, assertThrows(OpusException.class,
                () -> jobs.answer(LEA, "201EMPL", true, null)).status(), "A does not manage the offer");

        FollowUp kept = jobs.answer(AGENT, "201EMPL", true, "Toujours à pourvoir, deux postes");
        assertEquals(Boolean.TRUE, kept.stillOpen());
        days(8);
        assertEquals(0, jobs.runOnce().closures(), "answered: not closed");
        days(22);
        assertEquals(1, jobs.runOnce().letters(), "a new cycle 30 days after the answer");

        jobs.answer(AGENT, "201EMPL", false, null);
        assertEquals(OfferStatus.CLOSED, offers.get("201EMPL").status());
        assertTrue(audited.stream().anyMatch(a -> a.startsWith("offer.follow-up.answer fagent")), audited.toString());
    }
}
