package fr.opus.platform.webhooks;

import static fr.opus.platform.webhooks.Callers.APP_A;
import static fr.opus.platform.webhooks.Callers.APP_B;
import static fr.opus.platform.webhooks.Callers.COUNSELLOR_A;
import static fr.opus.platform.webhooks.Callers.FT_AGENT;
import static fr.opus.platform.webhooks.Callers.OPERATOR;
import static fr.opus.platform.webhooks.Callers.PARTNER_A;
import static fr.opus.platform.webhooks.Callers.PARTNER_B;
import static fr.opus.platform.webhooks.Callers.RGC_A;
import static fr.opus.platform.webhooks.Callers.RGC_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who may see and do what with subscriptions, and what a subscription request must look like. */
class WebhookManagerTest {

    private static final String URL = "https://si.mission-locale.fr/opus/webhooks?jeton=abc";

    private TestDatabase database;
    private RecordingAudit audit;
    private WebhookManager webhooks;

    @BeforeEach
    void setUp() {
        database = new TestDatabase();
        audit = new RecordingAudit();
        webhooks = new WebhookManager(database.dataSource(), audit, new KnownPartners(PARTNER_A, PARTNER_B),
                new MutableClock(Instant.parse("2026-11-23T10:00:00Z")), false);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private IssuedSubscription subscribe(Caller by, String partnerId, String... events) {
        return webhooks.subscribe(by, new WebhookDraft(URL, List.of(events), "SI de la structure", partnerId));
    }

    private static OpusException refused(int status, String code, Executable call) {
        OpusException e = assertThrows(OpusException.class, call);
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void partnerCallersSubscribeForTheirOwnPartnerAndGetTheSecretOnce() {
        IssuedSubscription issued = subscribe(RGC_A, null, "referral.*", "referral.state-changed");
        Subscription created = issued.subscription();
        assertEquals(PARTNER_A, created.partnerId());
        assertEquals(URL, created.url());
        assertEquals(List.of("referral.*", "referral.state-changed"), created.events());
        assertEquals("SI de la structure", created.description());
        assertTrue(created.active());
        assertEquals("rgc-a", created.createdBy());
        assertEquals(32, Base64.getUrlDecoder().decode(issued.secret()).length, "32 random bytes, base64url");
        assertFalse(issued.secret().contains("="), "no padding");
        assertFalse(issued.toString().contains(issued.secret()), "not in a log line by accident");

        assertEquals(PARTNER_A, subscribe(APP_A, PARTNER_A).subscription().partnerId(), "its own id may be given");
        assertTrue(!subscribe(APP_A, null).secret().equals(issued.secret()), "a secret per subscription");
    }

    @Test
    void anotherPartnersSubscriptionAnswers404AsIfItDidNotExist() {
        String a = subscribe(RGC_A, null).subscription().id();
        String franceTravail = subscribe(OPERATOR, null).subscription().id();
        for (Caller stranger : List.of(RGC_B, APP_B)) {
            for (String id : List.of(a, franceTravail, "no-such-id")) {
                List<Executable> calls = List.of(() -> webhooks.subscription(stranger, id),
                        () -> webhooks.revoke(stranger, id), () -> webhooks.deliveries(stranger, id, null, 10),
                        () -> webhooks.retry(stranger, id, 1L), () -> webhooks.ping(stranger, id));
                for (Executable call : calls) {
                    OpusException e = refused(404, WebhookProblemCodes.WEBHOOK_NOT_FOUND, call);
                    assertEquals("Aucun abonnement webhook « " + id + " ».", e.detail(), "the same answer for all");
                }
            }
            assertEquals(List.of(), webhooks.subscriptions(stranger, PARTNER_A), "asking for A's list shows nothing");
            assertEquals(List.of(), webhooks.subscriptions(stranger, null));
        }
        assertTrue(webhooks.subscription(RGC_A, a).active(), "B's attempts changed nothing");
        assertEquals(List.of(a), webhooks.subscriptions(APP_A, null).stream().map(Subscription::id).toList(),
                "A's people and applications share A's subscriptions, not France Travail's");
    }

    @Test
    void operatorsSeeEverySubscriptionAndMakeFranceTravailWideOnes() {
        String a = subscribe(APP_A, null).subscription().id();
        String b = subscribe(RGC_B, null).subscription().id();
        IssuedSubscription all = subscribe(OPERATOR, null);
        assertNull(all.subscription().partnerId(), "France Travail-wide");
        String forB = subscribe(OPERATOR, PARTNER_B).subscription().id();

        assertEquals(4, webhooks.subscriptions(OPERATOR, null).size());
        assertEquals(List.of(b, forB).stream().sorted().toList(), webhooks.subscriptions(OPERATOR, PARTNER_B).stream()
                .map(Subscription::id).sorted().toList());
        assertEquals(a, webhooks.subscription(OPERATOR, a).id());
        assertEquals(List.of(b, forB).stream().sorted().toList(), webhooks.subscriptions(RGC_B, null).stream()
                .map(Subscription::id).sorted().toList(), "B sees the one the operator made for it");

        OpusException unknown = refused(400, WebhookProblemCodes.INVALID_WEBHOOK, () -> subscribe(OPERATOR, "nobody"));
        assertEquals("partnerId", unknown.field());
    }

    @Test
    void otherRolesMayNotManageWebhooks() {
        String a = subscribe(RGC_A, null).subscription().id();
        for (Caller caller : List.of(COUNSELLOR_A, FT_AGENT)) {
            refused(403, SecurityProblemCodes.FORBIDDEN, () -> subscribe(caller, null));
            refused(403, SecurityProblemCodes.FORBIDDEN, () -> webhooks.subscriptions(caller, null));
            refused(403, SecurityProblemCodes.FORBIDDEN, () -> webhooks.subscription(caller, a));
            refused(403, SecurityProblemCodes.FORBIDDEN, () -> webhooks.revoke(caller, a));
        }
    }

    @Test
    void aPartnerCannotSubscribeForAnotherPartner() {
        OpusException e = refused(400, WebhookProblemCodes.INVALID_WEBHOOK, () -> subscribe(RGC_A, PARTNER_B));
        assertEquals("partnerId", e.field());
        assertEquals(List.of(), webhooks.subscriptions(OPERATOR, null));
    }

    @Test
    void invalidRequestsNameTheField() {
        record Case(WebhookDraft draft, String field) {
        }
        for (Case c : List.of(
                new Case(new WebhookDraft("http://si.exemple.fr/hook", null, null, null), "url"),
                new Case(new WebhookDraft("https://u:p@si.exemple.fr/hook", null, null, null), "url"),
                new Case(new WebhookDraft("https://si.exemple.fr/hook#x", null, null, null), "url"),
                new Case(new WebhookDraft(null, null, null, null), "url"),
                new Case(new WebhookDraft(URL, List.of("Referral"), null, null), "events"),
                new Case(new WebhookDraft(URL, List.of("referral.*.x"), null, null), "events"),
                new Case(new WebhookDraft(URL, java.util.Arrays.asList((String) null), null, null), "events"),
                new Case(new WebhookDraft(URL, java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t.e" + i)
                        .toList(), null, null), "events"),
                new Case(new WebhookDraft(URL, null, "x".repeat(201), null), "description"),
                new Case(new WebhookDraft(URL, null, "deux\nlignes", null), "description"))) {
            OpusException e = refused(400, WebhookProblemCodes.INVALID_WEBHOOK, () -> webhooks.subscribe(RGC_A,
                    c.draft()));
            assertEquals(c.field(), e.field(), c.draft().toString());
        }
        assertEquals(List.of(), webhooks.subscriptions(OPERATOR, null), "nothing was stored");
    }

    @Test
    void aPartnerHoldsAtMostTenActiveSubscriptions() {
        for (int i = 0; i < WebhookManager.MAX_ACTIVE; i++) {
            subscribe(i % 2 == 0 ? RGC_A : APP_A, null);
        }
        refused(409, WebhookProblemCodes.WEBHOOK_LIMIT_REACHED, () -> subscribe(RGC_A, null));
        subscribe(RGC_B, null); // B has its own ten
        webhooks.revoke(RGC_A, webhooks.subscriptions(RGC_A, null).get(0).id());
        subscribe(RGC_A, null); // a revoked one no longer counts
    }

    @Test
    void revokingKeepsTheSubscriptionReadableAndIsIdempotent() {
        String a = subscribe(RGC_A, null).subscription().id();
        Subscription revoked = webhooks.revoke(APP_A, a);
        assertFalse(revoked.active());
        assertEquals("app-a", revoked.revokedBy());
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), revoked.revokedAt());
        assertEquals(revoked, webhooks.revoke(RGC_A, a), "revoking again changes nothing");
        assertEquals(revoked, webhooks.subscription(RGC_A, a));
        refused(409, WebhookProblemCodes.WEBHOOK_REVOKED, () -> webhooks.ping(RGC_A, a));
        assertEquals(1, audit.lines.stream().filter(l -> l.contains("webhook.revoke")).count());
    }

