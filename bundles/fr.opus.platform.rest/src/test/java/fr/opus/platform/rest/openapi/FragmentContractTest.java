package fr.opus.platform.rest.openapi;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.PublicAccess;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The checks every REST bundle's {@code OpenApiFragmentTest} makes, on a small resource and a fragment made for it:
 * they pass on the fragment as written, and each fails on a fragment altered where it looks.
 */
class FragmentContractTest {

    enum Colour { RED, GREEN }

    record Thing(String id, int rank, Colour colour) {
    }

    record Draft(String note) {
    }

    @Path("/things")
    @Permit(Role.REGIONAL_OPERATOR)
    public static class ThingResource {

        @GET
        public List<Thing> find(@QueryParam("q") String text) {
            return List.of();
        }

        @GET
        @Path("{id}")
        public Thing get(@PathParam("id") String id, @HeaderParam("If-None-Match") String tag) {
            return null;
        }

        @POST
        public Response create(Draft draft) {
            return null;
        }

        @DELETE
        @Path("{id}")
        public void remove(@PathParam("id") String id) {
        }

        @POST
        @Path("hello")
        @PublicAccess
        public Map<String, Double> hello() {
            return Map.of();
        }
    }

    private static final Map<String, Class<? extends Record>> RECORDS = Map.of("Thing", Thing.class,
            "Draft", Draft.class);

    private static final Operation FIND = new Operation("GET", "/things");
    private static final Operation CREATE = new Operation("POST", "/things");
    private static final Operation GET = new Operation("GET", "/things/{id}");
    private static final Operation REMOVE = new Operation("DELETE", "/things/{id}");
    private static final Operation HELLO = new Operation("POST", "/things/hello");

    private static final Map<String, Set<Integer>> STATUSES = Map.of(ProblemCodes.MALFORMED_BODY, Set.of(400),
            ProblemCodes.UNAUTHORIZED, Set.of(401), ProblemCodes.FORBIDDEN, Set.of(403),
            ProblemCodes.FORBIDDEN_PERSONAL_DATA, Set.of(422));

    private static final Map<Class<? extends Record>, String> SCREENED = Map.of(Draft.class, "note");

    @Test
    void theFragmentAsWrittenPassesEveryCheck() {
        FragmentContract contract = contract(fragment -> { });
        contract.assertServedAsDocumented();
        contract.assertPathAndQueryParametersAreRead();
        contract.assertHeaderParametersAreRead();
        contract.assertParameterTypes();
        contract.assertJsonRequestBodies(SCREENED);
        contract.assertSuccessAnswers((operation, method) -> contract.assertBuiltAnswer(operation, 201, Thing.class));
        Set<Operation> open = new TreeSet<>();
        contract.assertAccessAsApplied((operation, method, allowed) -> {
            if (allowed == null) {
                open.add(operation);
            }
        });
        assertEquals(Set.of(HELLO), open);
        contract.assertSchemasAreTheRecords();
        contract.assertEnumsListEveryConstant();
        contract.assertPrimitivesAreRequired();
        contract.assertReferencesTagsAndOperationIdsHoldTogether();
        contract.assertErrorsAreProblemDocuments();
        contract.assertProblemCodes(STATUSES, FragmentContract.publishedCodes(ProblemCodes.class));
        assertEquals(Set.of(ProblemCodes.MALFORMED_BODY), contract.codes(CREATE, "400"));
        assertEquals(Set.of(), contract.codes(CREATE, "404"));
    }

    @Test
    void operationsAndParametersFailWhereTheyDifferFromTheJava() {
        failsOn(f -> object(at(f, "paths", "/things"), "item").remove("get"),
                FragmentContract::assertServedAsDocumented);
        failsOn(f -> parameters(f, FIND).clear(), FragmentContract::assertPathAndQueryParametersAreRead);
        failsOn(f -> parameters(f, GET).clear(), FragmentContract::assertHeaderParametersAreRead);
        failsOn(f -> object(parameters(f, GET).get(0), "header").put("schema", Map.of("type", "integer")),
                FragmentContract::assertParameterTypes);
    }

