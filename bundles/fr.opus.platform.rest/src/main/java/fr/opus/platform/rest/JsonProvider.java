package fr.opus.platform.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.json.JsonErrors;
import fr.opus.platform.api.rest.OpusRest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JSON provider of Opus: every resource of every capability reads and writes JSON through this mapper, so
 * dates, absent fields and error reporting look the same everywhere. Absent values are left out, as France
 * Travail's API does; dates are ISO-8601 strings. A body that is not valid JSON, or has a property the resource
 * does not know, is refused with a {@code malformed-body} problem naming the property.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(OpusRest.JSON_NAME)
@JaxrsMediaType({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    private final ObjectMapper mapper = newMapper();

    /** The mapper settings shared by every Opus JSON exchange (also used by tests and clients). */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        try {
            return mapper.readValue(entityStream, mapper.constructType(genericType != null ? genericType : type));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writerFor(mapper.constructType(genericType != null ? genericType : type)).writeValue(entityStream, value);
    }

    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String subtype = mediaType.getSubtype();
        return "json".equalsIgnoreCase(subtype) || subtype.toLowerCase().endsWith("+json")
                || mediaType.isWildcardSubtype();
    }

    /** Streams, bytes and strings are written as they are by CXF's own providers. */
    private static boolean isRaw(Class<?> type) {
        return type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || javax.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    private static OpusException malformed(JsonProcessingException e) {
        String field = JsonErrors.path(e);
        String detail = field == null && !(e instanceof JsonMappingException)
                ? "Le corps de la requête n'est pas un JSON valide : " + JsonErrors.reason(e)
                : "Le corps de la requête est invalide : " + JsonErrors.reason(e);
        return OpusException.invalid(ProblemCodes.MALFORMED_BODY, detail, field);
    }
}
