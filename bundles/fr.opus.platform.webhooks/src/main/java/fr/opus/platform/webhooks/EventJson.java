package fr.opus.platform.webhooks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON a receiver gets: {@code {"id","type","occurredAt","subject","partnerIds","data"}}. {@code data} is
 * written once, when the event is published (map keys sorted, dates as ISO-8601 strings), and kept as it is; the
 * envelope around it is written at each attempt, byte for byte the same.
 */
final class EventJson {

    /** The largest {@code data} an event may carry, in characters of JSON. */
    static final int MAX_PAYLOAD = 32000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private EventJson() {
    }

    /** The event's {@code data} as JSON; refuses what is not JSON-friendly or too large. */
    static String payload(Map<String, Object> data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event's data must be JSON values: " + e.getOriginalMessage(), e);
        }
        if (json.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An event's data is " + json.length() + " characters of JSON, more"
                    + " than " + MAX_PAYLOAD + ": events carry ids and states, not documents");
        }
        return json;
    }

    /**
     * A stored {@code data} read back, for in-process handlers: strings, numbers, booleans, lists and maps as JSON
     * gives them (a date written as an ISO-8601 string stays one).
     */
    static Map<String, Object> data(String payload) {
        try {
            return MAPPER.readValue(payload, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event's data is not a JSON object: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** The body POSTed to the receiver. */
    static String body(String id, String type, Instant occurredAt, String subject, List<String> partnerIds,
            String payload) {
        StringWriter out = new StringWriter(payload.length() + 256);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("type", type);
            json.writeStringField("occurredAt", occurredAt.toString());
            json.writeStringField("subject", subject);
            json.writeArrayFieldStart("partnerIds");
            for (String partnerId : partnerIds) {
                json.writeString(partnerId);
            }
            json.writeEndArray();
            json.writeFieldName("data");
            json.writeRawValue(payload);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
