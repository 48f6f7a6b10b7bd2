package fr.opus.offers.soap;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferFeed;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.soap.FeedTypes.EventType;
import fr.opus.offers.soap.FeedTypes.OutcomeType;
import fr.opus.offers.soap.FeedTypes.ReceiptType;
import fr.opus.offers.soap.FeedTypes.ResultKind;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.json.JsonErrors;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.SoapEndpoints;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.jws.WebService;
import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@link OfferFeedPort} at {@code /soap/offers-feed} for as long as this bundle runs and the feed is there.
 * It turns each SOAP event into an {@link OfferEvent}; an event whose {@code offerJson} or {@code occurredAt} cannot
 * be read is rejected here, the others go to {@link OfferFeed#accept} in one batch.
 */
@Component(service = {})
@WebService(serviceName = "OfferFeedService", portName = "OfferFeedPort",
        endpointInterface = "fr.opus.offers.soap.OfferFeedPort", targetNamespace = OfferPort.NAMESPACE)
public class OfferFeedEndpoint implements OfferFeedPort {

    static final String ADDRESS = "/offers-feed";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String ONE_OBJECT = "offerJson doit être un seul objet JSON décrivant l'offre.";

    private final OfferFeed feed;
    private final Server server;

    @Activate
    public OfferFeedEndpoint(@Reference final OfferFeed feed, @Reference final Authenticator authenticator) {
        this.feed = feed;
        this.server = SoapEndpoints.publish(OfferFeedPort.class, this, ADDRESS, authenticator);
    }

    OfferFeedEndpoint(OfferFeed feed) {
        this.feed = feed;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    @Permit(value = Role.FT_FEED, scope = "opus_feed")
    public ReceiptType publish(List<EventType> events) throws OpusFault {
        int size = events == null ? 0 : events.size();
        if (size == 0 || size > OfferFeed.MAX_BATCH) {
            throw OpusFault.of(OpusException.invalid(OfferProblemCodes.INVALID_BATCH, "Un lot contient de 1 à "
                    + OfferFeed.MAX_BATCH + " événements ; celui-ci en contient " + size + ".", "event"));
        }
        EventOutcome[] outcomes = new EventOutcome[size];
        List<OfferEvent> readable = new ArrayList<>(size);
        List<Integer> positions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            EventType event = events.get(i);
            Instant occurredAt;
            try {
                occurredAt = text(event.occurredAt) == null ? null
                        : OffsetDateTime.parse(text(event.occurredAt)).toInstant();
            } catch (DateTimeParseException e) {
                outcomes[i] = EventOutcome.rejected(event.eventId, i, OfferProblemCodes.INVALID_PROPERTY,
                        "La date « " + text(event.occurredAt) + " » est invalide : attendu une date et heure avec "
                                + "fuseau (ex. 2025-12-23T16:01:23Z).", "occurredAt");
                continue;
            }
            Offer offer;
            try {
                offer = text(event.offerJson) == null ? null : offer(event.offerJson);
            } catch (MalformedOffer e) {
                outcomes[i] = EventOutcome.rejected(event.eventId, i, ProblemCodes.MALFORMED_BODY, e.getMessage(),
                        "offerJson");
                continue;
            }
            readable.add(new OfferEvent(event.eventId,
                    event.type == null ? null : OfferEventType.valueOf(event.type.name()), event.offerId,
                    event.version, occurredAt, offer));
            positions.add(i);
        }
        try {
            return receipt(FeedReceipt.merge(outcomes, positions, readable.isEmpty() ? null : feed.accept(readable)));
        } catch (OpusException e) {
            throw OpusFault.of(e);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Reads {@code offerJson}: first as JSON, then as an {@link Offer}, so that the reason says which is wrong. */
    static Offer offer(String json) throws MalformedOffer {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonParseException e) {
            throw new MalformedOffer(e.getLocation() == null ? "offerJson n'est pas du JSON bien formé."
                    : "offerJson n'est pas du JSON bien formé (ligne " + e.getLocation().getLineNr() + ", colonne "
                            + e.getLocation().getColumnNr() + ").");
        } catch (JsonProcessingException e) {
            throw new MalformedOffer(ONE_OBJECT);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedOffer(ONE_OBJECT);
        }
        try {
            return JSON.treeToValue(tree, Offer.class);
        } catch (JsonMappingException e) {
            String path = JsonErrors.path(e);
            if (path != null) {
                throw new MalformedOffer("offerJson n'a pas la forme d'une offre : la propriété « " + path
                        + " » est invalide.");
            }
            throw new MalformedOffer(e instanceof ValueInstantiationException
                    ? "offerJson n'a pas la forme d'une offre : le contenu de l'offre (content) est obligatoire."
                    : "offerJson n'a pas la forme d'une offre.");
        } catch (JsonProcessingException e) {
            throw new MalformedOffer("offerJson n'a pas la forme d'une offre.");
        }
    }

    /** {@code offerJson} is not an offer; the message is the reason, in French. */
    static final class MalformedOffer extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedOffer(String reason) {
            super(reason, null, false, false);
        }
    }

    private static ReceiptType receipt(FeedReceipt receipt) {
        ReceiptType r = new ReceiptType();
        r.accepted = receipt.accepted();
        r.duplicates = receipt.duplicates();
        r.stale = receipt.stale();
        r.rejected = receipt.rejected();
        for (EventOutcome o : receipt.outcomes()) {
            OutcomeType t = new OutcomeType();
            t.eventId = o.eventId();
            t.index = o.index();
            t.result = ResultKind.valueOf(o.result().name());
            t.code = o.code();
            t.detail = o.detail();
            t.field = o.field();
            r.outcome.add(t);
        }
        return r;
    }
}
