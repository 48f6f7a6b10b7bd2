package fr.opus.offers.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.soap.FeedTypes.EventKind;
import fr.opus.offers.soap.FeedTypes.EventType;
import fr.opus.offers.soap.FeedTypes.OutcomeType;
import fr.opus.offers.soap.FeedTypes.ReceiptType;
import fr.opus.offers.soap.FeedTypes.ResultKind;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferFeedEndpointTest {

    private final FakeFeed feed = new FakeFeed();
    private final OfferFeedEndpoint endpoint = new OfferFeedEndpoint(feed);

    private static String offerJson() throws Exception {
        return "{\"diffusion\":\"VISIBILITY\",\"preselection\":\"ASSESSMENT\",\"appellationCode\":\"38444\","
                + "\"managingPartner\":{\"safirCode\":\"34012\",\"name\":\"Mission Locale de Montpellier\"},"
                + "\"changedAt\":\"2024-09-04T22:45:54Z\",\"champFutur\":true,"
                + "\"content\":" + new String(OfferEndpointTest.example(), StandardCharsets.UTF_8) + "}";
    }

    private static EventType event(String id, EventKind type, String offerJson) {
        EventType e = new EventType();
        e.eventId = id;
        e.type = type;
        e.offerId = "179PPHH";
        e.version = 3L;
        e.occurredAt = "2025-12-23T17:01:23.690+01:00";
        e.offerJson = offerJson;
        return e;
    }

    @Test
    void eventsReachTheFeedWithTheOfferReadFromItsJson() throws Exception {
        ReceiptType receipt = endpoint.publish(List.of(event("e1", EventKind.CREATED, offerJson()),
                event("e2", EventKind.SUSPENDED, null)));

        assertEquals(2, feed.batches.get(0).size());
        OfferEvent created = feed.batches.get(0).get(0);
        assertEquals("e1", created.eventId());
        assertEquals(OfferEventType.CREATED, created.type());
        assertEquals("179PPHH", created.offerId());
        assertEquals(3L, created.version());
        assertEquals(Instant.parse("2025-12-23T16:01:23.690Z"), created.occurredAt());
        assertEquals(Diffusion.VISIBILITY, created.offer().diffusion());
        assertEquals(PreselectionLevel.ASSESSMENT, created.offer().preselection());
        assertEquals("34012", created.offer().managingPartner().safirCode());
        assertEquals("38444", created.offer().appellationCode());
        assertEquals("Gestionnaire de stock", created.offer().content().title());
        assertEquals("34240", created.offer().content().workplace().inseeCode());
        OfferEvent suspended = feed.batches.get(0).get(1);
        assertEquals(OfferEventType.SUSPENDED, suspended.type());
        assertNull(suspended.offer());

        assertEquals(2, receipt.accepted);
        assertEquals(List.of(0, 1), receipt.outcome.stream().map(o -> o.index).toList());
    }

    @Test
    void aMalformedOfferJsonRejectsOnlyItsEventAndOutcomesKeepBatchOrder() throws Exception {
        feed.results = List.of(EventOutcome.Result.ACCEPTED, EventOutcome.Result.STALE);
        ReceiptType receipt = endpoint.publish(List.of(
                event("e1", EventKind.CREATED, offerJson()),
                event("e2", EventKind.UPDATED, "{\"content\": {\"intitule\": "),
                event("e3", EventKind.UPDATED, offerJson())));

        assertEquals(List.of("e1", "e3"), feed.batches.get(0).stream().map(OfferEvent::eventId).toList());
        assertEquals(List.of("e1", "e2", "e3"), receipt.outcome.stream().map(o -> o.eventId).toList());
        assertEquals(List.of(0, 1, 2), receipt.outcome.stream().map(o -> o.index).toList());
        assertEquals(List.of(ResultKind.ACCEPTED, ResultKind.REJECTED, ResultKind.STALE),
                receipt.outcome.stream().map(o -> o.result).toList());
        OutcomeType rejected = receipt.outcome.get(1);
        assertEquals("malformed-body", rejected.code);
        assertEquals("offerJson", rejected.field);
        assertTrue(rejected.detail.startsWith("offerJson n'est pas du JSON bien formé (ligne 1"), rejected.detail);
        assertEquals(1, receipt.accepted);
        assertEquals(1, receipt.stale);
        assertEquals(1, receipt.rejected);
        assertEquals(0, receipt.duplicates);
    }

    @Test
    void whenEveryEventIsMalformedTheFeedIsNotCalled() throws Exception {
        ReceiptType receipt = endpoint.publish(List.of(event("e1", EventKind.CREATED, "not json"),
                event("e2", EventKind.CREATED, "[]")));
        assertTrue(feed.batches.isEmpty());
        assertEquals(2, receipt.rejected);
        assertEquals(List.of("malformed-body", "malformed-body"), receipt.outcome.stream().map(o -> o.code).toList());
    }

    @Test
    void theReasonSaysWhatIsWrongWithTheOffer() throws Exception {
        ReceiptType receipt = endpoint.publish(List.of(
                event("noContent", EventKind.CREATED, "{\"diffusion\":\"NOMINATIVE\"}"),
                event("badEnum", EventKind.CREATED, "{\"diffusion\":\"PUBLIC\",\"content\":{}}"),
                event("badNested", EventKind.CREATED, "{\"content\":{\"lieuTravail\":{\"latitude\":\"nord\"}}}"),
                event("twoObjects", EventKind.CREATED, "{\"content\":{}} {}"),
                event("notAnObject", EventKind.CREATED, "\"offre\"")));
        List<String> details = receipt.outcome.stream().map(o -> o.detail).toList();
        assertEquals(List.of(
                "offerJson n'a pas la forme d'une offre : le contenu de l'offre (content) est obligatoire.",
                "offerJson n'a pas la forme d'une offre : la propriété « diffusion » est invalide.",
                "offerJson n'a pas la forme d'une offre : la propriété « content.lieuTravail.latitude » est invalide.",
                "offerJson doit être un seul objet JSON décrivant l'offre.",
                "offerJson doit être un seul objet JSON décrivant l'offre."), details);
        assertTrue(receipt.outcome.stream().allMatch(o -> o.result == ResultKind.REJECTED
                && "malformed-body".equals(o.code) && "offerJson".equals(o.field)));
        assertTrue(feed.batches.isEmpty());
    }

    @Test
    void anUnreadableOccurredAtRejectsOnlyItsEvent() throws Exception {
        EventType noZone = event("e1", EventKind.SUSPENDED, null);
        noZone.occurredAt = "2025-12-23T16:01:23";
        ReceiptType receipt = endpoint.publish(List.of(noZone, event("e2", EventKind.RESUMED, "  ")));
        OutcomeType rejected = receipt.outcome.get(0);
        assertEquals(ResultKind.REJECTED, rejected.result);
        assertEquals("invalid-property", rejected.code);
        assertEquals("occurredAt", rejected.field);
        assertEquals(List.of("e2"), feed.batches.get(0).stream().map(OfferEvent::eventId).toList());
        assertNull(feed.batches.get(0).get(0).offer(), "a blank offerJson is no offer");
    }

    @Test
    void missingValuesAreLeftForTheFeedToJudge() throws Exception {
        EventType bare = new EventType();
        endpoint.publish(List.of(bare));
        OfferEvent event = feed.batches.get(0).get(0);
        assertNull(event.eventId());
        assertNull(event.type());
        assertNull(event.version());
        assertNull(event.occurredAt());
    }

    @Test
    void emptyOrOversizedBatchIsAnInvalidBatchFault() {
        for (List<EventType> batch : List.of(List.<EventType>of(),
                Collections.nCopies(OfferFeed.MAX_BATCH + 1, event("e", EventKind.CLOSED, null)))) {
            OpusFault fault = assertThrows(OpusFault.class, () -> endpoint.publish(batch));
            assertEquals("invalid-batch", fault.getFaultInfo().code);
            assertEquals(400, fault.getFaultInfo().status);
            assertEquals("event", fault.getFaultInfo().field);
        }
        assertEquals("invalid-batch", assertThrows(OpusFault.class, () -> endpoint.publish(null)).getFaultInfo().code);
        assertTrue(feed.batches.isEmpty());
    }

    @Test
    void aFeedRefusalIsATypedFault() {
        feed.failure = new OpusException(503, "unavailable", "Le flux des offres est momentanément indisponible.",
                null);
        OpusFaultInfo info = assertThrows(OpusFault.class,
                () -> endpoint.publish(List.of(event("e1", EventKind.CLOSED, null)))).getFaultInfo();
        assertEquals("unavailable", info.code);
        assertEquals(503, info.status);
    }

    @Test
    void theSoapEnumsAreTheApisEnums() {
        assertEquals(names(OfferEventType.values()), names(EventKind.values()));
        assertEquals(names(EventOutcome.Result.values()), names(ResultKind.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    /** Answers one outcome per event, with the results the test chose (ACCEPTED by default). */
    static final class FakeFeed implements OfferFeed {

        final List<List<OfferEvent>> batches = new ArrayList<>();
        List<EventOutcome.Result> results = List.of();
        RuntimeException failure;

        @Override
        public FeedReceipt accept(List<OfferEvent> batch) {
            if (failure != null) {
                throw failure;
            }
            batches.add(batch);
            List<EventOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                EventOutcome.Result result = i < results.size() ? results.get(i) : EventOutcome.Result.ACCEPTED;
                outcomes.add(new EventOutcome(batch.get(i).eventId(), i, result, null,
                        result == EventOutcome.Result.STALE ? "Version déjà reçue." : null, null));
            }
            return FeedReceipt.of(outcomes);
        }

        @Override
        public FeedStatus status() {
            return new FeedStatus(Map.of(), 0, null, null, 0, true, null);
        }
    }
}
