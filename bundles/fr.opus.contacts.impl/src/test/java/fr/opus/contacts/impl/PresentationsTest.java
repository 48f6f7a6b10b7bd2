package fr.opus.contacts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentation.Delivery.Status;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.mail.MailStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Presentations of candidates: all or nothing, each mail once, where each stands, the PDF list. */
class PresentationsTest extends ContactsFixture {

    private static final String EMPLOYER = "recrutement@riviere.example.fr";
    private final PresentationManager presentations = new PresentationManager(dataSource, catalog, audit, partners,
            outbox, outbox, notifier, contacts, clock);

    PresentationsTest() {
        offers.put("201EMPL", new Offer("201EMPL", OfferStatus.ACTIVE, 1, Instant.parse("2026-11-20T08:00:00Z"),
                Diffusion.NOMINATIVE, SupportLevel.SUPPORT, null, null,
                new ManagingPartner("38002", "Structure partner-b", "offres@b.example.org", null), null,
                OfferContent.builder().id("201EMPL").title("Boulanger (H/F)")
                        .contact(new OfferContent.Contact("Boulangerie Rivière", null, null, null, null, EMPLOYER,
                                null, null, null)).build()));
    }

    private List<String> candidates(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean email = i % 5 != 4;
            ids.add(contacts.create(LEA, new JobSeekerDraft("Candidat", "Martin-" + (char) ('A' + i / 26) + (char) ('A' + i % 26),
                    null, email ? "c" + i + "@example.org" : null, email ? null : "06123456" + String.format("%02d", i),
                    null, email ? Channel.EMAIL : Channel.PHONE, null)).id());
        }
        return ids;
    }

    @Test
    void fiftyCandidatesMakeOneMailToTheEmployerAndOneToEachCandidateEvenWhenAskedTwice() throws IOException {
        List<String> ids = candidates(50);

        Presentation first = presentations.present(LEA, "201EMPL", ids, "Candidats motivés, disponibles de suite.",
                "req-201EMPL-0001");
        Presentation again = presentations.present(LEA, "201EMPL", ids, "Candidats motivés, disponibles de suite.",
                "req-201EMPL-0001");

        assertEquals(first.id(), again.id());
        OpusException reused = assertThrows(OpusException.class, () -> presentations.present(LEA, "201EMPL",
                ids.subList(0, 10), null, "req-201EMPL-0001"));
        assertEquals(ContactProblemCodes.IDEMPOTENCY_KEY_REUSED, reused.code());
        assertEquals("employer", first.recipient());
        assertEquals(50, first.candidates().size());
        List<RecordingOutbox.Sent> toEmployer = outbox.mailsTo(EMPLOYER);
        assertEquals(1, toEmployer.size());
        assertEquals(List.of("candidats-201EMPL.pdf"), toEmployer.get(0).attachments());
        assertTrue(toEmployer.get(0).text().contains("50 candidat(s)")
                && toEmployer.get(0).text().contains("Candidats motivés"), toEmployer.get(0).text());
        long notices = outbox.mails().stream().filter(m -> m.key().contains(":candidate:")).count();
        assertEquals(40, notices, "one mail to each of the 40 candidates reachable by e-mail");
        assertEquals(41, outbox.mails().size(), "and nothing else");
        assertEquals(10, first.candidates().stream().filter(c -> c.notice().status() == Status.TO_RELAY).count(),
                "the 10 reachable by phone are for the counsellor to tell");
        assertEquals(50, outbox.events().stream().filter(e -> e.startsWith("referral.created")).count());
        assertEquals(1, outbox.events().stream().filter(e -> e.startsWith("presentation.sent")).count());

        try (PDDocument pdf = PDDocument.load(presentations.document(LEA, first.id()))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(pdf.getNumberOfPages() >= 2, "50 lines need a second page");
            assertTrue(text.contains("Candidats présentés pour votre offre") && text.contains("MARTIN-AA Candidat")
                    && text.contains("MARTIN-BX Candidat") && text.contains("06 12 34 56 04"), text);
            assertTrue(text.contains("ne pas diffuser"), "the confidentiality notice");
        }
        JobSeeker one = contacts.get(LEA, ids.get(0));
        assertEquals(ReferralKind.CONTACT, contacts.file(LEA, one.id()).referrals().get(0).kind());
        assertEquals(ReferralState.SENT, contacts.file(LEA, one.id()).referrals().get(0).state());
    }

    @Test
    void eachMailShowsWhereItStandsAndAFailedOneCanBeSentAgain() {
        List<String> ids = candidates(2);
        Presentation p = presentations.present(LEA, "201EMPL", ids, null, null);
        assertEquals(Status.PENDING, p.employerMail().status());

        outbox.mark("presentation:" + p.id() + ":employer", MailStatus.State.SENT);
        outbox.mark("presentation:" + p.id() + ":candidate:" + ids.get(0), MailStatus.State.FAILED);
        Presentation seen = presentations.presentation(LEA, p.id());

        assertEquals(Status.SENT, seen.employerMail().status());
        assertEquals(Status.FAILED, seen.candidates().get(0).notice().status());
        assertEquals("550 boîte inconnue", seen.candidates().get(0).notice().error());
        assertEquals(1, presentations.retryFailed(LEA, p.id()));
        assertEquals(Status.PENDING, presentations.presentation(LEA, p.id()).candidates().get(0).notice().status());
    }

    @Test
    void oneCandidateOfAnotherPartnerOrAlreadyInProgressStopsTheWholePresentation() {
        List<String> ids = new ArrayList<>(candidates(3));
        ids.add(karim(NOE).id());
        assertEquals(404, assertThrows(OpusException.class,
                () -> presentations.present(LEA, "201EMPL", ids, null, "req-mixed-0001")).status());
        assertTrue(outbox.mails().isEmpty(), "nothing queued");
        assertTrue(presentations.onOffer(LEA, "201EMPL").isEmpty(), "nothing stored");

        contacts.create(LEA, "201EMPL", ids.get(1), ReferralKind.CONTACT, false, null);
        OpusException busy = assertThrows(OpusException.class,
                () -> presentations.present(LEA, "201EMPL", ids.subList(0, 3), null, null));
        assertEquals(ContactProblemCodes.DUPLICATE_REFERRAL, busy.code());
        assertTrue(outbox.mailsTo(EMPLOYER).isEmpty());
    }

    @Test
    void theManagingPartnerSeesThePresentationAThirdPartnerDoesNotAndPreselectionNeedsDelegation() {
        Presentation p = presentations.present(LEA, "201EMPL", candidates(1), null, null);
        assertEquals(p.id(), presentations.presentation(NOE, p.id()).id(), "B manages the offer");
        assertEquals(1, presentations.onOffer(NOE, "201EMPL").size());
        assertEquals(404, assertThrows(OpusException.class, () -> presentations.retryFailed(NOE, p.id())).status(),
                "reading is not acting for another partner");
        fr.opus.platform.api.security.Caller zoe = new fr.opus.platform.api.security.Caller("acc-zoe", "zdurand",
                fr.opus.platform.api.security.Role.COUNSELLOR, "partner-c", "conv-c", "84", BOTH, java.util.Set.of(),
                null);
        assertEquals(404, assertThrows(OpusException.class, () -> presentations.presentation(zoe, p.id())).status());
        assertTrue(presentations.onOffer(zoe, "201EMPL").isEmpty());

        JobSeeker noeCandidate = karim(NOE);
        OpusException noDelegation = assertThrows(OpusException.class,
                () -> presentations.present(NOE, "201PRES", List.of(noeCandidate.id()), null, null));
        assertEquals(ContactProblemCodes.ACT_NOT_ALLOWED, noDelegation.code());
        Presentation relayed = presentations.present(LEA, "201PRES", candidates(1), null, null);
        assertEquals("france-travail", relayed.recipient(), "anonymous offer: its correspondent relays the list");
    }
}
