package fr.opus.platform.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.PublicAccess;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/** The shared helper itself, on small resources made for it: every REST bundle's contract test rests on it. */
class OpenApiContractTest {

    enum Colour { RED, GREEN }

    record Thing(String id, int rank, long size, boolean done, Instant at, Colour colour, List<Thing> parts,
            Set<String> labels) {
    }

    record Measure(Double share, double mean, byte[] document, Map<String, Integer> counts, Map<String, Thing> byId) {
    }

    @Path("/api/v1//things/")
    @Permit(Role.REGIONAL_OPERATOR)
    public static class ThingResource {

        @GET
        public List<Thing> find(@QueryParam("q") String text, @QueryParam("limit") Integer limit) {
            return List.of();
        }

        @GET
        @Path("{ id : [0-9]{5} }")
        @Permit({Role.COUNSELLOR, Role.ACCOUNT_MANAGER})
        public Thing get(@Context SecurityContext security, @PathParam("id") String id,
                @HeaderParam("If-None-Match") String tag) {
            return null;
        }

        @PUT
        @Path("{id}")
        public Thing update(@PathParam("id") String id, Thing body) {
            return body;
        }

        @POST
        @Path("login")
        @PublicAccess
        public String login(@FormParam("user") String user, @FormParam("password") String password) {
            return user;
        }

        @Path("{id}/parts")
        public PartResource parts(@PathParam("id") String id) {
            return new PartResource();
        }
    }

    public static class PartResource {

        @DELETE
        @Path("{part}")
        public void remove(@PathParam("part") String part) {
        }
    }

    @Path("/twice")
    public static class TwiceResource {

        @GET
        public String text() {
            return "";
        }

        @GET
        @Path("/")
        public String json() {
            return "{}";
        }
    }

    private static Method method(String name) {
        return OpenApiContract.served(ThingResource.class).values().stream().filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void servedFindsEveryOperationWithItsNormalisedPathThroughLocators() {
        assertEquals(Set.of(new Operation("GET", "/api/v1/things"), new Operation("GET", "/api/v1/things/{id}"),
                new Operation("PUT", "/api/v1/things/{id}"), new Operation("POST", "/api/v1/things/login"),
                new Operation("DELETE", "/api/v1/things/{id}/parts/{part}")),
                OpenApiContract.served(ThingResource.class).keySet());
    }

    @Test
    void servedRefusesTwoMethodsForOneOperationAndClassesWithoutPath() {
        assertThrows(IllegalStateException.class, () -> OpenApiContract.served(TwiceResource.class));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.served(PartResource.class));
    }

    @Test
    void pathsAreNormalisedAsOpenApiWritesThem() {
        assertEquals("/api/v1/things/{id}", OpenApiContract.normalise("/api/v1//things/{ id : [0-9]{5} }/"));
        assertEquals(Set.of("id", "n"), OpenApiContract.templateParameters("/a/{id}/b/{n}"));
    }

    @Test
    void parametersAndEntityAreReadFromTheJavaSignature() {
        assertEquals(Set.of("q", "limit"), OpenApiContract.parameterNames(method("find"), QueryParam.class));
        assertEquals(Set.of("user", "password"), OpenApiContract.parameterNames(method("login"), FormParam.class));
        assertEquals(Set.of("If-None-Match"), OpenApiContract.parameterNames(method("get"), HeaderParam.class));
        assertEquals(Thing.class, OpenApiContract.entityParameter(method("update")).getType());
        assertNull(OpenApiContract.entityParameter(method("get")), "@Context is not an entity");
    }

    @Test
    void allowedRolesFollowTheGuardMethodFirstThenClass() {
        assertEquals(Set.of(Role.REGIONAL_OPERATOR), OpenApiContract.allowedRoles(method("find")));
        assertEquals(Set.of(Role.COUNSELLOR, Role.ACCOUNT_MANAGER), OpenApiContract.allowedRoles(method("get")));
        assertNull(OpenApiContract.allowedRoles(method("login")), "public");
    }

