package fr.opus.platform.webhooks;

import static fr.opus.platform.webhooks.Callers.APP_B;
import static fr.opus.platform.webhooks.Callers.OPERATOR;
import static fr.opus.platform.webhooks.Callers.PARTNER_A;
import static fr.opus.platform.webhooks.Callers.PARTNER_B;
import static fr.opus.platform.webhooks.Callers.RGC_A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its sender on a real Derby database and a real HTTP receiver on loopback. The sender runs when the
 * test says ({@code sendDue()}), and time moves only when the test moves it, so retries are checked to the second.
 */
class WebhookOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Pattern SIGNATURE = Pattern.compile("t=([0-9]+),v1=([0-9a-f]{64})");

    private TestDatabase database;
    private Receiver receiver;
    private MutableClock clock;
    private RecordingAudit audit;
    private WebhookManager webhooks;
    private WebhookOutbox outbox;

    @BeforeEach
    void setUp() throws Exception {
        database = new TestDatabase();
        receiver = new Receiver();
        clock = new MutableClock(T0);
        audit = new RecordingAudit();
        webhooks = new WebhookManager(database.dataSource(), audit, new KnownPartners(PARTNER_A, PARTNER_B), clock,
                true);
        outbox = outbox(3);
    }

    @AfterEach
    void tearDown() throws Exception {
        outbox.stop();
        receiver.close();
        database.close();
    }

    private WebhookOutbox outbox(int maxAttempts) {
        return new WebhookOutbox(database.dataSource(), new HttpSender(5), clock, maxAttempts, 1, true, 0);
    }

    private IssuedSubscription subscribe(Caller by, String path, String partnerId, String... events) {
        return webhooks.subscribe(by, new WebhookDraft(receiver.url(path), List.of(events), "tests", partnerId));
    }

    private static DomainEvent event(String id, String type, String... partners) {
        return new DomainEvent(id, type, T0.minusSeconds(30), Set.of(partners), "referral-" + id,
                Map.of("state", "SENT", "offerId", "201WLXK"));
    }

    private void publish(DomainEvent event, boolean commit) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            outbox.publish(c, event);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    private int count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM WEBHOOKS." + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rolledBackChangeSendsNothing() throws Exception {
        subscribe(RGC_A, "/a", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), false);

        assertEquals(0, outbox.sendDue());
        assertEquals(List.of(), receiver.all());
        assertEquals(0, count("EVENT"));
        assertEquals(0, count("DELIVERY"));
    }

    @Test
    void committedEventIsDeliveredOnceSignedAsDocumented() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);

        assertEquals(1, outbox.sendDue());
        assertEquals(0, outbox.sendDue());

        List<Receiver.Request> received = receiver.all();
        assertEquals(1, received.size());
        Receiver.Request request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("e-1", request.header("Opus-Event-Id"));
        assertEquals("referral.state-changed", request.header("Opus-Event-Type"));
        Delivery delivery = webhooks.deliveries(RGC_A, issued.subscription().id(), null, 0).get(0);
        assertEquals(String.valueOf(delivery.id()), request.header("Opus-Delivery-Id"));

        // the signature, checked as a receiver would, without Opus's code
        Matcher signature = SIGNATURE.matcher(request.header("Opus-Signature"));
        assertTrue(signature.matches(), request.header("Opus-Signature"));
        long t = Long.parseLong(signature.group(1));
        assertEquals(T0.getEpochSecond(), t, "signed at the sender's time");
        assertEquals(hmacHex(issued.secret(), t + "." + request.body()), signature.group(2));
        assertFalse(signature.group(2).equals(hmacHex(issued.secret(), t + "." + request.body() + " ")),
                "another body has another signature");
        assertTrue(Signature.verify(issued.secret(), request.header("Opus-Signature"), request.body(), T0));

        JsonNode body = new ObjectMapper().readTree(request.body());
        assertEquals(List.of("id", "type", "occurredAt", "subject", "partnerIds", "data"),
                iterable(body.fieldNames()));
        assertEquals("e-1", body.get("id").asText());
        assertEquals("referral.state-changed", body.get("type").asText());
        assertEquals(T0.minusSeconds(30).toString(), body.get("occurredAt").asText());
        assertEquals("referral-e-1", body.get("subject").asText());
        assertEquals(PARTNER_A, body.get("partnerIds").get(0).asText());
        assertEquals("SENT", body.get("data").get("state").asText());
        assertEquals("201WLXK", body.get("data").get("offerId").asText());

        assertEquals(DeliveryStatus.DELIVERED, delivery.status());
        assertEquals(1, delivery.attempts());
        assertEquals(200, delivery.lastStatusCode());
        assertEquals(T0, delivery.deliveredAt());
        assertNotNull(delivery.durationMs());
        assertNull(delivery.lastError());
        assertNull(delivery.nextAttemptAt(), "nothing more is due");
    }

    @Test
    void failingReceiverIsRetriedAfterGrowingDelaysUntilItTakesTheEvent() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        String id = issued.subscription().id();
        receiver.answer(500, 500, 200);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);

        assertEquals(1, outbox.sendDue());
        Delivery first = webhooks.deliveries(RGC_A, id, null, 0).get(0);
        assertEquals(DeliveryStatus.PENDING, first.status());
        assertEquals(1, first.attempts());
        assertEquals(500, first.lastStatusCode());
        assertEquals("réponse HTTP 500", first.lastError());
        assertEquals(T0.plusSeconds(1), first.nextAttemptAt(), "retryBaseSeconds after the first failure");
        assertEquals(0, outbox.sendDue(), "not due before its time");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.sendDue());
        Delivery second = webhooks.deliveries(RGC_A, id, null, 0).get(0);
        assertEquals(2, second.attempts());
        assertEquals(T0.plusSeconds(1 + 2), second.nextAttemptAt(), "twice as long after the second");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, outbox.sendDue(), "still waiting");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.sendDue());

        Delivery receipt = webhooks.deliveries(RGC_A, id, null, 0).get(0);
        assertEquals(DeliveryStatus.DELIVERED, receipt.status());
        assertEquals(3, receipt.attempts());
        assertEquals(200, receipt.lastStatusCode());
        assertEquals(T0.plusSeconds(3), receipt.deliveredAt());
        assertNull(receipt.lastError());
        assertEquals(3, receiver.all().size());
        assertEquals(1, receiver.all().stream().map(r -> r.header("Opus-Event-Id")).distinct().count(),
                "the same event each time");
    }

    @Test
    void retryDelayDoublesUpToAnHour() {
        WebhookOutbox minutes = new WebhookOutbox(database.dataSource(), new HttpSender(5), clock, 20, 60, true, 0);
        assertEquals(List.of(60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L),
                List.of(1, 2, 3, 4, 5, 6, 7, 12).stream().map(minutes::delaySeconds).toList());
    }

    @Test
    void lastFailedAttemptMarksTheDeliveryFailedUntilRetriedByHand() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        String id = issued.subscription().id();
        receiver.answer(503, 503, 503);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, outbox.sendDue());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(0, outbox.sendDue(), "no attempt after the last");
        Delivery failed = webhooks.deliveries(RGC_A, id, null, 0).get(0);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(3, failed.attempts());
        assertEquals(503, failed.lastStatusCode());

        Health health = outbox.check();
        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals(1L, health.details().get("failed"));
        assertEquals(0L, health.details().get("pending"));
        assertFalse(health.details().toString().contains("127.0.0.1"), "no URL in public health");
        assertFalse(health.details().toString().contains(issued.secret()), "no secret in health");
        assertFalse(health.details().toString().contains(PARTNER_A), "no partner in health");

        Delivery retried = webhooks.retry(RGC_A, id, failed.id());
        assertEquals(DeliveryStatus.PENDING, retried.status());
        assertEquals(0, retried.attempts(), "a new series of attempts");
        assertEquals(1, outbox.sendDue());
        assertEquals(DeliveryStatus.DELIVERED, webhooks.deliveries(RGC_A, id, null, 0).get(0).status());
        assertEquals(Health.Status.UP, outbox.check().status());
        assertEquals(4, receiver.all().size());
    }

    @Test
    void partnersReceiveOnlyTheirOwnEventsAndFranceTravailReceivesAll() throws Exception {
        subscribe(RGC_A, "/a", null);
        subscribe(APP_B, "/b", null);
        subscribe(OPERATOR, "/ft", null);
        publish(event("e-a", "referral.state-changed", PARTNER_A), true);
        publish(event("e-b", "referral.state-changed", PARTNER_B), true);
        publish(event("e-ab", "referral.state-changed", PARTNER_A, PARTNER_B), true);
        while (outbox.sendDue() > 0) {
            // until nothing is due
        }

        assertEquals(List.of("e-a", "e-ab"), ids(receiver.on("/a")));
        assertEquals(List.of("e-b", "e-ab"), ids(receiver.on("/b")));
        assertEquals(List.of("e-a", "e-b", "e-ab"), ids(receiver.on("/ft")));
    }

    @Test
    void operatorSubscriptionForOnePartnerReceivesThatPartnersEventsOnly() throws Exception {
        subscribe(OPERATOR, "/for-b", PARTNER_B);
        publish(event("e-a", "referral.state-changed", PARTNER_A), true);
        publish(event("e-b", "referral.state-changed", PARTNER_B), true);
        while (outbox.sendDue() > 0) {
            // until nothing is due
        }
        assertEquals(List.of("e-b"), ids(receiver.all()));
    }

    @Test
    void eventPublishedTwiceIsDeliveredOnce() throws Exception {
        subscribe(RGC_A, "/a", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);

        assertEquals(1, count("EVENT"));
        assertEquals(1, count("DELIVERY"));
        assertEquals(1, outbox.sendDue());
        assertEquals(0, outbox.sendDue());
        assertEquals(1, receiver.all().size());
    }

    @Test
    void typeFilterLetsThroughOnlyTheTypesAsked() throws Exception {
        subscribe(RGC_A, "/exact", null, "referral.state-changed");
        subscribe(RGC_A, "/prefix", null, "referral.*");
        subscribe(RGC_A, "/all", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);
        publish(event("e-2", "referral.created", PARTNER_A), true);
        publish(event("e-3", "presentation.sent", PARTNER_A), true);
        while (outbox.sendDue() > 0) {
            // until nothing is due
        }
        assertEquals(List.of("e-1"), ids(receiver.on("/exact")));
        assertEquals(List.of("e-1", "e-2"), ids(receiver.on("/prefix")));
        assertEquals(List.of("e-1", "e-2", "e-3"), ids(receiver.on("/all")));
    }

    @Test
    void aSubscriptionsEventsGoOutInPublicationOrderEvenBehindARetry() throws Exception {
        subscribe(RGC_A, "/a", null);
        subscribe(RGC_A, "/other", null);
        receiver.answerOn("/a", 500);
        for (int i = 1; i <= 4; i++) {
            publish(event("e-" + i, "referral.state-changed", PARTNER_A), true);
        }

        outbox.sendDue();
        assertEquals(List.of("e-1"), ids(receiver.on("/a")), "e-2… wait behind e-1's retry");
        assertEquals(List.of("e-1", "e-2", "e-3", "e-4"), ids(receiver.on("/other")),
                "another subscription is not held back");

        clock.advance(Duration.ofSeconds(1));
        while (outbox.sendDue() > 0) {
            // until nothing is due
        }
        assertEquals(List.of("e-1", "e-1", "e-2", "e-3", "e-4"), ids(receiver.on("/a")));
    }

    @Test
    void aBacklogLongerThanASliceGoesOutOnceEachInOrderWithEveryReceipt() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            publish(event("e-" + i, "referral.state-changed", PARTNER_A), true);
            published.add("e-" + i);
        }
        int attempts = 0;
        for (int sent = outbox.sendDue(); sent > 0; sent = outbox.sendDue()) {
            attempts += sent; // slices of 50 in a turn of about a second: one round, or a few on a slow machine
        }
        assertEquals(120, attempts, "one attempt each");
        assertEquals(published, ids(receiver.all()), "each once, in publication order");
        List<Delivery> receipts = webhooks.deliveries(RGC_A, issued.subscription().id(), DeliveryStatus.DELIVERED,
                200);
        assertEquals(120, receipts.size());
        assertTrue(receipts.stream().allMatch(d -> d.attempts() == 1 && d.lastStatusCode() == 200
                && d.deliveredAt() != null), "every receipt recorded");
    }

    @Test
    void revokedSubscriptionGetsNothingMore() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);
        webhooks.revoke(RGC_A, issued.subscription().id());
        publish(event("e-2", "referral.state-changed", PARTNER_A), true);

        assertEquals(0, outbox.sendDue());
        assertEquals(List.of(), receiver.all());
        assertEquals(1, count("DELIVERY"), "the pending delivery is kept; none made after the revocation");
        assertEquals(0L, outbox.check().details().get("pending"), "a revoked subscription's are not counted");
    }

    @Test
    void pingGoesToThatSubscriptionOnly() throws Exception {
        IssuedSubscription a = subscribe(RGC_A, "/a", null, "referral.*");
        subscribe(RGC_A, "/a2", null);
        subscribe(OPERATOR, "/ft", null);

        Delivery ping = webhooks.ping(RGC_A, a.subscription().id());
        assertEquals(DeliveryStatus.PENDING, ping.status());
        assertEquals(WebhookOutbox.PING, ping.eventType());
        while (outbox.sendDue() > 0) {
            // until nothing is due
        }
        assertEquals(1, receiver.all().size());
        Receiver.Request request = receiver.on("/a").get(0);
        assertEquals("webhook.ping", request.header("Opus-Event-Type"), "despite the type filter");
        assertTrue(Signature.verify(a.secret(), request.header("Opus-Signature"), request.body(), T0));
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertEquals(a.subscription().id(), body.get("subject").asText());
        assertEquals(List.of(PARTNER_A), iterable(body.get("partnerIds").elements()).stream()
                .map(JsonNode::asText).toList());
    }

    @Test
    void httpUrlIsNotCalledOnceAllowHttpIsOff() throws Exception {
        IssuedSubscription issued = subscribe(RGC_A, "/a", null);
        outbox.stop();
        outbox = new WebhookOutbox(database.dataSource(), new HttpSender(5), clock, 3, 1, false, 0);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);

        assertEquals(1, outbox.sendDue());
        assertEquals(List.of(), receiver.all());
        Delivery delivery = webhooks.deliveries(RGC_A, issued.subscription().id(), null, 0).get(0);
        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertTrue(delivery.lastError().contains("http://"), delivery.lastError());
        assertNull(delivery.lastStatusCode());
    }

    @Test
    void eventsTheTablesCannotHoldAreRefusedAndNothingIsWritten() throws Exception {
        subscribe(RGC_A, "/a", null);
        DomainEvent notJson = new DomainEvent("e-1", "referral.state-changed", T0, Set.of(PARTNER_A), "r-1",
                Map.of("thing", new Object()));
        DomainEvent badType = new DomainEvent("e-2", "Referral State", T0, Set.of(PARTNER_A), "r-1", Map.of());
        DomainEvent huge = new DomainEvent("e-3", "referral.state-changed", T0, Set.of(PARTNER_A), "r-1",
                Map.of("text", "x".repeat(EventJson.MAX_PAYLOAD)));
        for (DomainEvent event : List.of(notJson, badType, huge)) {
            assertThrows(IllegalArgumentException.class, () -> publish(event, true), event.id());
        }
        assertEquals(0, count("EVENT"));
        assertEquals(0, count("DELIVERY"));
    }

    @Test
    void senderThreadDeliversOnItsOwnAndStopsOnDeactivation() throws Exception {
        outbox.stop();
        outbox = new WebhookOutbox(database.dataSource(), new HttpSender(5), Clock.systemUTC(), 3, 1, true,
                1);
        assertEquals("actif", outbox.check().details().get("sender"));
        subscribe(RGC_A, "/a", null);
        publish(event("e-1", "referral.state-changed", PARTNER_A), true);

        Receiver.Request request = receiver.next(Duration.ofSeconds(20));
        assertNotNull(request, "delivered by the sender thread");
        assertEquals("e-1", request.header("Opus-Event-Id"));

        outbox.stop();
        assertTrue(outbox.stopped());
        assertEquals("arrêté", outbox.check().details().get("sender"));
        publish(event("e-2", "referral.state-changed", PARTNER_A), true);
        assertNull(receiver.next(Duration.ofMillis(2500)), "nothing is sent once stopped");
    }

    private static List<String> ids(List<Receiver.Request> requests) {
        return requests.stream().map(r -> r.header("Opus-Event-Id")).toList();
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }
}
