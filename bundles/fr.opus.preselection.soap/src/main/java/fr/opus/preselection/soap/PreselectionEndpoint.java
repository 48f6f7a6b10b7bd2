package fr.opus.preselection.soap;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import fr.opus.platform.soap.SoapEndpoints;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.Preselections;
import fr.opus.preselection.soap.SoapTypes.CandidatureType;
import fr.opus.preselection.soap.SoapTypes.ExigencesType;
import fr.opus.preselection.soap.SoapTypes.IndicateursType;
import fr.opus.preselection.soap.SoapTypes.MotifNonRetenueType;
import fr.opus.preselection.soap.SoapTypes.PreselectionType;
import fr.opus.preselection.soap.SoapTypes.PropositionType;
import java.time.LocalDate;
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
 * Publishes {@link PreselectionPort} at {@code /soap/preselection}. Each operation carries the same roles, convention
 * service ({@value Preselections#SERVICE}) and client scope as its REST counterpart; whose offers and candidacies the
 * caller may see, and which step France Travail alone may take, is decided by {@link Preselections}, as over REST
 * (another partner's candidacy is "not found").
 */
@Component(service = {})
@WebService(serviceName = "PreselectionService", portName = "PreselectionPort",
        endpointInterface = "fr.opus.preselection.soap.PreselectionPort", targetNamespace = PreselectionPort.NAMESPACE)
public class PreselectionEndpoint implements PreselectionPort {

    static final String ADDRESS = "/preselection";
    /** The OAuth2 scope a partner's application needs for Opus's own APIs, as over REST. */
    static final String SCOPE = "opus";

    /**
     * The service names the offending input by its REST (JSON) name; over SOAP a fault names the element the caller
     * sent.
     */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("offerId", "offre"),
            Map.entry("candidacyId", "id"),
            Map.entry("prerequisites", "prerequis"),
            Map.entry("criteria", "critere"),
            Map.entry("tools", "outil"),
            Map.entry("candidatesWanted", "candidatsSouhaites"),
            Map.entry("jobSeekerId", "demandeurEmploi"),
            Map.entry("interested", "interesse"),
            Map.entry("availableFrom", "disponibleLe"),
            Map.entry("synthesis", "synthese"),
            Map.entry("scores", "noteCritere"),
            Map.entry("assessments", "evaluation"),
            Map.entry("comment", "commentaire"),
            Map.entry("transmit", "transmettre"),
            Map.entry("received", "recu"),
            Map.entry("hired", "recrute"),
            Map.entry("reason", "motif"),
            Map.entry("partnerId", "partenaire"),
            Map.entry("from", "du"),
            Map.entry("to", "au"));

    private final Preselections preselections;
    private final Supplier<Caller> caller;
    private final Server server;

    @Activate
    public PreselectionEndpoint(@Reference final Preselections preselections,
            @Reference final Authenticator authenticator) {
        this.preselections = preselections;
        this.caller = SoapEndpoints::caller;
        this.server = SoapEndpoints.publish(PreselectionPort.class, this, ADDRESS, authenticator);
    }

    /** Unpublished, for unit tests: the caller comes from {@code caller}. */
    PreselectionEndpoint(Preselections preselections, Supplier<Caller> caller) {
        this.preselections = preselections;
        this.caller = caller;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    // ------------------------------------------------------------------------------------------------ offers

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
            Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = SCOPE)
    public PreselectionType preselection(String offerId) throws OpusFault {
        return call(() -> PreselectionType.of(preselections.preselection(caller.get(), offer(offerId))));
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT}, service = Preselections.SERVICE)
    public PreselectionType definirPreselection(String offerId, ExigencesType requirements) throws OpusFault {
        return call(() -> {
            String offer = offer(offerId);
            if (requirements == null) {
                throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Élément attendu : exigences (prerequis,"
                        + " critere, outil, candidatsSouhaites).", "exigences");
            }
            return PreselectionType.of(preselections.define(caller.get(), offer, requirements.draft()));
        });
    }

    // ------------------------------------------------------------------------------------------------ candidacies

    @Override
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = Preselections.SERVICE)
    public CandidatureType proposer(String offerId, PropositionType proposal) throws OpusFault {
        return call(() -> {
            String offer = offer(offerId);
            if (proposal == null) {
                throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Élément attendu : proposition"
                        + " (demandeurEmploi, interesse, disponibleLe, prerequis, synthese, noteCritere, evaluation,"
                        + " commentaire).", "proposition");
            }
            return CandidatureType.of(preselections.propose(caller.get(), offer, proposal.draft()));
        });
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
            Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = SCOPE)
    public List<CandidatureType> candidatures(String offerId) throws OpusFault {
        return call(() -> preselections.candidacies(caller.get(), offer(offerId)).stream().map(CandidatureType::of)
                .toList());
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
            Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = SCOPE)
    public CandidatureType candidature(String candidacyId) throws OpusFault {
        return call(() -> CandidatureType.of(preselections.candidacy(caller.get(), candidacy(candidacyId))));
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT}, service = Preselections.SERVICE)
    public CandidatureType examiner(String candidacyId, Boolean transmit, String note) throws OpusFault {
        return call(() -> {
            String id = candidacy(candidacyId);
            if (transmit == null) {
                throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez si la candidature est"
                        + " transmise à l'employeur : transmettre vaut true ou false.", "transmettre");
            }
            return CandidatureType.of(preselections.review(caller.get(), id, transmit, note));
        });
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT}, service = Preselections.SERVICE)
    public CandidatureType retourEmployeur(String candidacyId, Boolean received, Boolean hired,
            MotifNonRetenueType reason, String comment) throws OpusFault {
        return call(() -> CandidatureType.of(preselections.feedback(caller.get(), candidacy(candidacyId),
                EmployerFeedback.of(received, hired, reason == null ? null : reason.reason(), comment))));
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR},
            service = Preselections.SERVICE)
    public CandidatureType retirer(String candidacyId, String note) throws OpusFault {
        return call(() -> CandidatureType.of(preselections.withdraw(caller.get(), candidacy(candidacyId), note)));
    }

    // ------------------------------------------------------------------------------------------------ indicators

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER}, service = Preselections.SERVICE)
    public IndicateursType indicateurs(String from, String to, String partnerId) throws OpusFault {
        return call(() -> {
            // the service checks the period itself (given, in order, not too long)
            LocalDate start = SoapTypes.day(from, "du");
            LocalDate end = SoapTypes.day(to, "au");
            return IndicateursType.of(preselections.indicators(caller.get(), start, end, blankToNull(partnerId)));
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

    /** The SOAP element for a service's field name: {@code prerequisites[2]} is {@code prerequis[2]}. */
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

    private static String offer(String offerId) {
        return required(offerId, "offre", "L'identifiant de l'offre est obligatoire (ex. 201WLXK).");
    }

    private static String candidacy(String candidacyId) {
        return required(candidacyId, "id", "L'identifiant de la candidature est obligatoire.");
    }

    private static String required(String value, String element, String detail) {
        if (value == null || value.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, detail, element);
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
