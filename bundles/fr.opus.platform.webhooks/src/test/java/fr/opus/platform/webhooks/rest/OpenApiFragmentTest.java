package fr.opus.platform.webhooks.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.openapi.FragmentContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import fr.opus.platform.webhooks.Delivery;
import fr.opus.platform.webhooks.EventBodies;
import fr.opus.platform.webhooks.IssuedSubscription;
import fr.opus.platform.webhooks.Subscription;
import fr.opus.platform.webhooks.WebhookDraft;
import fr.opus.platform.webhooks.WebhookProblemCodes;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI fragment is the contract: it documents exactly the operations {@link WebhookResource} serves,
 * with the parameters and bodies they read, the roles their {@code @Permit} lets in, schemas whose properties are
 * those Jackson writes for the records, the problem codes really answered, and the event body a receiver gets.
 */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {WebhookResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("WebhookDraft", WebhookDraft.class),
            Map.entry("Subscription", Subscription.class),
            Map.entry("IssuedSubscription", IssuedSubscription.class),
            Map.entry("Delivery", Delivery.class));

    /** Documented for receivers (the body Opus POSTs), not a record: checked against a real body below. */
    private static final String EVENT_SCHEMA = "WebhookEvent";

    /** What the methods returning a {@link Response} put in it: the status and the entity's record. */
    private static final Map<Operation, Map.Entry<Integer, Class<? extends Record>>> RESPONSES = Map.of(
            new Operation("POST", "/api/v1/webhooks"), Map.entry(201, IssuedSubscription.class),
            new Operation("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry"),
            Map.entry(202, Delivery.class),
            new Operation("POST", "/api/v1/webhooks/{id}/ping"), Map.entry(202, Delivery.class));

    /**
     * Each problem code these operations answer with and its HTTP status, as WebhookManager, the resource, the JSON
     * provider and the platform's Guard and authenticator throw them.
     */
    private static final Map<String, Set<Integer>> STATUSES = Map.ofEntries(
            Map.entry(ProblemCodes.INVALID_PARAMETER, Set.of(400)),
            Map.entry(ProblemCodes.MALFORMED_BODY, Set.of(400)),
            Map.entry(WebhookProblemCodes.INVALID_WEBHOOK, Set.of(400)),
            Map.entry(SecurityProblemCodes.UNAUTHORIZED, Set.of(401)),
            Map.entry(SecurityProblemCodes.INVALID_TOKEN, Set.of(401)),
            Map.entry(SecurityProblemCodes.ACCOUNT_LOCKED, Set.of(401)),
            Map.entry(SecurityProblemCodes.CONVENTION_NOT_IN_FORCE, Set.of(401)),
            Map.entry(SecurityProblemCodes.FORBIDDEN, Set.of(403)),
            Map.entry(WebhookProblemCodes.WEBHOOK_NOT_FOUND, Set.of(404)),
            Map.entry(WebhookProblemCodes.DELIVERY_NOT_FOUND, Set.of(404)),
            Map.entry(WebhookProblemCodes.WEBHOOK_REVOKED, Set.of(409)),
            Map.entry(WebhookProblemCodes.DELIVERY_NOT_FAILED, Set.of(409)),
            Map.entry(WebhookProblemCodes.WEBHOOK_LIMIT_REACHED, Set.of(409)));

    private static final FragmentContract CONTRACT = FragmentContract.of("/OSGI-INF/openapi/webhooks.json", RECORDS,
            RESOURCES);

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        CONTRACT.assertServedAsDocumented();
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsReadWithTheirTypes() {
        CONTRACT.assertPathAndQueryParametersAreRead();
        CONTRACT.assertParameterTypes();
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        CONTRACT.assertJsonRequestBodies(Map.of()); // WebhookManager screens no text for personal data: no 422
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        CONTRACT.assertSuccessAnswers((operation, method) -> {
            Map.Entry<Integer, Class<? extends Record>> built = RESPONSES.get(operation);
            assertNotNull(built, operation + " builds its Response: say what it holds in RESPONSES");
            CONTRACT.assertBuiltAnswer(operation, built.getKey(), built.getValue());
        });
        assertTrue(CONTRACT.served().keySet().containsAll(RESPONSES.keySet()), "RESPONSES names served operations");
    }

    @Test
    void accessIsDocumentedAsTheResourceAppliesIt() {
        CONTRACT.assertAccessAsApplied((operation, method, allowed) -> {
            assertNotNull(allowed, operation + ": no webhook operation is public");
            assertEquals(Set.of(Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION), allowed,
                    operation + ": the roles of the authorisation table");
            Permit permit = method.getAnnotation(Permit.class);
            assertNotNull(permit, operation + " states its roles on the method");
            assertTrue(permit.service().isEmpty(), operation + ": document the convention service, then relax this");
            assertTrue(permit.scope().isEmpty(), operation + ": document the OAuth2 scope, then relax this");
            if (!operation.path().equals("/api/v1/webhooks")) {
                assertTrue(CONTRACT.codes(operation, "404").contains(WebhookProblemCodes.WEBHOOK_NOT_FOUND),
                        operation + ": another partner's subscription answers 404");
            }
        });
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        CONTRACT.assertSchemasAreTheRecords(EVENT_SCHEMA);
        CONTRACT.assertEnumsListEveryConstant();
        CONTRACT.assertPrimitivesAreRequired();
        Map<String, Object> schemas = CONTRACT.schemas();
        assertFalse(names(at(schemas, "Subscription", "properties")).contains("secret"), "never the secret");
        assertFalse(names(at(schemas, "Delivery", "properties")).contains("secret"), "never the secret");
    }

    @Test
    void theEventBodyAndHeadersAreDocumentedAsTheSenderWritesThem() throws Exception {
        Map<String, Object> callback = object(at(CONTRACT.documented(new Operation("POST", "/api/v1/webhooks")),
                "callbacks", "evenement", "{$request.body#/url}", "post"), "callback");
        assertEquals("#/components/schemas/" + EVENT_SCHEMA,
                at(callback, "requestBody", "content", "application/json", "schema", "$ref"));
        Set<String> headers = list(callback.get("parameters"), "parameters").stream()
                .map(p -> object(p, "parameter")).filter(p -> "header".equals(p.get("in")))
                .map(p -> (String) p.get("name")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("Opus-Event-Id", "Opus-Event-Type", "Opus-Delivery-Id", "Opus-Signature")),
                headers);
        String description = (String) callback.get("description");
        assertTrue(description.contains("t=<secondes depuis 1970>,v1=<HMAC-SHA256 en hexadécimal minuscule>"));
        assertTrue(description.contains("5 minutes"), "the replay tolerance");

        // a body as the sender writes it
        Map<String, Object> event = object(CONTRACT.schemas().get(EVENT_SCHEMA), EVENT_SCHEMA);
        List<String> documented = new ArrayList<>(object(event.get("properties"), "properties").keySet());
        String body = EventBodies.sample();
        List<String> written = new ArrayList<>();
        new ObjectMapper().readTree(body).fieldNames().forEachRemaining(written::add);
        assertEquals(written, documented, "the properties, in the order they are written");
        assertEquals(new TreeSet<>(written), required(event), "all are always written");
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        CONTRACT.assertReferencesTagsAndOperationIdsHoldTogether();
        CONTRACT.assertErrorsAreProblemDocuments();
    }

    @Test
    void problemCodesAreTheRealOnesUnderTheirStatusAndExamplesAgree() {
        CONTRACT.assertProblemCodes(STATUSES, FragmentContract.publishedCodes(ProblemCodes.class,
                SecurityProblemCodes.class, WebhookProblemCodes.class));
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        Map<Operation, Method> served = CONTRACT.served();
        assertTrue(served.containsKey(new Operation("DELETE", "/api/v1/webhooks/{id}")));
        assertTrue(served.containsKey(new Operation("POST", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry")));
        assertEquals(7, served.size(), "the operations of WebhookResource: " + served.keySet());
    }
}
