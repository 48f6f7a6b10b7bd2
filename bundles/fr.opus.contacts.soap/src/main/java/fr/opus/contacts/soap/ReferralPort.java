package fr.opus.contacts.soap;

import fr.opus.contacts.soap.SoapTypes.ActeType;
import fr.opus.contacts.soap.SoapTypes.DemandeurEmploiType;
import fr.opus.contacts.soap.SoapTypes.DossierType;
import fr.opus.contacts.soap.SoapTypes.EtatActeType;
import fr.opus.contacts.soap.SoapTypes.FicheDemandeurEmploiType;
import fr.opus.contacts.soap.SoapTypes.IndicateursType;
import fr.opus.contacts.soap.SoapTypes.MotifNonRetenueType;
import fr.opus.contacts.soap.SoapTypes.MotifType;
import fr.opus.contacts.soap.SoapTypes.PresentationType;
import fr.opus.contacts.soap.SoapTypes.TypeActeType;
import fr.opus.platform.soap.OpusFault;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/**
 * The SOAP {@code ReferralService}: what a partner's information system needs to put its job seekers in contact with
 * employers through Opus — the job seekers and their file (dossier du DE), the acts on offers (mise en contact, mise
 * en relation, convocation) and their state machine, presentations of candidates, and the placement indicators.
 * Served at {@code /soap/referrals}, WSDL at {@code /soap/referrals?wsdl}. The caller authenticates with a
 * WS-Security {@code UsernameToken} (PasswordText) or the HTTP {@code Authorization} header, like REST; the same
 * roles apply as on {@code /api/v1/job-seekers} and {@code /api/v1/referrals}. Every operation throws the typed
 * {@link OpusFault} with the same codes and statuses as the REST API; its {@code field} names the SOAP element.
 */
@WebService(name = "ReferralService", targetNamespace = ReferralPort.NAMESPACE)
public interface ReferralPort {

    String NAMESPACE = "urn:opus:soap:v1:referrals";

    /**
     * The caller's partner's job seekers whose last name (then first name) starts with {@code texte}, accents and case
     * aside, or whose France Travail identifier it is; all when empty. At most {@code limite} (50 by default).
     */
    @WebMethod
    @WebResult(name = "demandeurEmploi")
    List<DemandeurEmploiType> demandeursEmploi(@WebParam(name = "texte") String text,
            @WebParam(name = "limite") Integer limit) throws OpusFault;

    /** A job seeker; another partner's is "not found". Reading is audited. */
    @WebMethod
    @WebResult(name = "demandeurEmploi")
    DemandeurEmploiType demandeurEmploi(@WebParam(name = "id") String jobSeekerId) throws OpusFault;

    /** Records a job seeker for the caller's partner. */
    @WebMethod
    @WebResult(name = "demandeurEmploi")
    DemandeurEmploiType creerDemandeurEmploi(@WebParam(name = "fiche") FicheDemandeurEmploiType entry)
            throws OpusFault;

    /** Replaces what is known of a job seeker by {@code fiche}. */
    @WebMethod
    @WebResult(name = "demandeurEmploi")
    DemandeurEmploiType modifierDemandeurEmploi(@WebParam(name = "id") String jobSeekerId,
            @WebParam(name = "fiche") FicheDemandeurEmploiType entry) throws OpusFault;

    /** The job seeker's file (dossier du DE): the person and every act done for them, newest first. Audited. */
    @WebMethod
    @WebResult(name = "dossier")
    DossierType dossier(@WebParam(name = "id") String jobSeekerId) throws OpusFault;

    /**
     * Records an act for one of the caller's partner's job seekers on an offer: prepared ({@code PROPOSED}) or, with
     * {@code transmettre} true, transmitted at once ({@code SENT}). The offer decides the act: a mise en contact
     * ({@code CONTACT}) without preselection; with preselection a mise en relation ({@code RELATION}) under
     * {@code delegation-mer}, else a convocation ({@code SUMMONS}). One open act per job seeker and offer.
     */
    @WebMethod
    @WebResult(name = "acte")
    ActeType creerActe(@WebParam(name = "offre") String offerId,
            @WebParam(name = "demandeurEmploi") String jobSeekerId, @WebParam(name = "type") TypeActeType kind,
            @WebParam(name = "transmettre") Boolean send, @WebParam(name = "commentaire") String comment)
            throws OpusFault;

    /** Moves an act along its state machine; {@code motif} is required for {@code NOT_RETAINED}, refused otherwise. */
    @WebMethod
    @WebResult(name = "acte")
    ActeType faireAvancer(@WebParam(name = "id") String referralId, @WebParam(name = "etat") EtatActeType state,
            @WebParam(name = "motif") MotifNonRetenueType reason,
            @WebParam(name = "commentaire") String comment) throws OpusFault;

    /** An act with its whole history. */
    @WebMethod
    @WebResult(name = "acte")
    ActeType acte(@WebParam(name = "id") String referralId) throws OpusFault;

    /** The acts on an offer the caller may see: its partner's; the managing partner and France Travail all. */
    @WebMethod
    @WebResult(name = "acte")
    List<ActeType> actesSurOffre(@WebParam(name = "offre") String offerId) throws OpusFault;

    /** The reasons an employer may give for not retaining a candidate, and whether each may be told to them. */
    @WebMethod
    @WebResult(name = "motif")
    List<MotifType> motifs() throws OpusFault;

    /**
     * Presents the caller's partner's job seekers to an offer's employer, all or nothing: one act each, one mail with
     * the list to the employer (or to who relays it), one notice to each candidate. A repeated
     * {@code cleIdempotence} returns the first presentation and sends nothing again.
     */
    @WebMethod
    @WebResult(name = "presentation")
    PresentationType presenter(@WebParam(name = "offre") String offerId,
            @WebParam(name = "demandeurEmploi") List<String> jobSeekerIds,
            @WebParam(name = "message") String message,
            @WebParam(name = "cleIdempotence") String requestKey) throws OpusFault;

    /** A presentation, with where the employer's mail and each candidate's notice stand. */
    @WebMethod
    @WebResult(name = "presentation")
    PresentationType presentation(@WebParam(name = "id") String presentationId) throws OpusFault;

    /**
     * The placement indicators from {@code du} to {@code au} inclusive ({@code AAAA-MM-JJ}): one activity line per
     * partner and the tripartite figures. {@code partenaire} restricts to one partner; a partner's people always get
     * their own partner's.
     */
    @WebMethod
    @WebResult(name = "indicateurs")
    IndicateursType indicateurs(@WebParam(name = "du") String from, @WebParam(name = "au") String to,
            @WebParam(name = "partenaire") String partnerId) throws OpusFault;
}
