package fr.opus.referentials.soap;

import fr.opus.platform.soap.OpusFault;
import fr.opus.referentials.soap.SoapTypes.CommuneType;
import fr.opus.referentials.soap.SoapTypes.DepartementType;
import fr.opus.referentials.soap.SoapTypes.ReferentielType;
import fr.opus.referentials.soap.SoapTypes.RegionType;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code ReferentialService}: the same reference data as the REST referentials, for partners' systems that
 * speak SOAP. Served at {@code /soap/referentials}, WSDL at {@code /soap/referentials?wsdl}. Every operation
 * throws the typed {@link OpusFault} with the same codes as the REST API.
 */
@WebService(name = "ReferentialService", targetNamespace = ReferentialPort.NAMESPACE)
public interface ReferentialPort {

    String NAMESPACE = "urn:opus:soap:v1:referentials";

    @WebMethod
    @WebResult(name = "region")
    List<RegionType> getRegions() throws OpusFault;

    /** All départements, or those of one region. */
    @WebMethod
    @WebResult(name = "departement")
    List<DepartementType> getDepartements(@WebParam(name = "codeRegion") String regionCode) throws OpusFault;

    /** The communes of one département (France Travail's label form). */
    @WebMethod
    @WebResult(name = "commune")
    List<CommuneType> getCommunes(@WebParam(name = "codeDepartement") String departmentCode) throws OpusFault;

    /** The ROME 4.0 fiches ({@code metiers}). */
    @WebMethod
    @WebResult(name = "metier")
    List<ReferentielType> getMetiers() throws OpusFault;

    /** The ROME titles, all or those of one fiche. */
    @WebMethod
    @WebResult(name = "appellation")
    List<ReferentielType> getAppellations(@WebParam(name = "codeROME") String romeCode) throws OpusFault;

    /**
     * A code list by France Travail's referentiel name: {@code domaines}, {@code themes}, {@code typesContrats},
     * {@code naturesContrats}, {@code secteursActivites}, {@code nafs}.
     */
    @WebMethod
    @WebResult(name = "entree")
    List<ReferentielType> getReferentiel(@WebParam(name = "nom") String name) throws OpusFault;

    /** ROME fiches matching a text (code prefix or words), best first. */
    @WebMethod
    @WebResult(name = "metier")
    List<ReferentielType> findMetiers(@WebParam(name = "texte") String text, @WebParam(name = "limite") Integer limit)
            throws OpusFault;

    /** Communes matching a text (name, INSEE or postal code), best first. */
    @WebMethod
    @WebResult(name = "commune")
    List<CommuneType> findCommunes(@WebParam(name = "texte") String text, @WebParam(name = "limite") Integer limit)
            throws OpusFault;
}
