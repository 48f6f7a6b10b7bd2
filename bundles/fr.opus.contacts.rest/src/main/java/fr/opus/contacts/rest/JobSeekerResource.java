package fr.opus.contacts.rest;

import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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

/** {@code /api/v1/job-seekers}: the job seekers a partner's counsellors act for, and each one's file. */
@Component(service = JobSeekerResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/job-seekers")
@Produces(MediaType.APPLICATION_JSON)
public class JobSeekerResource {

    private final JobSeekers jobSeekers;

    @Activate
    public JobSeekerResource(@Reference JobSeekers jobSeekers) {
        this.jobSeekers = jobSeekers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response create(@Context SecurityContext security, JobSeekerDraft draft) {
        JobSeeker created = jobSeekers.create(caller(security), required(draft));
        return Response.created(URI.create(OpusRest.API_V1 + "/job-seekers/" + created.id())).entity(created).build();
    }

    /** The caller's partner's job seekers whose name starts with {@code q}, or with that France Travail identifier. */
    @GET
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public List<JobSeeker> find(@Context SecurityContext security, @QueryParam("q") String text,
            @QueryParam("limit") Integer limit) {
        return jobSeekers.find(caller(security), text, limit == null ? 50 : limit);
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public JobSeeker get(@Context SecurityContext security, @PathParam("id") String id) {
        return jobSeekers.get(caller(security), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public JobSeeker update(@Context SecurityContext security, @PathParam("id") String id, JobSeekerDraft draft) {
        return jobSeekers.update(caller(security), id, required(draft));
    }

    /** The job seeker's file (dossier du DE): every act done for them on offers, with its history. */
    @GET
    @Path("{id}/file")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public JobSeekerFile file(@Context SecurityContext security, @PathParam("id") String id) {
        return jobSeekers.file(caller(security), id);
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static JobSeekerDraft required(JobSeekerDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Corps attendu : le demandeur d'emploi"
                    + " (firstName, lastName, ftIdentifier, email, phone, postalAddress, channel, note).", null);
        }
        return draft;
    }
}