    @Test
    void onlyAFailedDeliveryOfThatSubscriptionCanBeRetried() {
        String a = subscribe(RGC_A, null).subscription().id();
        String other = subscribe(RGC_A, null).subscription().id();
        Delivery ping = webhooks.ping(RGC_A, a);
        refused(409, WebhookProblemCodes.DELIVERY_NOT_FAILED, () -> webhooks.retry(RGC_A, a, ping.id()));
        refused(404, WebhookProblemCodes.DELIVERY_NOT_FOUND, () -> webhooks.retry(RGC_A, other, ping.id()));
        refused(404, WebhookProblemCodes.DELIVERY_NOT_FOUND, () -> webhooks.retry(RGC_A, a, 999_999L));
    }

    @Test
    void deliveriesAreListedNewestFirstByStatusAndLimit() {
        String a = subscribe(RGC_A, null).subscription().id();
        Delivery first = webhooks.ping(RGC_A, a);
        Delivery second = webhooks.ping(APP_A, a);
        assertEquals(List.of(second.id(), first.id()), webhooks.deliveries(RGC_A, a, null, 0).stream()
                .map(Delivery::id).toList());
        assertEquals(List.of(second.id()), webhooks.deliveries(RGC_A, a, DeliveryStatus.PENDING, 1).stream()
                .map(Delivery::id).toList());
        assertEquals(List.of(), webhooks.deliveries(RGC_A, a, DeliveryStatus.FAILED, 10));
        assertEquals(2, webhooks.deliveries(OPERATOR, a, null, 0).size());
    }

    @Test
    void theSecretIsInNoAnswerButTheFirstNorInTheAuditTrail() {
        IssuedSubscription issued = subscribe(RGC_A, null);
        String id = issued.subscription().id();
        webhooks.ping(RGC_A, id);
        String seen = List.of(webhooks.subscription(RGC_A, id), webhooks.subscriptions(RGC_A, null),
                webhooks.subscriptions(OPERATOR, null), webhooks.deliveries(RGC_A, id, null, 0),
                webhooks.revoke(RGC_A, id)).toString();
        assertFalse(seen.contains(issued.secret()), seen);
        assertTrue(seen.contains(id), "the answers were really looked at");

        assertEquals(3, audit.lines.size(), audit.lines.toString());
        assertTrue(audit.lines.get(0).startsWith("rgc-a webhook.create webhook:" + id + " success destinataire"
                + " https://si.mission-locale.fr, partenaire partner-a"), audit.lines.get(0));
        for (String line : audit.lines) {
            assertFalse(line.contains(issued.secret()), line);
            assertFalse(line.contains("jeton=abc"), "no query string, which may carry a token: " + line);
        }
    }
}
