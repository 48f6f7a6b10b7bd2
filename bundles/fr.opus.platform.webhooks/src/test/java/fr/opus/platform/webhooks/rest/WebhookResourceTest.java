package fr.opus.platform.webhooks.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.JsonProvider;
import fr.opus.platform.rest.openapi.CallerContext;
import fr.opus.platform.webhooks.Delivery;
import fr.opus.platform.webhooks.DeliveryStatus;
import fr.opus.platform.webhooks.IssuedSubscription;
import fr.opus.platform.webhooks.Subscription;
import fr.opus.platform.webhooks.WebhookDraft;
import fr.opus.platform.webhooks.WebhookProblemCodes;
import fr.opus.platform.webhooks.Webhooks;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/**
 * The resource with a fake {@link Webhooks} that applies the documented access rule (a partner's people and
 * applications reach their partner's subscriptions only, France Travail reaches all): what the resource answers,
 * that it passes the caller through untouched, that its {@code @Permit} lets in exactly the three roles, and that
 * no answer after the first carries the secret, as clients get it in JSON.
 */
class WebhookResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Caller RGC_A = partner("rgc-a", Role.ACCOUNT_MANAGER, "partner-a");
    private static final Caller APP_B = partner("app-b", Role.PARTNER_APPLICATION, "partner-b");
    private static final Caller OPERATOR = new Caller("op-1", "operateur", Role.REGIONAL_OPERATOR, null, null, "84",
            Set.of(), Set.of(), null);

    private final FakeWebhooks webhooks = new FakeWebhooks();
    private final WebhookResource resource = new WebhookResource(webhooks);
    private final ObjectMapper json = JsonProvider.newMapper();

    @Test
    void creationAnswers201WithTheSecretLocationAndNoStore() throws Exception {
        Response created = resource.create(new CallerContext(RGC_A),
                new WebhookDraft("https://si.exemple.fr/hook", List.of(), null, null));
        assertEquals(201, created.getStatus());
        IssuedSubscription issued = (IssuedSubscription) created.getEntity();
        assertEquals("/api/v1/webhooks/" + issued.subscription().id(), String.valueOf(created.getLocation()));
        assertTrue(created.getHeaderString("Cache-Control").contains("no-store"));
        JsonNode body = json.readTree(json.writeValueAsString(issued));
        assertEquals(issued.secret(), body.get("secret").asText(), "shown in this answer");
        assertEquals("partner-a", body.get("subscription").get("partnerId").asText());
    }

    @Test
    void noReadAnswerCarriesTheSecret() throws Exception {
        IssuedSubscription issued = (IssuedSubscription) resource.create(new CallerContext(RGC_A),
                new WebhookDraft("https://si.exemple.fr/hook", List.of(), "SI", null)).getEntity();
        String id = issued.subscription().id();
        resource.ping(new CallerContext(RGC_A), id);
        List<Object> answers = List.of(resource.get(new CallerContext(RGC_A), id),
                resource.list(new CallerContext(RGC_A), null), resource.list(new CallerContext(OPERATOR), null),
                resource.deliveries(new CallerContext(RGC_A), id, null, null),
                resource.revoke(new CallerContext(RGC_A), id));
        for (Object answer : answers) {
            String text = json.writeValueAsString(answer);
            assertTrue(text.contains(id), text);
            assertFalse(text.contains(issued.secret()), text);
            assertFalse(text.contains("\"secret\""), text);
        }
    }

    @Test
    void anotherPartnersSubscriptionIsNotFoundThroughEveryOperation() {
        String id = ((IssuedSubscription) resource.create(new CallerContext(RGC_A),
                new WebhookDraft("https://si.exemple.fr/hook", List.of(), null, null)).getEntity()).subscription().id();
        SecurityContext b = new CallerContext(APP_B);
        for (Runnable call : List.<Runnable>of(() -> resource.get(b, id), () -> resource.revoke(b, id),
                () -> resource.deliveries(b, id, null, 10), () -> resource.retry(b, id, 1L),
                () -> resource.ping(b, id))) {
            OpusException e = assertThrows(OpusException.class, call::run);
            assertEquals(404, e.status());
            assertEquals(WebhookProblemCodes.WEBHOOK_NOT_FOUND, e.code());
        }
        assertEquals(List.of(), resource.list(b, "partner-a"));
        assertEquals(id, resource.get(new CallerContext(OPERATOR), id).id(), "France Travail reaches it");
    }

    @Test
    void retryAndPingAnswer202WithTheDelivery() {
        String id = ((IssuedSubscription) resource.create(new CallerContext(RGC_A),
                new WebhookDraft("https://si.exemple.fr/hook", List.of(), null, null)).getEntity()).subscription().id();
        Response ping = resource.ping(new CallerContext(RGC_A), id);
        assertEquals(202, ping.getStatus());
        Delivery delivery = (Delivery) ping.getEntity();
        assertEquals("webhook.ping", delivery.eventType());
        Response retry = resource.retry(new CallerContext(RGC_A), id, delivery.id());
        assertEquals(202, retry.getStatus());
        assertEquals(delivery.id(), ((Delivery) retry.getEntity()).id());
    }

    @Test
    void statusFilterIsReadCaseInsensitivelyAndAnUnknownOneIsA400OnStatus() {
        String id = ((IssuedSubscription) resource.create(new CallerContext(RGC_A),
                new WebhookDraft("https://si.exemple.fr/hook", List.of(), null, null)).getEntity()).subscription().id();
        resource.deliveries(new CallerContext(RGC_A), id, "failed", 5);
        assertEquals(List.of("deliveries " + id + " FAILED 5"), webhooks.calls.subList(webhooks.calls.size() - 1,
                webhooks.calls.size()));
        resource.deliveries(new CallerContext(RGC_A), id, null, null);
        assertEquals("deliveries " + id + " null 0", webhooks.calls.get(webhooks.calls.size() - 1),
                "no limit: the service's default");
        OpusException e = assertThrows(OpusException.class,
                () -> resource.deliveries(new CallerContext(RGC_A), id, "LOST", null));
        assertEquals(400, e.status());
        assertEquals(ProblemCodes.INVALID_PARAMETER, e.code());
        assertEquals("status", e.field());
    }

    @Test
    void missingBodyIsAMalformedBody() {
        OpusException e = assertThrows(OpusException.class, () -> resource.create(new CallerContext(RGC_A), null));
        assertEquals(ProblemCodes.MALFORMED_BODY, e.code());
        assertTrue(webhooks.calls.isEmpty(), "the service was not called");
    }

    @Test
    void everyOperationIsOpenToOperatorsAccountManagersAndPartnerApplicationsOnly() {
        int operations = 0;
        for (Method method : WebhookResource.class.getMethods()) {
            if (!isOperation(method)) {
                continue;
            }
            operations++;
            Guard.Rule rule = Guard.ruleOf(method, WebhookResource.class);
            for (Role role : Role.values()) {
                Caller caller = role.partnerBound() ? partner("x", role, "partner-a")
                        : new Caller("id", "x", role, null, null, null, Set.of(), Set.of(), null);
                boolean allowed = Set.of(Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION)
                        .contains(role);
                if (allowed) {
                    Guard.check(rule, caller);
                } else {
                    OpusException e = assertThrows(OpusException.class, () -> Guard.check(rule, caller),
                            method.getName() + " " + role);
                    assertEquals(SecurityProblemCodes.FORBIDDEN, e.code());
                }
            }
        }
        assertEquals(7, operations);
    }

    private static boolean isOperation(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static Caller partner(String login, Role role, String partnerId) {
        return new Caller("id-" + login, login, role, partnerId, "c-" + partnerId, "84", Set.of(), Set.of(), null);
    }

    /** Subscriptions in memory, with the access rule of the real service; records the calls it gets. */
    private static final class FakeWebhooks implements Webhooks {

        final List<String> calls = new ArrayList<>();
        private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        private final Map<Long, Delivery> deliveries = new LinkedHashMap<>();

        private Subscription visible(Caller by, String id) {
            Subscription s = subscriptions.get(id);
            if (s == null || by.role().partnerBound() && !by.partnerId().equals(s.partnerId())) {
                throw OpusException.notFound(WebhookProblemCodes.WEBHOOK_NOT_FOUND, "Aucun abonnement webhook.");
            }
            return s;
        }

        @Override
        public IssuedSubscription subscribe(Caller by, WebhookDraft draft) {
            calls.add("subscribe");
            Subscription s = new Subscription(UUID.randomUUID().toString(), by.partnerId(), draft.url(),
                    draft.events(), draft.description(), true, by.login(), NOW, null, null);
            subscriptions.put(s.id(), s);
            return new IssuedSubscription(s, "s3cr3t-" + UUID.randomUUID());
        }

        @Override
        public List<Subscription> subscriptions(Caller by, String partnerId) {
            calls.add("subscriptions " + partnerId);
            return subscriptions.values().stream().filter(s -> !by.role().partnerBound()
                    || by.partnerId().equals(s.partnerId())).toList();
        }

        @Override
        public Subscription subscription(Caller by, String subscriptionId) {
            calls.add("subscription " + subscriptionId);
            return visible(by, subscriptionId);
        }

        @Override
        public Subscription revoke(Caller by, String subscriptionId) {
            calls.add("revoke " + subscriptionId);
            Subscription s = visible(by, subscriptionId);
            Subscription revoked = new Subscription(s.id(), s.partnerId(), s.url(), s.events(), s.description(),
                    false, s.createdBy(), s.createdAt(), by.login(), NOW);
            subscriptions.put(s.id(), revoked);
            return revoked;
        }

        @Override
        public List<Delivery> deliveries(Caller by, String subscriptionId, DeliveryStatus status, int limit) {
            calls.add("deliveries " + subscriptionId + " " + status + " " + limit);
            visible(by, subscriptionId);
            return deliveries.values().stream().filter(d -> d.subscriptionId().equals(subscriptionId)).toList();
        }

        @Override
        public Delivery retry(Caller by, String subscriptionId, long deliveryId) {
            calls.add("retry " + subscriptionId + " " + deliveryId);
            visible(by, subscriptionId);
            Delivery d = deliveries.get(deliveryId);
            assertNotNull(d);
            return d;
        }

        @Override
        public Delivery ping(Caller by, String subscriptionId) {
            calls.add("ping " + subscriptionId);
            visible(by, subscriptionId);
            Delivery d = new Delivery(deliveries.size() + 1, subscriptionId, UUID.randomUUID().toString(),
                    "webhook.ping", DeliveryStatus.PENDING, 0, NOW, null, NOW, null, null, null, null);
            deliveries.put(d.id(), d);
            return d;
        }
    }
}