    @Test
    void bodiesFailWhereTheyDifferFromWhatTheMethodsRead() {
        Consumer<FragmentContract> bodies = contract -> contract.assertJsonRequestBodies(SCREENED);
        failsOn(f -> object(operation(f, CREATE).get("requestBody"), "body").put("required", false), bodies);
        failsOn(f -> object(at(f, "components", "schemas", "Draft"), "Draft").remove("additionalProperties"), bodies);
        failsOn(f -> object(at(operation(f, CREATE), "responses", "422", "content", "application/problem+json",
                "example"), "example").put("field", "other"), bodies);
        failsOn(f -> object(operation(f, FIND).get("responses"), "responses").put("422", Map.of("description", "")),
                bodies);
        failsOn(f -> { }, contract -> contract.assertJsonRequestBodies(Map.of()));
    }

    @Test
    void answersFailWhereTheyDifferFromWhatTheMethodsReturn() {
        Consumer<FragmentContract> answers = contract -> contract.assertSuccessAnswers(
                (operation, method) -> contract.assertBuiltAnswer(operation, 201, Thing.class));
        failsOn(f -> responses(f, REMOVE).put("200", responses(f, REMOVE).remove("204")), answers);
        failsOn(f -> responses(f, GET).put("200", Map.of("description", "", "content", Map.of("application/json",
                Map.of("schema", Map.of("type", "string"))))), answers);
        failsOn(f -> object(at(responses(f, CREATE), "201"), "201").remove("headers"), answers);
        failsOn(f -> { }, contract -> contract.assertSuccessAnswers(
                (operation, method) -> contract.assertBuiltAnswer(operation, 202, Thing.class)));
    }

    @Test
    void accessFailsWhereItDiffersFromWhatGuardApplies() {
        Consumer<FragmentContract> access = contract -> contract.assertAccessAsApplied((o, m, allowed) -> { });
        failsOn(f -> operation(f, FIND).put("security", List.of()), access);
        failsOn(f -> operation(f, FIND).put("description", "Cherche des choses.\n\nRôle : RGC."), access);
        failsOn(f -> object(responses(f, FIND).get("403"), "403").put("description", "Erreur (RFC 9457) : x. Code : "
                + "unauthorized."), access);
        failsOn(f -> responses(f, FIND).remove("401"), access);
        failsOn(f -> operation(f, HELLO).put("description", "Dit bonjour."), access);
        failsOn(f -> object(at(f, "components", "securitySchemes", "basicAuth"), "basicAuth").put("scheme", "bearer"),
                access);
    }

    @Test
    void schemasFailWhereTheyDifferFromTheRecords() {
        failsOn(f -> object(at(f, "components", "schemas", "Thing", "properties"), "Thing").put("size",
                Map.of("type", "integer")), FragmentContract::assertSchemasAreTheRecords);
        failsOn(f -> object(at(f, "components", "schemas"), "schemas").put("Other", Map.of("type", "object")),
                FragmentContract::assertSchemasAreTheRecords);
        Consumer<Map<String, Object>> narrower = f -> object(at(f, "components", "schemas", "Thing", "properties",
                "colour"), "colour").put("enum", List.of("RED"));
        failsOn(narrower, FragmentContract::assertSchemasAreTheRecords, "a narrower enum list is fine here", false);
        failsOn(narrower, FragmentContract::assertEnumsListEveryConstant);
        failsOn(f -> object(at(f, "components", "schemas", "Thing"), "Thing").put("required", List.of("id")),
                FragmentContract::assertPrimitivesAreRequired);
    }

