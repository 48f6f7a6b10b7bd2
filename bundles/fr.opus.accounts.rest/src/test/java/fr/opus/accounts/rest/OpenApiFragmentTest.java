package fr.opus.accounts.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import fr.opus.platform.rest.openapi.FragmentContract;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.FormParam;
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

    /** The token endpoint: its 400 and 401 are OAuth2 errors (RFC 6749 §5.2), not problem documents. */
    private static final Operation TOKEN = new Operation("POST", "/connexion/oauth2/access_token");

    private static final FragmentContract CONTRACT = FragmentContract.of("/OSGI-INF/openapi/accounts.json", RECORDS,
            RESOURCES);

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        CONTRACT.assertServedAsDocumented();
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsRead() {
        CONTRACT.assertPathAndQueryParametersAreRead();
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        CONTRACT.servedAndDocumented().forEach((operation, method) -> {
            Object body = CONTRACT.documented(operation).get("requestBody");
            Set<String> form = OpenApiContract.parameterNames(method, FormParam.class);
            Parameter entity = OpenApiContract.entityParameter(method);
            if (!form.isEmpty()) {
                Object schema = at(body, "content", "application/x-www-form-urlencoded", "schema");
                assertNotNull(schema, operation + " reads a form");
                assertEquals(form, names(OpenApiContract.resolve(CONTRACT.fragment(), schema).get("properties")),
                        operation + " (form fields)");
            } else if (entity != null) {
                CONTRACT.assertJsonBody(operation, entity);
            } else {
                assertNull(body, operation + " reads no body");
            }
        });
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        CONTRACT.assertSuccessAnswers((operation, method) -> {
            // a method building its Response: its status and entity are read by the reviewer, checked by itests
        });
    }

    @Test
    void accessIsDocumentedAsTheResourcesApplyIt() {
        Set<Operation> open = new TreeSet<>();
        CONTRACT.assertAccessAsApplied((operation, method, allowed) -> {
            if (allowed == null) {
                open.add(operation);
            }
        });
        assertEquals(Set.of(TOKEN, new Operation("POST", "/api/v1/session"),
                new Operation("POST", "/api/v1/accounts/activation")), open,
                "the public operations of the accounts REST API");
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        CONTRACT.assertSchemasAreTheRecords(OAUTH_SCHEMAS.toArray(String[]::new));
        for (String name : OAUTH_SCHEMAS) {
            Map<String, Object> schema = object(CONTRACT.schemas().get(name), name);
            assertTrue(names(schema.get("properties")).containsAll(required(schema)), name);
        }
    }

    @Test
    void tokenAnswersHaveFranceTravailsMembers() {
        ClientRegistry clients = new FakeClients();
        TokenResource resource = new TokenResource(clients);

        Response granted = resource.token("/partenaire", "client_credentials", "PAR_app", "secret", null, null);
        assertEquals(200, granted.getStatus());
        assertEquals(names(at(CONTRACT.schemas(), "OAuthToken", "properties")),
                new TreeSet<>(((Map<?, ?>) granted.getEntity()).keySet().stream().map(String::valueOf).toList()));

        Response refused = resource.token("/autre", "client_credentials", "PAR_app", "secret", null, null);
        assertEquals(400, refused.getStatus());
        assertEquals(names(at(CONTRACT.schemas(), "OAuthError", "properties")),
                new TreeSet<>(((Map<?, ?>) refused.getEntity()).keySet().stream().map(String::valueOf).toList()));
        assertTrue(list(at(CONTRACT.schemas(), "OAuthError", "properties", "error", "enum"), "errors")
                .contains(((Map<?, ?>) refused.getEntity()).get("error")));
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        CONTRACT.assertReferencesTagsAndOperationIdsHoldTogether();
        CONTRACT.assertErrorsAreProblemDocuments((operation, status) -> operation.equals(TOKEN)
                && (status.equals("400") || status.equals("401")));
        for (String status : List.of("400", "401")) {
            assertEquals("#/components/schemas/OAuthError", at(CONTRACT.documented(TOKEN), "responses", status,
                    "content", "application/json", "schema", "$ref"), TOKEN + " " + status + " is an OAuth2 error");
        }
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        assertEquals("/api/v1/things/{id}", OpenApiContract.normalise("/api/v1//things/{ id : [0-9]{5} }/"));
        assertEquals(Set.of("id", "n"), OpenApiContract.templateParameters("/a/{id}/b/{n}"));
        assertEquals(Map.of("a", List.of(true, false), "b", new BigDecimal("-1.5e3")),
                OpenApiContract.Json.parse("{\"a\": [true, false], \"b\": -1.5e3}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1} x"));
        assertTrue(CONTRACT.served().containsKey(new Operation("GET", "/api/v1/partners/{id}/seats")));
        assertTrue(CONTRACT.served().containsKey(new Operation("PUT", "/api/v1/accounts/me/password")));
        assertTrue(CONTRACT.served().containsKey(new Operation("DELETE", "/api/v1/clients/{id}")));
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
