package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One change to one offer, as France Travail's information system sends it.
 *
 * @param eventId    unique id of the event; a second event with the same id is a duplicate and changes nothing
 * @param type       what happened
 * @param offerId    the offer
 * @param version    the offer's version after the event; an event older than the stored version is ignored
 * @param occurredAt when it happened in France Travail's system
 * @param offer      for {@link OfferEventType#carriesOffer() CREATED and UPDATED}: the offer (its id, status,
 *                   version and change time are taken from the event)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferEvent(String eventId, OfferEventType type, String offerId, Long version, Instant occurredAt,
        Offer offer) {
}
