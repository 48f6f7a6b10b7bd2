package fr.opus.platform.api.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Jackson's errors said for people: the property at fault as a path ({@code content.lieuTravail.latitude},
 * {@code items[1].y}) and, in French, what it expects. Jackson's own messages are English and name Java types.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The path of the property at fault, or {@code null} when the error is not about one property. */
    public static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Why the document cannot be read, in French, as the end of a sentence (no capital, a final full stop). */
    public static String reason(JsonProcessingException e) {
        String path = path(e);
        String property = path == null ? "" : " « " + path + " »";
        if (!(e instanceof JsonMappingException)) {
            JsonLocation at = e.getLocation();
            return at == null || at.getLineNr() < 1 ? "le JSON est mal formé."
                    : "le JSON est mal formé (ligne " + at.getLineNr() + ", colonne " + at.getColumnNr() + ").";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "la propriété" + property + " n'existe pas ici.";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String got = e instanceof InvalidFormatException f && f.getValue() != null
                    ? " (reçu « " + shorten(String.valueOf(f.getValue())) + " »)" : "";
            return "la propriété" + property + " attend " + expected(m.getTargetType()) + got + ".";
        }
        if (e instanceof ValueInstantiationException) {
            return "une propriété obligatoire manque ou est invalide.";
        }
        return path == null ? "le document n'a pas la forme attendue." : "la propriété" + property + " est invalide.";
    }

    private static String expected(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class) {
            return "un nombre entier";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "un nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true ou false";
        }
        if (type == Instant.class) {
            return "un instant ISO 8601 (par exemple 2026-11-23T10:00:00Z)";
        }
        if (type.isEnum()) {
            return "une de ces valeurs : " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "un texte";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste";
        }
        return "un objet JSON";
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
