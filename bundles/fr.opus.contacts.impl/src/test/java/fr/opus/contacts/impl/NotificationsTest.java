package fr.opus.contacts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.NotificationPreferences.Party;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who hears of each act, with what, once — and the opt-outs. */
class NotificationsTest extends ContactsFixture {

    private final PreferenceManager preferences = new PreferenceManager(dataSource, audit, clock);

    NotificationsTest() {
        offers.put("201EMPL", new Offer("201EMPL", OfferStatus.ACTIVE, 1, Instant.parse("2026-11-20T08:00:00Z"),
                Diffusion.NOMINATIVE, SupportLevel.SUPPORT, PreselectionLevel.VERIFICATION, null, null, null,
                OfferContent.builder().id("201EMPL").title("Boulanger (H/F)")
                        .contact(new OfferContent.Contact("Boulangerie Rivière", null, null, null, null,
                                "recrutement@riviere.example.fr", null, null, null)).build()));
    }

    @Test
    void aMiseEnRelationTellsTheJobSeekerTheEmployerAndLaterTheCounsellorOnce() {
        JobSeeker karim = karim(LEA);
        Referral relation = contacts.create(LEA, "201EMPL", karim.id(), ReferralKind.RELATION, true, null);

        RecordingOutbox.Sent toKarim = outbox.mailsTo("karim@example.org").get(0);
        assertEquals("Votre candidature a été transmise à l'employeur", toKarim.subject());
        assertTrue(toKarim.text().contains("Bonjour Karim Benali"), toKarim.text());
        RecordingOutbox.Sent toEmployer = outbox.mailsTo("recrutement@riviere.example.fr").get(0);
        assertEquals("Un candidat pour votre offre 201EMPL", toEmployer.subject());
        assertTrue(toEmployer.text().contains("Karim Benali") && toEmployer.text().contains("karim@example.org")
                && toEmployer.text().contains("lmartin@conseil.example.org"), toEmployer.text());
        assertTrue(outbox.mailsTo("lmartin@conseil.example.org").isEmpty(), "she acted: nothing to tell her");

        contacts.move(AGENT, relation.id(), ReferralState.CV_REQUESTED, null, null);
        contacts.move(AGENT, relation.id(), ReferralState.NOT_RETAINED, RejectionReason.EXPERIENCE_INSUFFICIENT, null);

        List<RecordingOutbox.Sent> toLea = outbox.mailsTo("lmartin@conseil.example.org");
        assertEquals(2, toLea.size(), toLea.toString());
        assertTrue(toLea.get(1).text().contains("« CV demandé » à « non retenu »")
                && toLea.get(1).text().contains("Expérience insuffisante"), toLea.get(1).text());
        List<RecordingOutbox.Sent> karims = outbox.mailsTo("karim@example.org");
        assertEquals(3, karims.size());
        assertTrue(karims.get(1).text().contains("souhaite recevoir votre CV"), karims.get(1).text());
        assertTrue(karims.get(2).text().contains("motif : expérience insuffisante"), karims.get(2).text());
        assertEquals(List.of("referral.created", "referral.state-changed", "referral.state-changed"),
                outbox.events().stream().map(e -> e.split(" ")[0]).toList());
        assertTrue(outbox.events().get(2).contains("partner-a") && outbox.events().get(2).contains("to=NOT_RETAINED")
                && !outbox.events().get(2).contains("Karim"), "ids and states, no name: " + outbox.events());
    }

    @Test
    void aReasonThatMayNotBeSharedStaysWithTheCounsellor() {
        JobSeeker karim = karim(LEA);
        Referral contact = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);
        contacts.move(AGENT, contact.id(), ReferralState.NOT_RETAINED, RejectionReason.DID_NOT_ATTEND, null);

