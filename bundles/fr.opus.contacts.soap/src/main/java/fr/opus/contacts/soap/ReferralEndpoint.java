package fr.opus.contacts.soap;

import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.contacts.api.Presentations;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
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
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import fr.opus.platform.soap.SoapEndpoints;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.jws.WebService;
import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@link ReferralPort} at {@code /soap/referrals}. Each operation carries the same roles as its REST
 * counterpart; whose job seekers, acts and presentations the caller may see is decided by the contacts services, as
 * over REST (another partner's are "not found").
 */
@Component(service = {})
@WebService(serviceName = "ReferralService", portName = "ReferralPort",
        endpointInterface = "fr.opus.contacts.soap.ReferralPort", targetNamespace = ReferralPort.NAMESPACE)
public class ReferralEndpoint implements ReferralPort {

    static final String ADDRESS = "/referrals";
    /** Default and REST's number of job seekers a search returns. */
    static final int DEFAULT_LIMIT = 50;

    /**
     * The services name the offending input by its REST (JSON) name; over SOAP a fault names the element the caller
     * sent.
     */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("firstName", "prenom"),
            Map.entry("lastName", "nom"),
            Map.entry("ftIdentifier", "identifiantFranceTravail"),
            Map.entry("email", "courriel"),
            Map.entry("phone", "telephone"),
            Map.entry("postalAddress", "adressePostale"),
            Map.entry("channel", "canal"),
            Map.entry("offerId", "offre"),
            Map.entry("jobSeekerId", "demandeurEmploi"),
            Map.entry("jobSeekerIds", "demandeurEmploi"),
            Map.entry("kind", "type"),
            Map.entry("send", "transmettre"),
            Map.entry("state", "etat"),
            Map.entry("reason", "motif"),
            Map.entry("comment", "commentaire"),
            Map.entry("requestKey", "cleIdempotence"),
            Map.entry("Idempotency-Key", "cleIdempotence"),
            Map.entry("partnerId", "partenaire"),
            Map.entry("from", "du"),
            Map.entry("to", "au"),
            Map.entry("limit", "limite"),
            Map.entry("q", "texte"));

    private final JobSeekers jobSeekers;
    private final Referrals referrals;
    private final Presentations presentations;
    private final Indicators indicators;
    private final Supplier<Caller> caller;
    private final Server server;

    @Activate
    public ReferralEndpoint(@Reference final JobSeekers jobSeekers, @Reference final Referrals referrals,
            @Reference final Presentations presentations, @Reference final Indicators indicators,
            @Reference final Authenticator authenticator) {
        this.jobSeekers = jobSeekers;
        this.referrals = referrals;
        this.presentations = presentations;
        this.indicators = indicators;
        this.caller = SoapEndpoints::caller;
        this.server = SoapEndpoints.publish(ReferralPort.class, this, ADDRESS, authenticator);
    }

    /** Unpublished, for unit tests: the caller comes from {@code caller}. */
    ReferralEndpoint(JobSeekers jobSeekers, Referrals referrals, Presentations presentations, Indicators indicators,
            Supplier<Caller> caller) {
        this.jobSeekers = jobSeekers;
        this.referrals = referrals;
        this.presentations = presentations;
        this.indicators = indicators;
        this.caller = caller;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    // ------------------------------------------------------------------------------------------------ job seekers

    @Override
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<DemandeurEmploiType> demandeursEmploi(String text, Integer limit) throws OpusFault {
        return call(() -> jobSeekers.find(caller.get(), blankToNull(text), limit == null ? DEFAULT_LIMIT : limit)
                .stream().map(DemandeurEmploiType::of).toList());
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public DemandeurEmploiType demandeurEmploi(String jobSeekerId) throws OpusFault {
        return call(() -> DemandeurEmploiType.of(jobSeekers.get(caller.get(),
                required(jobSeekerId, "id", "L'identifiant du demandeur d'emploi est obligatoire."))));
    }

    @Override
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public DemandeurEmploiType creerDemandeurEmploi(FicheDemandeurEmploiType entry) throws OpusFault {
        return call(() -> DemandeurEmploiType.of(jobSeekers.create(caller.get(), fiche(entry).draft())));
    }

    @Override
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public DemandeurEmploiType modifierDemandeurEmploi(String jobSeekerId, FicheDemandeurEmploiType entry)
            throws OpusFault {
        return call(() -> DemandeurEmploiType.of(jobSeekers.update(caller.get(),
                required(jobSeekerId, "id", "L'identifiant du demandeur d'emploi est obligatoire."),
                fiche(entry).draft())));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public DossierType dossier(String jobSeekerId) throws OpusFault {
        return call(() -> DossierType.of(jobSeekers.file(caller.get(),
                required(jobSeekerId, "id", "L'identifiant du demandeur d'emploi est obligatoire."))));
    }

    // ------------------------------------------------------------------------------------------------ acts

    @Override
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = ServiceDefinition.CONSULTATION_OFFRES)
    public ActeType creerActe(String offerId, String jobSeekerId, TypeActeType kind, Boolean send, String comment)
            throws OpusFault {
        return call(() -> ActeType.of(referrals.create(caller.get(), blankToNull(offerId), blankToNull(jobSeekerId),
                kind == null ? null : kind.kind(), Boolean.TRUE.equals(send), comment)));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public ActeType faireAvancer(String referralId, EtatActeType state, MotifNonRetenueType reason, String comment)
            throws OpusFault {
        return call(() -> ActeType.of(referrals.move(caller.get(),
                required(referralId, "id", "L'identifiant de l'acte est obligatoire."),
                state == null ? null : state.state(), reason == null ? null : reason.reason(), comment)));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public ActeType acte(String referralId) throws OpusFault {
        return call(() -> ActeType.of(referrals.referral(caller.get(),
                required(referralId, "id", "L'identifiant de l'acte est obligatoire."))));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<ActeType> actesSurOffre(String offerId) throws OpusFault {
        return call(() -> referrals.onOffer(caller.get(),
                required(offerId, "offre", "L'identifiant de l'offre est obligatoire (ex. 201WLXK)."))
                .stream().map(ActeType::of).toList());
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<MotifType> motifs() {
        return Arrays.stream(RejectionReason.values()).map(MotifType::of).toList();
    }

    // ------------------------------------------------------------------------------------------------ presentations

    @Override
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = ServiceDefinition.CONSULTATION_OFFRES)
    public PresentationType presenter(String offerId, List<String> jobSeekerIds, String message, String requestKey)
            throws OpusFault {
        List<String> candidates = jobSeekerIds == null ? List.of()
                : jobSeekerIds.stream().map(id -> id == null ? null : id.strip()).toList();
        return call(() -> PresentationType.of(presentations.present(caller.get(), blankToNull(offerId), candidates,
                blankToNull(message), blankToNull(requestKey))));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public PresentationType presentation(String presentationId) throws OpusFault {
        return call(() -> PresentationType.of(presentations.presentation(caller.get(),
                required(presentationId, "id", "L'identifiant de la présentation est obligatoire."))));
    }

    // ------------------------------------------------------------------------------------------------ indicators

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public IndicateursType indicateurs(String from, String to, String partnerId) throws OpusFault {
        return call(() -> {
            // the service checks the period itself (given, in order, at most three years)
            LocalDate start = day(from, "du");
            LocalDate end = day(to, "au");
            String partner = blankToNull(partnerId);
            Caller by = caller.get();
            return IndicateursType.of(start, end, partner, indicators.activity(by, start, end, partner),
                    indicators.tripartite(by, start, end, partner));
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static <T> T call(Supplier<T> operation) throws OpusFault {
        try {
            return operation.get();
        } catch (OpusException e) {
            throw fault(e);
        }
    }

    /** The typed fault of {@code failure}, its field named as the SOAP element the caller sent. */
    static OpusFault fault(OpusException failure) {
        return new OpusFault(failure.detail(), new OpusFaultInfo(failure.code(), failure.status(), failure.detail(),
                element(failure.field())), failure);
    }

    /** The SOAP element for a service's field name: {@code jobSeekerIds[2]} is {@code demandeurEmploi[2]}. */
    static String element(String field) {
        if (field == null) {
            return null;
        }
        int end = 0;
        while (end < field.length() && field.charAt(end) != '[' && field.charAt(end) != '.') {
            end++;
        }
        String head = field.substring(0, end);
        return ELEMENTS.getOrDefault(head, head) + field.substring(end);
    }

    private static FicheDemandeurEmploiType fiche(FicheDemandeurEmploiType entry) {
        if (entry == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Élément attendu : fiche (prenom, nom,"
                    + " identifiantFranceTravail, courriel, telephone, adressePostale, canal, note).", "fiche");
        }
        return entry;
    }

    private static String required(String value, String element, String detail) {
        if (value == null || value.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, detail, element);
        }
        return value.strip();
    }

    /** The day an {@code xs:date} element gives, or {@code null} when it is absent. */
    private static LocalDate day(String value, String element) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // xs:date may carry an offset (2026-01-31Z): the day is what counts
            return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date attendue au format AAAA-MM-JJ"
                    + " (ex. 2026-01-31) : « " + value.strip() + " ».", element);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
