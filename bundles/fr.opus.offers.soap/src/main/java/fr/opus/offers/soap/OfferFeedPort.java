package fr.opus.offers.soap;

import fr.opus.offers.soap.FeedTypes.EventType;
import fr.opus.offers.soap.FeedTypes.ReceiptType;
import fr.opus.platform.soap.OpusFault;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code OfferFeedService}: France Travail's information system publishes offer events here. Served at
 * {@code /soap/offers-feed}, WSDL at {@code /soap/offers-feed?wsdl}.
 */
@WebService(name = "OfferFeedService", targetNamespace = OfferPort.NAMESPACE)
public interface OfferFeedPort {

    /**
     * Stores and applies a batch of 1 to 1,000 events. Each event is checked on its own: a malformed one (an
     * {@code offerJson} that is not an offer) is rejected with its reason and the others are kept. The receipt has
     * one outcome per event, in batch order; every event not rejected is durably stored when it is returned.
     *
     * @throws OpusFault {@code invalid-batch} (400) when the batch is empty or too large
     */
    @WebMethod
    @WebResult(name = "receipt")
    ReceiptType publish(@WebParam(name = "event") List<EventType> events) throws OpusFault;
}
