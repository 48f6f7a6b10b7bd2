package fr.opus.preselection.rest;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.Preselections;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/**
 * {@code /api/v1/preselection}: preselection on France Travail's preselected offers (DOMAIN §5), the first optional
 * module. The paths exist only while the module is installed (this component needs the {@link Preselections}
 * service); partners' people and applications also need the {@value Preselections#SERVICE} service in their
 * convention. Applications only read: proposing and withdrawing move core's acts, which people make. Which offers,
 * candidacies and figures a partner sees is the service's rule (another partner's candidacy answers 404).
 */
@Component(service = PreselectionResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/preselection")
@Produces(MediaType.APPLICATION_JSON)
public class PreselectionResource {

    /** The correspondent's decision: transmit the candidate to the employer, or decline them saying why. */
    public record Review(Boolean transmit, String note) {
    }

    /** The employer's feedback on a transmitted candidate, as France Travail records it. */
    public record Feedback(Boolean received, Boolean hired, RejectionReason reason, String comment) {
    }

    /** Why a candidacy is withdrawn; the body and the note are optional. */
    public record Withdrawal(String note) {
    }

    private final Preselections preselections;

    @Activate
    public PreselectionResource(@Reference Preselections preselections) {
        this.preselections = preselections;
    }

    @GET
    @Path("offers/{offerId}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = "opus")
    public OfferPreselection preselection(@Context SecurityContext security, @PathParam("offerId") String offerId) {
        return preselections.preselection(caller(security), offerId);
    }

    @PUT
    @Path("offers/{offerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT}, service = Preselections.SERVICE)
    public OfferPreselection define(@Context SecurityContext security, @PathParam("offerId") String offerId,
            PreselectionDraft draft) {
        return preselections.define(caller(security), offerId,
                required(draft, "(prerequisites, criteria, tools, candidatesWanted)"));
    }

    /** The candidacies on the offer the caller may see, oldest first. */
    @GET
    @Path("offers/{offerId}/candidacies")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = "opus")
    public List<Candidacy> candidacies(@Context SecurityContext security, @PathParam("offerId") String offerId) {
        return preselections.candidacies(caller(security), offerId);
    }

    @POST
    @Path("offers/{offerId}/candidacies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR}, service = Preselections.SERVICE)
    public Response propose(@Context SecurityContext security, @PathParam("offerId") String offerId,
            CandidacyDraft draft) {
        Candidacy created = preselections.propose(caller(security), offerId, required(draft,
                "(jobSeekerId, interested, availableFrom, prerequisites, synthesis, scores, assessments, comment)"));
        return Response.created(URI.create(OpusRest.API_V1 + "/preselection/candidacies/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("candidacies/{id}")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR,
        Role.PARTNER_APPLICATION}, service = Preselections.SERVICE, scope = "opus")
    public Candidacy candidacy(@Context SecurityContext security, @PathParam("id") String id) {
        return preselections.candidacy(caller(security), id);
    }

    @POST
    @Path("candidacies/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.FT_AGENT, Role.REGIONAL_OPERATOR}, service = Preselections.SERVICE)
    public Candidacy review(@Context SecurityContext security, @PathParam("id") String id, Review body) {
        Review review = required(body, "(transmit, note)");
        if (review.transmit() == null) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Indiquez « transmit » : true pour transmettre"
                    + " la candidature à l'employeur, false pour l'écarter en disant pourquoi dans « note ».",
                    "transmit");
        }
        return preselections.review(caller(security), id, review.transmit(), review.note());
    }

    @POST
    @Path("candidacies/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.FT_AGENT, Role.REGIONAL_OPERATOR}, service = Preselections.SERVICE)
    public Candidacy feedback(@Context SecurityContext security, @PathParam("id") String id, Feedback body) {
        Feedback feedback = required(body, "(received, hired, reason, comment)");
        return preselections.feedback(caller(security), id, EmployerFeedback.of(feedback.received(), feedback.hired(),
                feedback.reason(), feedback.comment()));
    }

    @POST
    @Path("candidacies/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit(value = {Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.FT_AGENT, Role.REGIONAL_OPERATOR},
            service = Preselections.SERVICE)
    public Candidacy withdraw(@Context SecurityContext security, @PathParam("id") String id, Withdrawal body) {
        return preselections.withdraw(caller(security), id, body == null ? null : body.note());
    }

    @GET
    @Path("indicators")
    @Permit(value = {Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER}, service = Preselections.SERVICE)
    public PreselectionIndicators indicators(@Context SecurityContext security, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("partnerId") String partnerId) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        return preselections.indicators(caller(security), start, end,
                partnerId == null || partnerId.isBlank() ? null : partnerId.strip());
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static <T> T required(T body, String properties) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Corps JSON attendu " + properties + ".", null);
        }
        return body;
    }

    /** A day as the contacts indicators read it (AAAA-MM-JJ), with the same French messages. */
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
