package fr.opus.offers.soap;

import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.soap.SoapTypes.OffreType;
import fr.opus.offers.soap.SoapTypes.RechercheType;
import fr.opus.offers.soap.SoapTypes.ResultatRechercheType;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.SoapEndpoints;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import javax.jws.WebService;
import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes {@link OfferPort} at {@code /soap/offers} for as long as this bundle runs and offers can be read. */
@Component(service = {})
@WebService(serviceName = "OfferService", portName = "OfferPort",
        endpointInterface = "fr.opus.offers.soap.OfferPort", targetNamespace = OfferPort.NAMESPACE)
public class OfferEndpoint implements OfferPort {

    static final String ADDRESS = "/offers";
    private static final Logger LOG = LoggerFactory.getLogger(OfferEndpoint.class);

    private final OfferCatalog catalog;
    private final Server server;

    @Activate
    public OfferEndpoint(@Reference final OfferCatalog catalog, @Reference final Authenticator authenticator) {
        this.catalog = catalog;
        this.server = SoapEndpoints.publish(OfferPort.class, this, ADDRESS, authenticator);
    }

    OfferEndpoint(OfferCatalog catalog) {
        this.catalog = catalog;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION},
            service = ServiceDefinition.CONSULTATION_OFFRES, scope = "api_offresdemploiv2")
    public ResultatRechercheType search(RechercheType criteria) throws OpusFault {
        try {
            OfferQuery query = query(withDefaultRegion(criteria == null ? new RechercheType() : criteria,
                    SoapEndpoints.caller()));
            try {
                return OfferMapping.page(catalog.search(query));
            } catch (IOException e) {
                throw unreadable(e);
            }
        } catch (OpusException e) {
            throw OpusFault.of(e);
        }
    }

    @Override
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION},
            service = ServiceDefinition.CONSULTATION_OFFRES, scope = "api_offresdemploiv2")
    public OffreType get(String id) throws OpusFault {
        if (id == null || id.isBlank()) {
            throw OpusFault.of(OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "L'identifiant de l'offre est obligatoire (ex. 179PPHH).", "id"));
        }
        try {
            return catalog.findPublished(id.strip()).map(OfferMapping::offre)
                    .orElseThrow(() -> new OpusException(404, OfferProblemCodes.OFFER_NOT_FOUND,
                            "Offre « " + id.strip() + " » introuvable, suspendue ou retirée.", "id"));
        } catch (OpusException e) {
            throw OpusFault.of(e);
        }
    }

    /** Without a commune, département or region, a partner's people and applications search their region. */
    static RechercheType withDefaultRegion(RechercheType criteria, Caller caller) {
        boolean placed = text(criteria.region) != null || !list(criteria.commune).isEmpty()
                || !list(criteria.departement).isEmpty();
        if (caller == null || caller.region() == null || placed) {
            return criteria;
        }
        criteria.region = caller.region();
        return criteria;
    }

    /**
     * The query France Travail's parameters describe, checked by {@link OfferQuery.Builder#build()} as over REST.
     * Blank elements count as absent, as SOAP tools often send every element of the request.
     */
    static OfferQuery query(RechercheType r) {
        int first = r.first == null ? 0 : r.first;
        int last = r.last == null ? Math.min(first + OfferQuery.MAX_PAGE - 1, OfferQuery.MAX_LAST) : r.last;
        OfferQuery.Builder builder = OfferQuery.builder()
                .keywords(list(r.motsCles))
                .romeCodes(list(r.codeROME))
                .appellation(text(r.appellation))
                .grandDomain(text(r.grandDomaine))
                .domain(text(r.domaine))
                .theme(text(r.theme))
                .sectors(list(r.secteurActivite))
                .nafCodes(list(r.codeNAF))
                .communes(list(r.commune))
                .distanceKm(r.distance)
                .departments(list(r.departement))
                .includeNeighbours(Boolean.TRUE.equals(r.inclureLimitrophes))
                .region(text(r.region))
                .contractTypes(list(r.typeContrat))
                .contractNatures(list(r.natureContrat))
                .qualification(text(r.qualification))
                .experience(text(r.experience))
                .experienceRequirement(text(r.experienceExigence))
                .fullTime(r.tempsPlein)
                .weeklyDuration(text(r.dureeHebdo))
                .publishedSinceDays(r.publieeDepuis)
                .minCreationDate(instant(r.minCreationDate, "minCreationDate"))
                .maxCreationDate(instant(r.maxCreationDate, "maxCreationDate"))
                .origin(r.origineOffre == null ? null : String.valueOf(r.origineOffre))
                .disabilityAccessible(r.accesTravailleurHandicape)
                .shortOfCandidates(r.offresManqueCandidats)
                .adaptedCompanies(r.entreprisesAdaptees)
                .disabilityCommittedEmployers(r.employeursHandiEngages)
                .sort(sort(r.sort))
                .range(first, last);
        try {
            return builder.build();
        } catch (OpusException e) {
            if (!"range".equals(e.field())) {
                throw e;
            }
            // France Travail's range=p-d is two elements here: name the one to blame
            String field = first < 0 || first > OfferQuery.MAX_FIRST ? "first" : "last";
            throw new OpusException(e.status(), e.code(), e.detail(), field);
        }
    }

    private static OfferQuery.Sort sort(Integer sort) {
        if (sort == null) {
            return OfferQuery.Sort.RELEVANCE;
        }
        return switch (sort) {
            case 0 -> OfferQuery.Sort.RELEVANCE;
            case 1 -> OfferQuery.Sort.DATE;
            case 2 -> OfferQuery.Sort.DISTANCE;
            default -> throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "0 (pertinence), 1 (date de création) ou 2 (distance) attendu : « " + sort + " ».", "sort");
        };
    }

    private static Instant instant(String value, String field) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date et heure avec fuseau attendues "
                    + "(ex. 2026-11-01T00:00:00Z) : « " + text + " ».", field);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(OfferEndpoint::text).filter(v -> v != null).toList();
    }

    private static OpusException unreadable(IOException e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("A published offer could not be read as France Travail JSON (incident {})", incident, e);
        return new OpusException(500, ProblemCodes.INTERNAL_ERROR,
                "Une erreur interne est survenue. Référence de l'incident à transmettre au support : " + incident + ".",
                null);
    }
}