    @Test
    void houseRulesFailWhereTheFragmentBreaksThem() {
        failsOn(f -> operation(f, GET).put("operationId", "findThings"),
                FragmentContract::assertReferencesTagsAndOperationIdsHoldTogether);
        failsOn(f -> list(f.get("tags"), "tags").add(Map.of("name", "Autres")),
                FragmentContract::assertReferencesTagsAndOperationIdsHoldTogether);
        failsOn(f -> object(at(responses(f, GET), "200", "content", "application/json", "schema"), "schema")
                .put("$ref", "#/components/schemas/Nothing"),
                FragmentContract::assertReferencesTagsAndOperationIdsHoldTogether);
        Consumer<Map<String, Object>> json = f -> object(at(responses(f, FIND), "401", "content"), "content")
                .put("application/json", Map.of());
        failsOn(json, FragmentContract::assertErrorsAreProblemDocuments);
        failsOn(json, contract -> contract.assertErrorsAreProblemDocuments((operation, status) -> operation.equals(FIND)
                && status.equals("401")),
                "an error the caller checks itself", false);

        Consumer<FragmentContract> codes = contract -> contract.assertProblemCodes(STATUSES,
                FragmentContract.publishedCodes(ProblemCodes.class));
        failsOn(f -> object(responses(f, FIND).get("401"), "401").put("description", "Erreur (RFC 9457) : x."), codes);
        failsOn(f -> object(responses(f, FIND).get("401"), "401").put("description", "Refusé. Code : unauthorized."),
                codes);
        failsOn(f -> object(responses(f, FIND).get("401"), "401").put("description",
                "Erreur (RFC 9457) : x. Codes : unauthorized, forbidden."), codes);
        failsOn(f -> object(at(responses(f, CREATE), "400", "content", "application/problem+json", "example"),
                "example").put("title", "Conflit avec l'état actuel"), codes);
        failsOn(f -> responses(f, CREATE).remove("422"), codes);
        assertThrows(AssertionError.class, () -> contract(f -> { }).assertProblemCodes(Map.of("no-such-code",
                Set.of(400)), FragmentContract.publishedCodes(ProblemCodes.class)));
    }

    @Test
    void aCreationIsCheckedAgainstTheDocumentedAnswer() {
        FragmentContract contract = contract(f -> { });
        Response created = Response.created(URI.create("/things/t-1")).entity(new Thing("t-1", 1, null)).build();
        assertDoesNotThrow(() -> contract.assertCreated(CREATE, created, Thing.class, "/things/t-1"));
        assertThrows(AssertionError.class, () -> contract.assertCreated(CREATE, created, Thing.class, "/things/t-2"));
        Response ok = Response.ok(new Thing("t-1", 1, null)).location(URI.create("/things/t-1")).build();
        assertThrows(AssertionError.class, () -> contract.assertCreated(CREATE, ok, Thing.class, "/things/t-1"));
    }

    @Test
    void publishedCodesAreTheStringConstantsOfTheHolders() {
        Set<String> codes = FragmentContract.publishedCodes(ProblemCodes.class);
        assertTrue(codes.containsAll(Set.of(ProblemCodes.MALFORMED_BODY, ProblemCodes.FORBIDDEN)), codes.toString());
        assertTrue(codes.stream().allMatch(c -> c.matches("[a-z0-9-]+")), codes.toString());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void failsOn(Consumer<Map<String, Object>> change, Consumer<FragmentContract> check) {
        failsOn(change, check, "the check sees the change", true);
    }

    private static void failsOn(Consumer<Map<String, Object>> change, Consumer<FragmentContract> check, String why,
            boolean fails) {
        FragmentContract changed = contract(change);
        if (fails) {
            assertThrows(AssertionError.class, () -> check.accept(changed), why);
        } else {
            assertDoesNotThrow(() -> check.accept(changed), why);
        }
    }

    /** The contract on the fragment as written, then changed. */
    private static FragmentContract contract(Consumer<Map<String, Object>> change) {
        try (InputStream in = FragmentContractTest.class.getResourceAsStream("/fragment-contract/things.json")) {
            Map<String, Object> fragment = object(OpenApiContract.Json.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)), "fragment");
            change.accept(fragment);
            return FragmentContract.of(fragment, RECORDS, ThingResource.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> operation(Map<String, Object> fragment, Operation operation) {
        String method = operation.method().toLowerCase(Locale.ROOT);
        return object(at(fragment, "paths", operation.path(), method), operation.toString());
    }

    private static Map<String, Object> responses(Map<String, Object> fragment, Operation operation) {
        return object(operation(fragment, operation).get("responses"), operation + " responses");
    }

    private static List<Object> parameters(Map<String, Object> fragment, Operation operation) {
        return list(operation(fragment, operation).get("parameters"), operation + " parameters");
    }
}
