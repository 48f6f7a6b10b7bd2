package fr.opus.offers.soap;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/** The SOAP shapes of the offer feed: Opus's own contract, so Opus's (English) names. */
final class FeedTypes {

    private FeedTypes() {
    }

    /** What happened to the offer; the names of {@link fr.opus.offers.api.OfferEventType}. */
    @XmlType(name = "OfferEventType")
    @XmlEnum
    public enum EventKind {
        CREATED, UPDATED, SUSPENDED, RESUMED, CANCELLED, CLOSED
    }

    /** One change to one offer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OfferEvent", propOrder = {"eventId", "type", "offerId", "version", "occurredAt", "offerJson"})
    public static class EventType {
        /** Unique id of the event; a second event with the same id changes nothing. */
        public String eventId;
        public EventKind type;
        public String offerId;
        /** The offer's version after the event. */
        public Long version;
        /** When it happened in France Travail's system, with its offset ({@code 2025-12-23T16:01:23Z}). */
        @XmlSchemaType(name = "dateTime")
        public String occurredAt;
        /**
         * For {@code CREATED} and {@code UPDATED}: the offer as Opus's JSON {@code Offer} object (diffusion,
         * support level, preselection, correspondent, managing partner, appellation code, the employer's
         * {@code siret}, and {@code content}, the France Travail {@code Offre}). Its id, status, version and change
         * time are taken from the event.
         */
        public String offerJson;

        public EventType() {
        }
    }

    @XmlType(name = "EventResult")
    @XmlEnum
    public enum ResultKind {
        ACCEPTED, DUPLICATE, STALE, REJECTED
    }

    /** What became of one event. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "EventOutcome", propOrder = {"eventId", "index", "result", "code", "detail", "field"})
    public static class OutcomeType {
        public String eventId;
        /** Position of the event in the batch, from 0. */
        public int index;
        @XmlElement(required = true)
        public ResultKind result;
        /** For {@code REJECTED}: the stable problem code. */
        public String code;
        /** For {@code REJECTED} and {@code STALE}: the reason, in French. */
        public String detail;
        /** For {@code REJECTED}: the offending element. */
        public String field;

        public OutcomeType() {
        }
    }

    /** The acknowledgement of a batch. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FeedReceipt", propOrder = {"accepted", "duplicates", "stale", "rejected", "outcome"})
    public static class ReceiptType {
        public int accepted;
        public int duplicates;
        public int stale;
        public int rejected;
        /** One per event, in batch order. */
        public List<OutcomeType> outcome = new ArrayList<>();

        public ReceiptType() {
        }
    }
}
