package fr.opus.accounts.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.Address;
import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.Client;
import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.accounts.api.OAuthException;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDraft;
import fr.opus.accounts.api.Seat;
import fr.opus.accounts.api.Seats;
import fr.opus.accounts.api.ServiceInfo;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.ws.rs.FormParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI fragment is the contract: it documents exactly the operations the resources serve, with the
 * parameters and bodies they read, the roles their {@code @Permit} lets in, and schemas whose properties are those
 * Jackson writes for the records.
 */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {TokenResource.class, SessionResource.class, PartnerResource.class,
        ConventionResource.class, AccountResource.class, ClientResource.class, AuditResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("SessionCredentials", SessionResource.Credentials.class),
            Map.entry("SessionToken", SessionResource.SessionToken.class),
            Map.entry("PartnerAddress", Address.class),
            Map.entry("PartnerDraft", PartnerDraft.class),
            Map.entry("Partner", Partner.class),
            Map.entry("ConventionRequest", PartnerResource.ConventionRequest.class),
            Map.entry("ConventionSignature", ConventionResource.Signature.class),
            Map.entry("ConventionTermination", ConventionResource.Termination.class),
            Map.entry("ConventionService", ConventionService.class),
            Map.entry("Convention", Convention.class),
            Map.entry("ConventionChange", ConventionChange.class),
            Map.entry("ServiceInfo", ServiceInfo.class),
            Map.entry("Seat", Seat.class),
            Map.entry("Seats", Seats.class),
            Map.entry("NewAccount", AccountResource.NewAccount.class),
            Map.entry("Account", Account.class),
            Map.entry("DeactivationReason", AccountResource.Reason.class),
            Map.entry("AccountActivation", AccountResource.Activation.class),
            Map.entry("PasswordChange", AccountResource.PasswordChange.class),
            Map.entry("Rectification", AccountResource.Rectification.class),
            Map.entry("PersonalData", fr.opus.accounts.api.PersonalData.class),
            Map.entry("PersonalDataActivation", fr.opus.accounts.api.PersonalData.Activation.class),
            Map.entry("PersonalDataSession", fr.opus.accounts.api.PersonalData.Session.class),
            Map.entry("NewClient", ClientResource.NewClient.class),
            Map.entry("Client", Client.class),
            Map.entry("IssuedClient", IssuedClient.class),
            Map.entry("AuditEvent", AuditEvent.class));

    /** The token endpoint's form and answers: France Travail's wire format, not records (checked below). */
    private static final Set<String> OAUTH_SCHEMAS = Set.of("OAuthTokenRequest", "OAuthToken", "OAuthError");

    /** Provided by the platform's merged document (fr.opus.platform.rest OpenApiResource), not by the fragment. */
    private static final String PLATFORM_PROBLEM = "#/components/schemas/Problem";

    private static final List<Map<String, Object>> SECURED = List.of(Map.of("bearerAuth", List.of()),
            Map.of("basicAuth", List.of()));

    private static final Map<String, Object> FRAGMENT = OpenApiContract.fragment("/OSGI-INF/openapi/accounts.json");
    private static final Map<Operation, Method> SERVED = OpenApiContract.served(RESOURCES);
    private static final Map<Operation, Map<String, Object>> DOCUMENTED = OpenApiContract.documented(FRAGMENT);

    /** The served operations that are documented: the first test reports the others, the rest look at these. */
    private static Map<Operation, Method> servedAndDocumented() {
        return OpenApiContract.servedAndDocumented(SERVED, DOCUMENTED);
    }

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        OpenApiContract.assertServedAsDocumented(SERVED, DOCUMENTED, RESOURCES);
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsRead() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Set<String> template = OpenApiContract.templateParameters(operation.path());
            assertEquals(template, OpenApiContract.parameterNames(method, PathParam.class), operation + " (Java)");
            assertEquals(template, OpenApiContract.documentedParameters(FRAGMENT, operation, "path"),
                    operation + " (path parameters)");
            assertEquals(OpenApiContract.parameterNames(method, QueryParam.class),
                    OpenApiContract.documentedParameters(FRAGMENT, operation, "query"),
                    operation + " (query parameters)");
        }
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Object body = DOCUMENTED.get(operation).get("requestBody");
            Set<String> form = OpenApiContract.parameterNames(method, FormParam.class);
            var entity = OpenApiContract.entityParameter(method);
            if (!form.isEmpty()) {
                Object schema = at(body, "content", "application/x-www-form-urlencoded", "schema");
                assertNotNull(schema, operation + " reads a form");
                assertEquals(form, names(OpenApiContract.resolve(FRAGMENT, schema).get("properties")),
                        operation + " (form fields)");
            } else if (entity != null) {
                assertEquals(Set.of("application/json"), names(at(body, "content")), operation + " (body)");
                String schema = (String) at(body, "content", "application/json", "schema", "$ref");
                assertNotNull(schema, operation + ": the body names a schema");
                assertEquals(entity.getType(), RECORDS.get(OpenApiContract.schemaName(schema)),
                        operation + " (body schema)");
                assertTrue(at(FRAGMENT, "components", "schemas", OpenApiContract.schemaName(schema),
                        "additionalProperties") == Boolean.FALSE,
                        operation + ": Jackson refuses unknown properties, the schema says so");
                String malformed = (String) at(DOCUMENTED.get(operation), "responses", "400", "description");
                assertTrue(malformed != null && malformed.contains("malformed-body"),
                        operation + ": a JSON body may be malformed (400 malformed-body)");
            } else {
                assertNull(body, operation + " reads no body");
            }
        }
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Map<String, Object> responses = object(DOCUMENTED.get(operation).get("responses"), operation.toString());
            Set<String> success = names(responses).stream().filter(s -> s.startsWith("2")).collect(Collectors.toSet());
            assertEquals(1, success.size(), operation + " has one success answer: " + success);
            if (method.getReturnType() == Response.class) {
                continue; // the status and entity are built in the method; read by the reviewer, checked by itests
            }
            Object schema = at(responses, "200", "content", "application/json", "schema");
            assertNotNull(schema, operation + " answers 200 with JSON");
            OpenApiContract.assertSchemaIs(RECORDS, schema, method.getGenericReturnType(), operation.toString());
        }
    }

    @Test
    void accessIsDocumentedAsTheResourcesApplyIt() {
        Set<String> schemes = names(at(FRAGMENT, "components", "securitySchemes"));
        assertEquals(Set.of("bearerAuth", "basicAuth"), schemes);
        assertEquals("bearer", at(FRAGMENT, "components", "securitySchemes", "bearerAuth", "scheme"));
        assertEquals("basic", at(FRAGMENT, "components", "securitySchemes", "basicAuth", "scheme"));
        Set<Operation> open = new TreeSet<>();
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Map<String, Object> documented = DOCUMENTED.get(operation);
            String description = (String) documented.get("description");
            Set<Role> allowed = OpenApiContract.allowedRoles(served.getValue());
            if (allowed == null) {
                open.add(operation);
                assertEquals(List.of(), documented.get("security"), operation + " is public");
                assertTrue(description.contains("Accès public, sans authentification."), operation.toString());
                assertNull(OpenApiContract.describedRoles(description), operation.toString());
                assertNull(at(documented, "responses", "403"), operation + " refuses no role");
            } else {
                assertFalse(allowed.isEmpty(), operation + " is open to no role at all");
                assertEquals(SECURED, documented.get("security"), operation + " needs Bearer or Basic");
                assertEquals(allowed, OpenApiContract.describedRoles(description), operation + " (roles)");
                assertNotNull(at(documented, "responses", "401"), operation + " answers 401 without credentials");
                assertNotNull(at(documented, "responses", "403"), operation + " answers 403 to other roles");
            }
        }
        assertEquals(Set.of(new Operation("POST", "/connexion/oauth2/access_token"),
                new Operation("POST", "/api/v1/session"), new Operation("POST", "/api/v1/accounts/activation")), open,
                "the public operations of the accounts REST API");
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        Map<String, Object> schemas = object(at(FRAGMENT, "components", "schemas"), "schemas");
        Set<String> expected = new TreeSet<>(RECORDS.keySet());
        expected.addAll(OAUTH_SCHEMAS);
        assertEquals(expected, names(schemas), "every schema is checked here, against its record or the wire");
        RECORDS.forEach((name, record) -> {
            Map<String, Object> schema = object(schemas.get(name), name);
            Map<String, Object> properties = object(schema.get("properties"), name + " properties");
            Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, names(properties), name + " against " + record.getName());
            assertTrue(components.containsAll(required(schema)), name + " requires what it has");
            for (RecordComponent component : record.getRecordComponents()) {
                OpenApiContract.assertSchemaIs(RECORDS, properties.get(component.getName()),
                        component.getGenericType(), name + "." + component.getName());
            }
        });
        for (String name : OAUTH_SCHEMAS) {
            Map<String, Object> schema = object(schemas.get(name), name);
            assertTrue(names(schema.get("properties")).containsAll(required(schema)), name);
        }
    }

    @Test
    void tokenAnswersHaveFranceTravailsMembers() {
        ClientRegistry clients = new FakeClients();
        TokenResource resource = new TokenResource(clients);

        Response granted = resource.token("/partenaire", "client_credentials", "PAR_app", "secret", null, null);
        assertEquals(200, granted.getStatus());
        assertEquals(names(at(FRAGMENT, "components", "schemas", "OAuthToken", "properties")),
                new TreeSet<>(((Map<?, ?>) granted.getEntity()).keySet().stream().map(String::valueOf).toList()));

        Response refused = resource.token("/autre", "client_credentials", "PAR_app", "secret", null, null);
        assertEquals(400, refused.getStatus());
        assertEquals(names(at(FRAGMENT, "components", "schemas", "OAuthError", "properties")),
                new TreeSet<>(((Map<?, ?>) refused.getEntity()).keySet().stream().map(String::valueOf).toList()));
        assertTrue(list(at(FRAGMENT, "components", "schemas", "OAuthError", "properties", "error", "enum"), "errors")
                .contains(((Map<?, ?>) refused.getEntity()).get("error")));
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        Set<String> schemas = names(at(FRAGMENT, "components", "schemas"));
        for (String ref : OpenApiContract.references(FRAGMENT)) {
            assertTrue(ref.equals(PLATFORM_PROBLEM) || schemas.contains(OpenApiContract.schemaName(ref)),
                    "unresolved " + ref);
        }
        Set<String> tags = list(FRAGMENT.get("tags"), "tags").stream().map(t -> (String) object(t, "tag").get("name"))
                .collect(Collectors.toSet());
        Set<String> operationIds = new HashSet<>();
        Set<String> usedTags = new HashSet<>();
        DOCUMENTED.forEach((operation, documented) -> {
            assertTrue(operationIds.add((String) documented.get("operationId")), operation + ": operationId unique");
            List<Object> own = list(documented.get("tags"), operation + " tags");
            assertTrue(tags.containsAll(own), operation + " uses declared tags");
            own.forEach(t -> usedTags.add((String) t));
            object(documented.get("responses"), operation.toString()).forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    boolean oauth = operation.path().equals("/connexion/oauth2/access_token")
                            && (status.equals("400") || status.equals("401"));
                    Object schema = at(response, "content", oauth ? "application/json" : "application/problem+json",
                            "schema", "$ref");
                    assertEquals(oauth ? "#/components/schemas/OAuthError" : PLATFORM_PROBLEM, schema,
                            operation + " " + status + " is " + (oauth ? "an OAuth2 error" : "a problem document"));
                }
            });
        });
        assertEquals(tags, usedTags, "every declared tag is used");
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        assertEquals("/api/v1/things/{id}", OpenApiContract.normalise("/api/v1//things/{ id : [0-9]{5} }/"));
        assertEquals(Set.of("id", "n"), OpenApiContract.templateParameters("/a/{id}/b/{n}"));
        assertEquals(Map.of("a", List.of(true, false), "b", new BigDecimal("-1.5e3")),
                OpenApiContract.Json.parse("{\"a\": [true, false], \"b\": -1.5e3}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1} x"));
        assertTrue(SERVED.containsKey(new Operation("GET", "/api/v1/partners/{id}/seats")));
        assertTrue(SERVED.containsKey(new Operation("PUT", "/api/v1/accounts/me/password")));
        assertTrue(SERVED.containsKey(new Operation("DELETE", "/api/v1/clients/{id}")));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Grants every token request of a known realm, as the real registry would for a good client. */
    private static final class FakeClients implements ClientRegistry {

        @Override
        public IssuedClient issue(Caller by, Role role, String partnerId, String name, Set<String> scopes) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<Client> clients(Caller by, String partnerId) {
            return new ArrayList<>();
        }

        @Override
        public Client revoke(Caller by, String clientId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public AccessToken token(String grantType, String clientId, String clientSecret, String scope,
                String remoteAddress) {
            if (clientSecret == null) {
                throw new OAuthException("invalid_client", "Client authentication failed");
            }
            return new AccessToken("jeton", 1499, Set.of("api_offresdemploiv2", "o2dsoffre"));
        }
    }
}
