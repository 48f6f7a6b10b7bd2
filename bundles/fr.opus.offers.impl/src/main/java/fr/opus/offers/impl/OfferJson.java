package fr.opus.offers.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping of offers: stored rows, the index's stored form, demo data. */
final class OfferJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OfferJson() {
    }

    /** The stored form: the offer without status and version (they are columns). */
    static String toStored(Offer offer) {
        try {
            return MAPPER.writeValueAsString(offer.withState(null, 0, offer.changedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Offer " + offer.id() + " cannot be written as JSON", e);
        }
    }

    static Offer fromStored(String json, fr.opus.offers.api.OfferStatus status, long version) {
        try {
            Offer o = MAPPER.readValue(json, Offer.class);
            return o.withState(status, version, o.changedAt());
        } catch (IOException e) {
            throw new UncheckedIOException("Stored offer cannot be read", e);
        }
    }

    static byte[] published(Offer offer) {
        try {
            return MAPPER.writeValueAsBytes(offer.published());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Offer " + offer.id() + " cannot be written as JSON", e);
        }
    }

    static OfferContent content(byte[] json) {
        try {
            return MAPPER.readValue(json, OfferContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Published offer cannot be read", e);
        }
    }
}