    @Test
    void theRolesLineIsReadStrictly() {
        assertEquals(Set.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR),
                OpenApiContract.describedRoles("Fait ceci.\n\nRôles : RGC, conseiller."));
        assertEquals(Set.of(Role.FT_AGENT), OpenApiContract.describedRoles("Rôle : agent France Travail."));
        assertNull(OpenApiContract.describedRoles("Accès public, sans authentification."));
        assertThrows(AssertionError.class, () -> OpenApiContract.describedRoles("Rôles : RGC, conseiller"));
        assertThrows(AssertionError.class, () -> OpenApiContract.describedRoles("Rôles : RGC."));
        assertThrows(AssertionError.class, () -> OpenApiContract.describedRoles("Rôle : RGC, conseiller."));
        assertThrows(AssertionError.class, () -> OpenApiContract.describedRoles("Rôles : RGC, partenaire."));
    }

    @Test
    void theJsonReaderIsStrict() {
        assertEquals(Map.of("a", List.of(true, false), "b", new BigDecimal("-1.5e3"), "c", "é\n"),
                OpenApiContract.Json.parse("{\"a\": [true, false], \"b\": -1.5e3, \"c\": \"\\u00e9\\n\"}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("{\"a\": 01}"));
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.Json.parse("[1, 2"));
    }

    @Test
    void documentedOperationsAndParametersAreReadFromTheFragment() {
        Map<String, Object> fragment = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"paths": {"/things/{id}": {
                  "parameters": [{"name": "id", "in": "path", "required": true}],
                  "get": {"parameters": [{"name": "full", "in": "query"}]},
                  "summary": "not an operation"}}}"""), "fragment");
        Operation get = new Operation("GET", "/things/{id}");
        assertEquals(Set.of(get), OpenApiContract.documented(fragment).keySet());
        assertEquals(Set.of("id"), OpenApiContract.documentedParameters(fragment, get, "path"));
        assertEquals(Set.of("full"), OpenApiContract.documentedParameters(fragment, get, "query"));

        Map<String, Object> optionalPath = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"paths": {"/things/{id}": {"get": {"parameters": [{"name": "id", "in": "path"}]}}}}"""), "fragment");
        assertThrows(AssertionError.class, () -> OpenApiContract.documentedParameters(optionalPath, get, "path"));
    }

    @Test
    void aSchemaMatchesWhatJacksonWritesForTheRecordOrFails() {
        Map<String, Class<?>> records = Map.of("Thing", Thing.class);
        Map<String, Object> thing = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"id": {"type": "string"},
                 "rank": {"type": "integer", "format": "int32"},
                 "size": {"type": "integer", "format": "int64"},
                 "done": {"type": "boolean"},
                 "at": {"type": "string", "format": "date-time"},
                 "colour": {"type": "string", "enum": ["RED"]},
                 "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                 "labels": {"type": "array", "uniqueItems": true, "items": {"type": "string"}}}"""), "thing");
        for (var component : Thing.class.getRecordComponents()) {
            OpenApiContract.assertSchemaIs(records, thing.get(component.getName()), component.getGenericType(),
                    component.getName());
        }
        Map<String, Object> wrong = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"size": {"type": "integer", "format": "int32"},
                 "colour": {"type": "string", "enum": ["BLUE"]},
                 "labels": {"type": "array", "items": {"type": "string"}},
                 "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Other"}},
                 "at": {"type": "string"}}"""), "wrong");
        for (String name : wrong.keySet()) {
            var component = List.of(Thing.class.getRecordComponents()).stream()
                    .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
            AssertionError failure = assertThrows(AssertionError.class, () -> OpenApiContract.assertSchemaIs(
                    records, wrong.get(name), component.getGenericType(), name), name);
            assertTrue(failure.getMessage().startsWith(name), failure.getMessage());
        }
    }

    @Test
    void numbersBytesAndMapsHaveTheirSchemasOrFail() {
        Map<String, Class<?>> records = Map.of("Thing", Thing.class);
        Map<String, Object> measure = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"share": {"type": "number", "format": "double"},
                 "mean": {"type": "number", "format": "double"},
                 "document": {"type": "string", "format": "binary"},
                 "counts": {"type": "object", "additionalProperties": {"type": "integer", "format": "int32"}},
                 "byId": {"type": "object", "additionalProperties": false,
                          "properties": {"t-1": {"$ref": "#/components/schemas/Thing"}}}}"""), "measure");
        for (var component : Measure.class.getRecordComponents()) {
            OpenApiContract.assertSchemaIs(records, measure.get(component.getName()), component.getGenericType(),
                    component.getName());
        }
        Map<String, Object> wrong = OpenApiContract.object(OpenApiContract.Json.parse("""
                {"share": {"type": "number", "format": "float"},
                 "mean": {"type": "integer", "format": "int64"},
                 "document": {"type": "string"},
                 "counts": {"type": "object", "additionalProperties": {"type": "string"}},
                 "byId": {"type": "object", "additionalProperties": false}}"""), "wrong");
        for (var component : Measure.class.getRecordComponents()) {
            String name = component.getName();
            AssertionError failure = assertThrows(AssertionError.class, () -> OpenApiContract.assertSchemaIs(
                    records, wrong.get(name), component.getGenericType(), name), name);
            assertTrue(failure.getMessage().startsWith(name), failure.getMessage());
        }
    }
}