        RecordingOutbox.Sent last = outbox.mailsTo("karim@example.org").get(1);
        assertTrue(last.text().contains("n'a pas été retenue") && !last.text().contains("motif"), last.text());
        assertTrue(outbox.mailsTo("lmartin@conseil.example.org").get(0).text().contains("ne s'est pas présenté"));
    }

    @Test
    void aMiseEnContactHandsTheJobSeekerTheOfferDocument() {
        JobSeeker karim = karim(LEA);
        Referral proposed = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, false, null);
        assertTrue(outbox.mailsTo("karim@example.org").isEmpty(), "prepared, not yet handed over");

        contacts.move(LEA, proposed.id(), ReferralState.SENT, null, null);

        RecordingOutbox.Sent sent = outbox.mailsTo("karim@example.org").get(0);
        assertEquals(List.of("offre-201AAAA.pdf"), sent.attachments());
        assertTrue(new String(outbox.attachment(sent.key(), "offre-201AAAA.pdf")).startsWith("%PDF"));
        assertTrue(sent.text().contains("rappelant la référence 201AAAA"), sent.text());
    }

    @Test
    void optedOutPartiesGetNoUpdatesButTheLawfulNoticesStill() {
        JobSeeker karim = karim(LEA);
        assertFalse(preferences.setReceivesUpdates(LEA, Party.JOB_SEEKER, karim.id(), false));
        preferences.setReceivesUpdates(LEA, Party.COUNSELLOR, null, false);
        preferences.setReceivesUpdates(AGENT, Party.EMPLOYER, "Recrutement@Riviere.example.fr", false);
        assertFalse(preferences.receivesUpdates(LEA, Party.JOB_SEEKER, karim.id()));
        assertEquals(404, assertThrows(OpusException.class,
                () -> preferences.setReceivesUpdates(NOE, Party.JOB_SEEKER, karim.id(), true)).status());
        assertEquals(403, assertThrows(OpusException.class,
                () -> preferences.setReceivesUpdates(LEA, Party.EMPLOYER, "x@example.org", true)).status());

        Referral relation = contacts.create(LEA, "201EMPL", karim.id(), ReferralKind.RELATION, true, null);
        contacts.move(AGENT, relation.id(), ReferralState.CV_REQUESTED, null, null);
        contacts.move(LEA, relation.id(), ReferralState.WITHDRAWN, null, null);

        assertEquals(List.of("Votre candidature a été transmise à l'employeur"),
                outbox.mailsTo("karim@example.org").stream().map(RecordingOutbox.Sent::subject).toList(),
                "told of the transmission (the law), not of the CV request (declined)");
        assertTrue(outbox.mailsTo("lmartin@conseil.example.org").isEmpty());
        assertEquals(List.of("Un candidat pour votre offre 201EMPL"),
                outbox.mailsTo("recrutement@riviere.example.fr").stream().map(RecordingOutbox.Sent::subject)
                        .toList(), "the proposal is the act itself; the withdrawal notice was declined");
        assertTrue(preferences.setReceivesUpdates(LEA, Party.JOB_SEEKER, karim.id(), true));
        assertTrue(preferences.receivesUpdates(LEA, Party.JOB_SEEKER, karim.id()));
    }

    @Test
    void aJobSeekerOnAnotherChannelIsToldByTheCounsellorAndARolledBackActTellsNobody() {
        JobSeeker anne = contacts.create(LEA, new JobSeekerDraft("Anne", "Roux", null, null, "0612345678", null,
                Channel.SMS, null));
        Referral contact = contacts.create(LEA, "201AAAA", anne.id(), ReferralKind.CONTACT, true, null);
        contacts.move(AGENT, contact.id(), ReferralState.SUMMONED, null, null);
        assertTrue(outbox.mailsTo("lmartin@conseil.example.org").get(0).text().contains("Prévenez-le par SMS"));
        int before = outbox.mails().size();

        assertThrows(OpusException.class, () -> contacts.move(AGENT, contact.id(), ReferralState.NOT_RETAINED, null,
                null));
        assertEquals(before, outbox.mails().size(), "a refused move queues nothing");
    }

    @Test
    void closuresByOpusTellTheCounsellorAndTheJobSeeker() {
        JobSeeker karim = karim(LEA);
        contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);
        offer("201AAAA", null, Diffusion.NOMINATIVE, OfferStatus.CLOSED);

        assertEquals(new ReferralJobs.Tally(0, 1), jobs(30).runOnce());

        assertTrue(outbox.mailsTo("karim@example.org").get(1).text().contains("l'offre n'est plus disponible"));
        assertTrue(outbox.mailsTo("lmartin@conseil.example.org").get(0).text().contains("« caduque »"));
    }
}
