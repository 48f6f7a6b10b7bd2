package fr.opus.contacts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
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
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Job seekers, acts on offers and the referral state machine, on a real Derby database. */
class ContactsTest extends ContactsFixture {

    @Test
    void aMiseEnContactFollowsTheStateMachineIntoTheJobSeekersFile() {
        JobSeeker karim = karim(LEA);
        assertEquals("1234567A", karim.ftIdentifier());

        Referral contact = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true,
                "Fiche de l'offre remise en main propre");
        contacts.move(AGENT, contact.id(), ReferralState.CV_REQUESTED, null, "L'employeur demande le CV");
        contacts.move(LEA, contact.id(), ReferralState.SUMMONED, null, "Entretien le 2 décembre");
        Referral hired = contacts.move(LEA, contact.id(), ReferralState.HIRED, null, null);

        assertEquals(ReferralState.HIRED, hired.state());
        assertEquals(List.of(ReferralState.SENT, ReferralState.CV_REQUESTED, ReferralState.SUMMONED,
                ReferralState.HIRED), hired.history().stream().map(e -> e.to()).toList());
        assertNull(hired.history().get(0).from());
        assertEquals("fagent", hired.history().get(1).by());
        JobSeekerFile file = contacts.file(LEA, karim.id());
        assertEquals(List.of(contact.id()), file.referrals().stream().map(Referral::id).toList());
        assertEquals(4, file.referrals().get(0).history().size());
        assertTrue(audited.contains("job-seeker.file lmartin " + karim.id()), audited.toString());

