package fr.opus.accounts.rest;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/audit}: the audit trail, for regional operators. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Permit(Role.REGIONAL_OPERATOR)
    public List<AuditEvent> search(@Context SecurityContext security, @QueryParam("actor") String actor,
            @QueryParam("subject") String subject, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        return audit.search(Requests.caller(security), new AuditQuery(actor, subject, action, instant(from, "from"),
                instant(to, "to"), limit == null ? 100 : limit));
    }

    private static Instant instant(String value, String field) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Date et heure attendues au format ISO 8601, par exemple 2026-11-23T08:00:00Z.", field);
        }
    }
}
