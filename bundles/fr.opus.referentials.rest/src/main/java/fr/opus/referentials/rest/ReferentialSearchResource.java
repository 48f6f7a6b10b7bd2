package fr.opus.referentials.rest;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Opus's own look-ups, for forms that complete as the user types: {@code /api/v1/referentials/jobs?q=plomb} and
 * {@code /api/v1/referentials/communes?q=st etienne}, one entry by code, and the loaded datasets.
 */
@Component(service = ReferentialSearchResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.PARTNER_APPLICATION})
@Path(OpusRest.API_V1 + "/referentials")
@Produces(MediaType.APPLICATION_JSON)
public class ReferentialSearchResource {

    static final int MAX_LIMIT = 50;
    static final int DEFAULT_LIMIT = 10;

    private final ReferentialService referentials;

    @Activate
    public ReferentialSearchResource(@Reference ReferentialService referentials) {
        this.referentials = referentials;
    }

    @GET
    @Path("jobs")
    public List<Job> findJobs(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        return referentials.findJobs(query(q), limit(limit));
    }

    @GET
    @Path("jobs/{code}")
    public Job job(@PathParam("code") String code) {
        return referentials.job(code).orElseThrow(() -> OpusException.notFound("unknown-rome-code",
                "Aucun métier ROME n'a le code « " + code + " »."));
    }

    @GET
    @Path("communes")
    public List<Commune> findCommunes(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        return referentials.findCommunes(query(q), limit(limit));
    }

    @GET
    @Path("communes/{code}")
    public Commune commune(@PathParam("code") String code) {
        return referentials.commune(code).orElseThrow(() -> OpusException.notFound("unknown-commune",
                "Aucune commune n'a le code INSEE « " + code + " »."));
    }

    /** What reference data is loaded, from which source, when: for operators and monitoring. */
    @GET
    @Path("datasets")
    public List<Dataset> datasets() {
        return referentials.datasets();
    }

    private static String query(String q) {
        if (q == null || q.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le paramètre « q » est obligatoire : indiquez le texte à rechercher.", "q");
        }
        if (q.length() > 100) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Le paramètre « q » ne doit pas dépasser 100 caractères.", "q");
        }
        return q;
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                "Le paramètre « limit » doit être un nombre entier entre 1 et " + MAX_LIMIT + ".", "limit");
    }
}
