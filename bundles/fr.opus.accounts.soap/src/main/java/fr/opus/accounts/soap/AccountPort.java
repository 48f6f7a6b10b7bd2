package fr.opus.accounts.soap;

import fr.opus.accounts.soap.SoapTypes.CompteType;
import fr.opus.accounts.soap.SoapTypes.NouveauCompteType;
import fr.opus.accounts.soap.SoapTypes.SiegesType;
import fr.opus.platform.soap.OpusFault;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code AccountService}: what a partner's information system needs to keep its staff's Opus accounts in
 * step with its own directory (who am I, the partner's accounts and seat counter, creating a counsellor,
 * switching accounts off and on, sending a fresh activation link). Served at {@code /soap/accounts}, WSDL at
 * {@code /soap/accounts?wsdl}. The caller authenticates with a WS-Security {@code UsernameToken} (PasswordText) or
 * the HTTP {@code Authorization} header, like REST; the same roles apply as on {@code /api/v1/accounts}. Every
 * operation throws the typed {@link OpusFault} with the same codes and statuses as the REST API.
 */
@WebService(name = "AccountService", targetNamespace = AccountPort.NAMESPACE)
public interface AccountPort {

    String NAMESPACE = "urn:opus:soap:v1:accounts";

    /** The caller's own account. */
    @WebMethod
    @WebResult(name = "compte")
    CompteType moi() throws OpusFault;

    /** The accounts of a partner (an RGC's own partner when empty; operators name one, or none for France Travail's). */
    @WebMethod
    @WebResult(name = "compte")
    List<CompteType> comptes(@WebParam(name = "partenaire") String partnerId) throws OpusFault;

    @WebMethod
    @WebResult(name = "compte")
    CompteType compte(@WebParam(name = "id") String accountId) throws OpusFault;

    /** The quota of annex 2, the seats taken and who holds them. */
    @WebMethod
    @WebResult(name = "sieges")
    SiegesType sieges(@WebParam(name = "partenaire") String partnerId) throws OpusFault;

    /**
     * Creates an account pending activation; the person receives the activation link by mail. The RGC creates
     * counsellors ({@code CONSEILLER}) of its partner, within the quota; operators also create RGC and France Travail
     * accounts.
     */
    @WebMethod
    @WebResult(name = "compte")
    CompteType creerCompte(@WebParam(name = "nouveauCompte") NouveauCompteType account) throws OpusFault;

    /** Switches an account off and frees its seat; its tokens stop working at once. */
    @WebMethod
    @WebResult(name = "compte")
    CompteType desactiverCompte(@WebParam(name = "id") String accountId, @WebParam(name = "motif") String reason)
            throws OpusFault;

    /** Switches an account back on, if a seat is free. */
    @WebMethod
    @WebResult(name = "compte")
    CompteType reactiverCompte(@WebParam(name = "id") String accountId) throws OpusFault;

    /** Sends a fresh activation link; earlier links stop working. */
    @WebMethod
    @WebResult(name = "compte")
    CompteType renvoyerActivation(@WebParam(name = "id") String accountId) throws OpusFault;
}
