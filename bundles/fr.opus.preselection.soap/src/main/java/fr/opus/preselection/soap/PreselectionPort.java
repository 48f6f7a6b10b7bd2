package fr.opus.preselection.soap;

import fr.opus.platform.soap.OpusFault;
import fr.opus.preselection.soap.SoapTypes.CandidatureType;
import fr.opus.preselection.soap.SoapTypes.ExigencesType;
import fr.opus.preselection.soap.SoapTypes.IndicateursType;
import fr.opus.preselection.soap.SoapTypes.MotifNonRetenueType;
import fr.opus.preselection.soap.SoapTypes.PreselectionType;
import fr.opus.preselection.soap.SoapTypes.PropositionType;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code PreselectionService} of the optional preselection module (DOMAIN §5): an offer's preselection and
 * the requirements France Travail's correspondent sets for its level, the candidacies counsellors propose with what
 * the level asks, the correspondent's review, the employer's feedback, and the preselection indicators. Served at
 * {@code /soap/preselection}, WSDL at {@code /soap/preselection?wsdl}, while the module is installed. The caller
 * authenticates as for every Opus SOAP service (WS-Security {@code UsernameToken} or the HTTP {@code Authorization}
 * header); the same roles and convention service apply as over REST. Every operation throws the typed
 * {@link OpusFault} with the same codes and statuses as the REST API; its {@code field} names the SOAP element.
 */
@WebService(name = "PreselectionService", targetNamespace = PreselectionPort.NAMESPACE)
public interface PreselectionPort {

    String NAMESPACE = "urn:opus:soap:v1:preselection";

    /** The preselection of an active preselected offer: level, requirements, commitments and how they are kept. */
    @WebMethod
    @WebResult(name = "preselection")
    PreselectionType preselection(@WebParam(name = "offre") String offerId) throws OpusFault;

    /**
     * Sets the offer's requirements as negotiated with the employer (France Travail only): prerequisites, weighted
     * criteria (valorisation), assessment tools (évaluation), how many candidates the employer wishes. Replaces the
     * previous ones; the first setting makes the preselection {@code definie}.
     */
    @WebMethod
    @WebResult(name = "preselection")
    PreselectionType definirPreselection(@WebParam(name = "offre") String offerId,
            @WebParam(name = "exigences") ExigencesType requirements) throws OpusFault;

    /**
     * Proposes one of the caller's partner's job seekers on a preselected offer with what its level asks: a mise en
     * relation is prepared (not sent) and the candidacy ({@code PROPOSED}) awaits the correspondent's review.
     */
    @WebMethod
    @WebResult(name = "candidature")
    CandidatureType proposer(@WebParam(name = "offre") String offerId,
            @WebParam(name = "proposition") PropositionType proposal) throws OpusFault;

    /** The candidacies on an offer the caller may see (their partner's; France Travail all), oldest first. */
    @WebMethod
    @WebResult(name = "candidature")
    List<CandidatureType> candidatures(@WebParam(name = "offre") String offerId) throws OpusFault;

    /** A candidacy; another partner's is "not found". */
    @WebMethod
    @WebResult(name = "candidature")
    CandidatureType candidature(@WebParam(name = "id") String candidacyId) throws OpusFault;

    /**
     * The correspondent's review (France Travail only): {@code transmettre} true sends the mise en relation to the
     * employer ({@code TRANSMITTED}); false declines the candidacy ({@code DECLINED}) and {@code note} says why.
     */
    @WebMethod
    @WebResult(name = "candidature")
    CandidatureType examiner(@WebParam(name = "id") String candidacyId,
            @WebParam(name = "transmettre") Boolean transmit, @WebParam(name = "note") String note) throws OpusFault;

    /**
     * Records the employer's feedback on a transmitted candidate (France Travail only): {@code recu} (received),
     * {@code recrute} (hired), {@code motif} when not hired, {@code commentaire} (required once decided for a
     * valorisation or an évaluation). It moves the mise en relation and goes into the job seeker's file.
     */
    @WebMethod
    @WebResult(name = "candidature")
    CandidatureType retourEmployeur(@WebParam(name = "id") String candidacyId,
            @WebParam(name = "recu") Boolean received, @WebParam(name = "recrute") Boolean hired,
            @WebParam(name = "motif") MotifNonRetenueType reason,
            @WebParam(name = "commentaire") String comment) throws OpusFault;

    /** Withdraws a candidacy before the employer's decision ({@code WITHDRAWN}), {@code note} saying why. */
    @WebMethod
    @WebResult(name = "candidature")
    CandidatureType retirer(@WebParam(name = "id") String candidacyId, @WebParam(name = "note") String note)
            throws OpusFault;

    /**
     * The preselection figures from {@code du} to {@code au} inclusive ({@code AAAA-MM-JJ}); {@code partenaire}
     * restricts them to one partner, and a partner's people always get their own partner's.
     */
    @WebMethod
    @WebResult(name = "indicateurs")
    IndicateursType indicateurs(@WebParam(name = "du") String from, @WebParam(name = "au") String to,
            @WebParam(name = "partenaire") String partnerId) throws OpusFault;
}
