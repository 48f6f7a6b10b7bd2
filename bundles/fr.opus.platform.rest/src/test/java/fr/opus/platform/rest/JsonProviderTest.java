package fr.opus.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class JsonProviderTest {

    record Offer(String id, String intitule, Instant dateCreation, Integer salaire, List<String> tags) {
    }

    record Inner(String x) {
    }

    record Outer(String name, Inner a, List<Inner> items, int count) {
    }

    private static final Annotation[] NONE = new Annotation[0];
    private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private final JsonProvider provider = new JsonProvider();

    private String write(Object value, Type genericType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(value, value.getClass(), genericType, NONE, MediaType.APPLICATION_JSON_TYPE, null, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json, Class<?> type) throws IOException {
        InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        return provider.readFrom((Class) type, type, NONE, MediaType.APPLICATION_JSON_TYPE, null, in);
    }

    private OpusException refused(String json, Class<?> type) {
        return assertThrows(OpusException.class, () -> read(json, type));
    }

    @Test
    void writesRecordsWithIsoDatesAndWithoutNulls() throws IOException {
        Offer offer = new Offer("201ABCD", "Développeur Java", Instant.parse("2026-01-15T10:30:00Z"), null,
                List.of("java", "osgi"));
        JsonNode json = JsonProvider.newMapper().readTree(write(offer, Offer.class));

        assertEquals("201ABCD", json.get("id").asText());
        assertEquals("Développeur Java", json.get("intitule").asText());
        assertTrue(json.get("dateCreation").isTextual(), json.toString());
        assertEquals("2026-01-15T10:30:00Z", json.get("dateCreation").asText());
        assertFalse(json.has("salaire"), json.toString());
        assertEquals(2, json.get("tags").size());
    }

    @Test
    void writesProblemDocumentsWithoutAnAbsentField() throws IOException {
        JsonNode json = JsonProvider.newMapper()
                .readTree(write(Problem.of(404, "not-found", "Introuvable.", null), Problem.class));
        assertEquals(404, json.get("status").asInt());
        assertEquals("not-found", json.get("code").asText());
        assertEquals("urn:opus:problem:not-found", json.get("type").asText());
        assertFalse(json.has("field"), json.toString());
    }

    @Test
    void readsRecordsWithIsoDates() throws IOException {
        Offer offer = (Offer) read("{\"id\":\"1\",\"dateCreation\":\"2026-01-15T10:30:00Z\",\"tags\":[\"a\"]}",
                Offer.class);
        assertEquals("1", offer.id());
        assertEquals(Instant.parse("2026-01-15T10:30:00Z"), offer.dateCreation());
        assertNull(offer.salaire());
        assertEquals(List.of("a"), offer.tags());
    }

    @Test
    void malformedJsonIsA400MalformedBodyWithoutField() {
        for (String bad : new String[] {"{", "{\"id\": }", "not json", "{\"id\":\"1\",}"}) {
            OpusException e = refused(bad, Offer.class);
            assertEquals(400, e.status(), bad);
            assertEquals("malformed-body", e.code(), bad);
            assertNull(e.field(), bad);
            assertTrue(e.detail().startsWith("Le corps de la requête n'est pas un JSON valide"), e.detail());
        }
    }

    @Test
    void unknownPropertyIsRefusedNamingIt() {
        OpusException e = refused("{\"id\":\"1\",\"nom\":\"x\"}", Offer.class);
        assertEquals(400, e.status());
        assertEquals("malformed-body", e.code());
        assertEquals("nom", e.field());
        assertTrue(e.detail().contains("« nom »"), e.detail());
    }

    @Test
    void unknownNestedPropertyIsNamedByItsPath() {
        assertEquals("a.b", refused("{\"name\":\"n\",\"a\":{\"b\":1}}", Outer.class).field());
        assertEquals("items[1].y",
                refused("{\"items\":[{\"x\":\"1\"},{\"y\":\"2\"}],\"count\":1}", Outer.class).field());
    }

    @Test
    void wrongValueTypeIsRefusedNamingTheProperty() {
        OpusException e = refused("{\"name\":\"n\",\"count\":\"beaucoup\"}", Outer.class);
        assertEquals("malformed-body", e.code());
        assertEquals("count", e.field());
    }

    @Test
    void nullForAPrimitiveIsRefusedNamingIt() {
        OpusException e = refused("{\"name\":\"n\",\"count\":null}", Outer.class);
        assertEquals("malformed-body", e.code());
        assertEquals("count", e.field());
    }

    @Test
    void handlesJsonAndProblemJsonButNotOtherMediaTypes() {
        assertTrue(provider.isReadable(Offer.class, Offer.class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(provider.isWriteable(Offer.class, Offer.class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(provider.isReadable(Problem.class, Problem.class, NONE, PROBLEM_JSON));
        assertTrue(provider.isWriteable(Problem.class, Problem.class, NONE, PROBLEM_JSON));
        assertFalse(provider.isReadable(Offer.class, Offer.class, NONE, MediaType.TEXT_PLAIN_TYPE));
        assertFalse(provider.isWriteable(Offer.class, Offer.class, NONE, MediaType.APPLICATION_XML_TYPE));
    }

    @Test
    void leavesStringsBytesAndStreamsToTheRuntime() {
        assertFalse(provider.isReadable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isWriteable(String.class, String.class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isWriteable(byte[].class, byte[].class, NONE, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(provider.isReadable(InputStream.class, InputStream.class, NONE, MediaType.APPLICATION_JSON_TYPE));
    }
}
