package fr.opus.contacts.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placement activity and the tripartite indicators, per partner and period. */
class IndicatorsTest extends ContactsFixture {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    private final IndicatorQueries indicators = new IndicatorQueries(dataSource);

    @Test
    void countsTheActsOfThePeriodPerPartnerAndTheirOutcomes() {
        offer("201BBBB", PreselectionLevel.ENDORSEMENT, Diffusion.NOMINATIVE, OfferStatus.ACTIVE);
        offer("201CCCC", null, Diffusion.VISIBILITY, OfferStatus.ACTIVE);
        JobSeeker karim = karim(LEA);
        Referral contact = contacts.create(LEA, "201AAAA", karim.id(), ReferralKind.CONTACT, true, null);
        Referral relation = contacts.create(LEA, "201PRES", karim.id(), ReferralKind.RELATION, true, null);
        contacts.create(LEA, "201CCCC", karim.id(), ReferralKind.CONTACT, false, null);
        contacts.create(NOE, "201BBBB", karim(NOE).id(), ReferralKind.SUMMONS, true, null);
        now = now.plus(Duration.ofDays(3)).plus(Duration.ofHours(12));
        contacts.move(AGENT, relation.id(), ReferralState.HIRED, null, null); // contact becomes obsolete

        List<PlacementActivity> all = indicators.activity(AGENT, NOV_1, NOV_30, null);
        assertEquals(List.of("partner-a", "partner-b"), all.stream().map(PlacementActivity::partnerId).toList());
        PlacementActivity a = all.get(0);
        assertEquals(List.of(2L, 1L, 0L, 1L, 0L, 0L), List.of(a.contacts(), a.relations(), a.summons(), a.hired(),
                a.noAnswer(), a.open()));
        assertEquals(List.of(a), indicators.activity(LEA, NOV_1, NOV_30, "partner-b"), "a partner sees its own only");
        assertEquals(List.of(0L), indicators.activity(LEA, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31),
                null).stream().map(PlacementActivity::acts).toList(), "nothing in October, a line all the same");

        TripartiteIndicators t = indicators.tripartite(AGENT, NOV_1, NOV_30, null);
        assertEquals(4, t.offers());
        assertEquals(1, t.directContactOffers(), "201AAAA: nominative without preselection");
        assertEquals(2, t.preselectedOffers());
        assertEquals(1, t.preselectedSatisfied());
        assertEquals(0.5, t.preselectedSatisfiedShare());
        assertEquals(3.5, t.meanDaysToSatisfy());
        TripartiteIndicators forB = indicators.tripartite(NOE, NOV_1, NOV_30, null);
        assertEquals("partner-b", forB.partnerId());
        assertEquals(0, forB.preselectedSatisfied());
        assertNull(forB.meanDaysToSatisfy());
        assertEquals(0.0, forB.directContactShare());
        assertEquals(contact.offerId(), "201AAAA");
    }

    @Test
    void aPeriodMustBeWellFormed() {
        assertEquals("to", assertThrows(OpusException.class,
                () -> indicators.activity(AGENT, NOV_30, NOV_1, null)).field());
        assertEquals("from", assertThrows(OpusException.class,
                () -> indicators.tripartite(AGENT, null, NOV_1, null)).field());
        assertEquals(400, assertThrows(OpusException.class,
                () -> indicators.activity(AGENT, LocalDate.of(2020, 1, 1), NOV_30, null)).status());
    }
}
