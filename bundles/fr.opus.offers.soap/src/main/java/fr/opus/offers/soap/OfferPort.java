package fr.opus.offers.soap;

import fr.opus.offers.soap.SoapTypes.OffreType;
import fr.opus.offers.soap.SoapTypes.RechercheType;
import fr.opus.offers.soap.SoapTypes.ResultatRechercheType;
import fr.opus.platform.soap.OpusFault;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code OfferService}: France Travail's offer search and offer lookup for partners' systems that speak
 * SOAP. Served at {@code /soap/offers}, WSDL at {@code /soap/offers?wsdl}. Element names are France Travail's; a
 * France Travail JSON array {@code x} is a repeated element {@code x}. Every operation throws the typed
 * {@link OpusFault} with the same codes as the REST API.
 */
@WebService(name = "OfferService", targetNamespace = OfferPort.NAMESPACE)
public interface OfferPort {

    String NAMESPACE = "urn:opus:soap:v1:offers";

    /**
     * Active offers matching France Travail's search parameters ({@code GET /v2/offres/search}), checked exactly as
     * over REST. Without {@code first}/{@code last}, the first 150 offers.
     */
    @WebMethod
    @WebResult(name = "resultat")
    ResultatRechercheType search(@WebParam(name = "recherche") RechercheType criteria) throws OpusFault;

    /** One active offer as partners see it; {@code offer-not-found} (404) when it is unknown or not active. */
    @WebMethod
    @WebResult(name = "offre")
    OffreType get(@WebParam(name = "id") String id) throws OpusFault;
}
