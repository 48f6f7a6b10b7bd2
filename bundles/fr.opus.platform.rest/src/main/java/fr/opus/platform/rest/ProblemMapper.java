package fr.opus.platform.rest;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.Problem;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of every REST resource into an RFC 9457 problem document: an {@link OpusException} as it
 * is, the JAX-RS runtime's own refusals (unknown path, wrong method, media types) with their stable code, and
 * anything else into a 500 that shows no stack trace but an incident reference that is also in the log.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(OpusRest.PROBLEMS_NAME)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = toProblem(failure);
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (problem.status() == 401) {
            // RFC 9110 §11.6.1: a 401 names the schemes that would be accepted
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"opus\"");
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opus\", charset=\"UTF-8\"");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() == 405) {
            // the runtime holds one Allow value per permitted method: keep them all
            List<Object> allow = web.getResponse().getHeaders().get(HttpHeaders.ALLOW);
            if (allow != null) {
                allow.forEach(method -> response.header(HttpHeaders.ALLOW, method));
            }
        }
        return response.build();
    }

    static Problem toProblem(Throwable failure) {
        OpusException opus = findOpusException(failure);
        if (opus != null) {
            return opus.toProblem();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return runtimeRefusal(web.getResponse().getStatus());
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return Problem.of(500, ProblemCodes.INTERNAL_ERROR,
                "Une erreur interne est survenue. Référence de l'incident à transmettre au support : " + incident + ".",
                null);
    }

    /** The JAX-RS runtime's own refusals (it does not always use the specific exception subclasses). */
    static Problem runtimeRefusal(int status) {
        return switch (status) {
            case 404 -> Problem.of(404, ProblemCodes.NOT_FOUND, "Aucune ressource ne correspond à cette adresse.", null);
            case 405 -> Problem.of(405, ProblemCodes.METHOD_NOT_ALLOWED,
                    "Cette méthode HTTP n'est pas acceptée à cette adresse.", null);
            case 406 -> Problem.of(406, ProblemCodes.NOT_ACCEPTABLE,
                    "Aucun des formats demandés par l'en-tête Accept n'est disponible (JSON proposé).", "Accept");
            case 415 -> Problem.of(415, ProblemCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Le format du corps de la requête n'est pas pris en charge ici (JSON attendu).", "Content-Type");
            case 401 -> Problem.of(401, ProblemCodes.UNAUTHORIZED, "Authentification requise.", null);
            case 403 -> Problem.of(403, ProblemCodes.FORBIDDEN, "Vous n'avez pas accès à cette ressource.", null);
            default -> Problem.of(status, ProblemCodes.INVALID_PARAMETER,
                    "La requête est invalide (" + Problem.titleOf(status).toLowerCase() + ").", null);
        };
    }

    /** The JAX-RS runtime may wrap what a provider threw (e.g. in a BadRequestException): look through causes. */
    private static OpusException findOpusException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OpusException opus) {
                return opus;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
