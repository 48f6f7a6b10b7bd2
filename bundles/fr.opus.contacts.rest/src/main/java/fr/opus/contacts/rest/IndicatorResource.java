package fr.opus.contacts.rest;

import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/indicators}: placement activity per partner and period, and the tripartite indicators (DOMAIN §9),
 * as JSON or, with {@code format=csv}, as CSV for a spreadsheet (semicolons, decimal commas, UTF-8 with BOM).
 */
@Component(service = IndicatorResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/indicators")
public class IndicatorResource {

    static final String CSV = "text/csv";
    private static final String BOM = "\uFEFF";

    private final Indicators indicators;

    @Activate
    public IndicatorResource(@Reference Indicators indicators) {
        this.indicators = indicators;
    }

    @GET
    @Path("activity")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response activity(@Context SecurityContext security, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("partnerId") String partnerId,
            @QueryParam("format") String format) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        boolean csv = csv(format); // the request is checked whole before anything is counted
        List<PlacementActivity> lines = indicators.activity(JobSeekerResource.caller(security), start, end, partnerId);
        if (!csv) {
            return Response.ok(lines, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(BOM + IndicatorCsv.activity(lines), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"activite-" + start + "-" + end + ".csv\"")
                .build();
    }

    @GET
    @Path("tripartite")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response tripartite(@Context SecurityContext security, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("partnerId") String partnerId,
            @QueryParam("format") String format) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        boolean csv = csv(format);
        TripartiteIndicators t = indicators.tripartite(JobSeekerResource.caller(security), start, end, partnerId);
        if (!csv) {
            return Response.ok(t, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(BOM + IndicatorCsv.tripartite(t), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tripartite-" + start + "-" + end + ".csv\"")
                .build();
    }

    private static boolean csv(String format) {
        if (format == null || format.isBlank() || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Format inconnu « " + format
                + " » : json (par défaut) ou csv.", "format");
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "La date est obligatoire (AAAA-MM-JJ).",
                    field);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date invalide « " + value
                    + " » : attendu AAAA-MM-JJ.", field);
        }
    }
}