        OpusException finalState = assertThrows(OpusException.class,
                () -> contacts.move(LEA, contact.id(), ReferralState.WITHDRAWN, null, null));
        assertEquals(ContactProblemCodes.INVALID_TRANSITION, finalState.code());
        assertTrue(finalState.detail().contains("définitif"), finalState.detail());
    }

    @Test
    void theActMustFitTheOfferAndTheConvention() {
        JobSeeker forLea = karim(LEA);
        JobSeeker forNoe = karim(NOE);

        OpusException contactOnPreselected = assertThrows(OpusException.class,
                () -> contacts.create(LEA, "201PRES", forLea.id(), ReferralKind.CONTACT, false, null));
        OpusException relationWithoutPreselection = assertThrows(OpusException.class,
                () -> contacts.create(LEA, "201AAAA", forLea.id(), ReferralKind.RELATION, false, null));
        OpusException relationWithoutDelegation = assertThrows(OpusException.class,
                () -> contacts.create(NOE, "201PRES", forNoe.id(), ReferralKind.RELATION, false, null));
        OpusException summonsWithDelegation = assertThrows(OpusException.class,
                () -> contacts.create(LEA, "201PRES", forLea.id(), ReferralKind.SUMMONS, false, null));

        assertEquals(ContactProblemCodes.ACT_NOT_ALLOWED, contactOnPreselected.code());
        assertTrue(contactOnPreselected.detail().contains("mise en relation"), contactOnPreselected.detail());
        assertEquals(409, relationWithoutPreselection.status());
        assertEquals(403, relationWithoutDelegation.status());
        assertEquals("service-not-in-convention", relationWithoutDelegation.code());
        assertEquals(409, summonsWithDelegation.status());
        assertEquals(ReferralKind.RELATION,
                contacts.create(LEA, "201PRES", forLea.id(), ReferralKind.RELATION, false, null).kind());
        assertEquals(ReferralKind.SUMMONS,
                contacts.create(NOE, "201PRES", forNoe.id(), ReferralKind.SUMMONS, false, null).kind());

        offer("201SUSP", null, Diffusion.NOMINATIVE, OfferStatus.SUSPENDED);
        assertEquals(404, assertThrows(OpusException.class,
                () -> contacts.create(LEA, "201SUSP", forLea.id(), ReferralKind.CONTACT, false, null)).status());
    }

    @Test
    void notRetainedNeedsAReasonAndReopeningWorksWhereItMakesSense() {
        JobSeeker karim = karim(LEA);
        Referral r = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);

        OpusException noReason = assertThrows(OpusException.class,
                () -> contacts.move(LEA, r.id(), ReferralState.NOT_RETAINED, null, null));
        assertEquals("reason", noReason.field());
        contacts.move(LEA, r.id(), ReferralState.WITHDRAWN, null, "Le candidat a trouvé un stage");
        Referral reopened = contacts.move(LEA, r.id(), ReferralState.PROPOSED, null, "Le stage est annulé");
        assertEquals(ReferralState.PROPOSED, reopened.state());
        contacts.move(LEA, r.id(), ReferralState.SENT, null, null);
        Referral rejected = contacts.move(LEA, r.id(), ReferralState.NOT_RETAINED,
                RejectionReason.EXPERIENCE_INSUFFICIENT, null);
        assertEquals(RejectionReason.EXPERIENCE_INSUFFICIENT, rejected.reason());
        assertTrue(rejected.reason().shareable());

        // closed: a new act on the same offer is possible again
        Referral again = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, false, null);
        assertEquals(ReferralState.PROPOSED, again.state());
    }

    @Test
    void oneOpenActPerJobSeekerAndOfferEvenUnderConcurrency() throws Exception {
        JobSeeker karim = karim(LEA);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Boolean> act = () -> {
                start.await();
                try {
                    contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, false, null);
                    return true;
                } catch (OpusException e) {
                    assertEquals(ContactProblemCodes.DUPLICATE_REFERRAL, e.code());
                    return false;
                }
            };
            results.add(pool.submit(act));
        }
        start.countDown();
        int created = 0;
        for (Future<Boolean> f : results) {
            created += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(1, contacts.onOffer(LEA, "201AAAA").size());
    }

    @Test
    void anotherPartnerSeesNothingAndFranceTravailSeesAll() {
        JobSeeker karim = karim(LEA);
        Referral r = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);

        assertEquals(404, assertThrows(OpusException.class, () -> contacts.get(NOE, karim.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.file(NOE, karim.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.referral(NOE, r.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.move(NOE, r.id(),
                ReferralState.WITHDRAWN, null, null)).status());
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.create(NOE, "201AAAA", karim.id(),
                ReferralKind.CONTACT, false, null)).status());
        assertTrue(contacts.onOffer(NOE, "201AAAA").isEmpty());
        assertTrue(contacts.find(NOE, "benali", 10).isEmpty());
        assertEquals(1, contacts.onOffer(AGENT, "201AAAA").size());
        assertEquals(karim.id(), contacts.get(AGENT, karim.id()).id());
        assertEquals(List.of(karim.id()), contacts.find(LEA, "BÉNALI", 10).stream().map(JobSeeker::id).toList());
        assertEquals(403, assertThrows(OpusException.class, () -> karim(AGENT)).status());
    }

    @Test
    void notesHoldingWhatDomainNineForbidsAreRefusedAndNothingIsStored() {
        OpusException health = assertThrows(OpusException.class, () -> contacts.create(LEA,
                new JobSeekerDraft("Anne", "Roux", null, "anne@example.org", null, null, Channel.EMAIL,
                        "Suivie pour une dépression, éviter le travail de nuit")));
        OpusException union = assertThrows(OpusException.class, () -> contacts.create(LEA,
                new JobSeekerDraft("Anne", "Roux", null, "anne@example.org", null, null, Channel.EMAIL,
                        "Ancienne déléguée syndicale")));

        assertEquals(ProblemCodes.FORBIDDEN_PERSONAL_DATA, health.code());
        assertEquals(422, health.status());
        assertEquals("note", health.field());
        assertTrue(health.detail().contains("santé") && health.detail().contains("dépression"), health.detail());
        assertTrue(union.detail().contains("syndicale"), union.detail());
        assertTrue(contacts.find(LEA, "roux", 10).isEmpty(), "nothing stored");
        assertFalse(SensitiveText.finding("Disponible de suite, permis B, cherche en restauration").isPresent());
        assertFalse(SensitiveText.finding("Prière de rappeler après 17 h").isPresent());
        assertTrue(SensitiveText.finding("Reconnu RQTH depuis 2024").isPresent());
    }

    @Test
    void theJobSeekerMustBeReachableOnTheChosenChannel() {
        OpusException noPhone = assertThrows(OpusException.class, () -> contacts.create(LEA,
                new JobSeekerDraft("Anne", "Roux", null, "anne@example.org", null, null, Channel.SMS, null)));
        OpusException badId = assertThrows(OpusException.class, () -> contacts.create(LEA,
                new JobSeekerDraft("Anne", "Roux", "12AB", "anne@example.org", null, null, Channel.EMAIL, null)));

        assertEquals("channel", noPhone.field());
        assertEquals("ftIdentifier", badId.field());
        JobSeeker anne = contacts.create(LEA, new JobSeekerDraft("Anne", "Roux", null, null, "06 12 34 56 78", null,
                Channel.SMS, null));
        assertEquals("0612345678", anne.phone());
        karim(LEA);
        OpusException twice = assertThrows(OpusException.class, () -> karim(LEA));
        assertEquals(409, twice.status());
        assertEquals("ftIdentifier", twice.field());
        assertEquals("1234567A", karim(NOE).ftIdentifier(), "the same person may be followed by two partners");
    }

    @Test
    void unansweredActsCloseAfterTheDelayOnceAndReopenWhenTheEmployerAnswersLate() {
        JobSeeker karim = karim(LEA);
        Referral sent = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);
        Referral prepared = contacts.create(LEA, "201PRES", karim.id(), ReferralKind.RELATION, false, null);
        ReferralJobs jobs = jobs(30);

        now = now.plus(java.time.Duration.ofDays(30)).minusSeconds(1);
        assertEquals(new ReferralJobs.Tally(0, 0), jobs.runOnce(), "not a second before the delay");
        now = now.plusSeconds(1);
        assertEquals(new ReferralJobs.Tally(1, 0), jobs.runOnce());
        assertEquals(new ReferralJobs.Tally(0, 0), jobs.runOnce(), "once");

        Referral closed = contacts.referral(LEA, sent.id());
        assertEquals(ReferralState.NO_ANSWER, closed.state());
        assertEquals("system", closed.history().get(1).by());
        assertTrue(closed.history().get(1).comment().contains("30 jours"), closed.history().get(1).comment());
        assertEquals(ReferralState.PROPOSED, contacts.referral(LEA, prepared.id()).state(), "not sent: no answer due");
        assertEquals(ReferralState.SENT,
                contacts.move(LEA, sent.id(), ReferralState.SENT, null, "L'employeur rappelle").state());
    }

    @Test
    void actsOnAnOfferNoLongerDiffusedOrForSomeoneHiredElsewhereBecomeObsolete() {
        JobSeeker karim = karim(LEA);
        offer("201BBBB", null, Diffusion.NOMINATIVE, OfferStatus.ACTIVE);
        Referral a = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);
        Referral b = contacts.create(LEA, "201BBBB", karim.id(), ReferralKind.CONTACT, true, null);
        JobSeeker anne = contacts.create(LEA, new JobSeekerDraft("Anne", "Roux", null, "anne@example.org", null,
                null, Channel.EMAIL, null));
        Referral c = contacts.create(LEA, "201BBBB", anne.id(), ReferralKind.CONTACT, true, null);

        contacts.move(LEA, a.id(), ReferralState.HIRED, null, null);
        Referral overtaken = contacts.referral(LEA, b.id());
        assertEquals(ReferralState.OBSOLETE, overtaken.state());
        assertTrue(overtaken.history().get(1).comment().contains("201AAAA"), overtaken.history().toString());

        offer("201BBBB", null, Diffusion.NOMINATIVE, OfferStatus.SUSPENDED);
        assertEquals(new ReferralJobs.Tally(0, 1), jobs(30).runOnce());
        assertEquals(ReferralState.OBSOLETE, contacts.referral(LEA, c.id()).state());
        assertEquals(ReferralState.HIRED, contacts.referral(LEA, a.id()).state(), "a final state stays");
    }

    @Test
    void theManagingPartnerSeesEveryApplicationOnItsOfferAndAThirdPartnerDoesNot() {
        offers.put("201MGD", new Offer("201MGD", OfferStatus.ACTIVE, 1, Instant.parse("2026-11-20T08:00:00Z"),
                Diffusion.VISIBILITY, SupportLevel.ACCOMPANIMENT, null, null,
                new ManagingPartner("38001", "Structure partner-a", "offres@a.example.org", null), null,
                OfferContent.builder().id("201MGD").title("Aide à domicile (H/F)").build()));
        Caller zoe = new Caller("acc-zoe", "zdurand", Role.COUNSELLOR, "partner-c", "conv-c", "84", BOTH, Set.of(),
                null);
        Referral byB = contacts.create(NOE, "201MGD", karim(NOE).id(), ReferralKind.CONTACT, true, null);
        Referral byA = contacts.create(LEA, "201MGD", karim(LEA).id(), ReferralKind.CONTACT, true, null);

        assertEquals(Set.of(byA.id(), byB.id()), contacts.onOffer(LEA, "201MGD").stream().map(Referral::id)
                .collect(java.util.stream.Collectors.toSet()), "A manages the offer: every application");
        assertEquals(byB.id(), contacts.referral(LEA, byB.id()).id());
        assertTrue(audited.contains("referral.read-managed lmartin " + byB.id()), audited.toString());
        assertEquals(List.of(byB.id()), contacts.onOffer(NOE, "201MGD").stream().map(Referral::id).toList(),
                "B only its own");
        assertTrue(contacts.onOffer(zoe, "201MGD").isEmpty(), "a third partner nothing");
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.referral(zoe, byB.id())).status());
        assertEquals(404, assertThrows(OpusException.class, () -> contacts.move(LEA, byB.id(),
                ReferralState.WITHDRAWN, null, null)).status(), "reading is not acting for another partner");
    }
}
