package fr.opus.contacts.rest;

import fr.opus.contacts.api.NotificationPreferences;
import fr.opus.contacts.api.NotificationPreferences.Party;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/notification-preferences}: whether a counsellor (for themself), a job seeker (through their
 * counsellor) or an employer (through France Travail) receives the update mails about acts.
 */
@Component(service = NotificationPreferenceResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotificationPreferenceResource {

    /** The choice. */
    public record Preference(Boolean receivesUpdates) {
    }

    /** An employer's choice, by its address. */
    public record EmployerPreference(String email, Boolean receivesUpdates) {
    }

    private final NotificationPreferences preferences;

    @Activate
    public NotificationPreferenceResource(@Reference NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GET
    @Path("me")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Preference mine(@Context SecurityContext security) {
        return new Preference(preferences.receivesUpdates(JobSeekerResource.caller(security), Party.COUNSELLOR, null));
    }

    @PUT
    @Path("me")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Preference setMine(@Context SecurityContext security, Preference body) {
        return new Preference(preferences.setReceivesUpdates(JobSeekerResource.caller(security), Party.COUNSELLOR,
                null, choice(body == null ? null : body.receivesUpdates())));
    }

    @GET
    @Path("job-seekers/{id}")
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Preference jobSeeker(@Context SecurityContext security, @PathParam("id") String id) {
        return new Preference(preferences.receivesUpdates(JobSeekerResource.caller(security), Party.JOB_SEEKER, id));
    }

    @PUT
    @Path("job-seekers/{id}")
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Preference setJobSeeker(@Context SecurityContext security, @PathParam("id") String id, Preference body) {
        return new Preference(preferences.setReceivesUpdates(JobSeekerResource.caller(security), Party.JOB_SEEKER,
                id, choice(body == null ? null : body.receivesUpdates())));
    }

    @PUT
    @Path("employers")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT})
    public EmployerPreference setEmployer(@Context SecurityContext security, EmployerPreference body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : {\"email\", \"receivesUpdates\"}.", null);
        }
        boolean receives = preferences.setReceivesUpdates(JobSeekerResource.caller(security), Party.EMPLOYER,
                body.email(), choice(body.receivesUpdates()));
        return new EmployerPreference(body.email().strip().toLowerCase(java.util.Locale.ROOT), receives);
    }

    private static boolean choice(Boolean value) {
        if (value == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Indiquez « receivesUpdates » : true ou false.", "receivesUpdates");
        }
        return value;
    }
}
