package fr.opus.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.Problem;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private static final Pattern INCIDENT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ProblemMapper mapper = new ProblemMapper();

    private static OpusException badLimit() {
        return OpusException.invalid("invalid-parameter", "La limite doit être comprise entre 1 et 50.", "limit");
    }

    private static void assertProblem(int status, String code, String field, Problem problem) {
        assertEquals(status, problem.status());
        assertEquals(code, problem.code());
        assertEquals("urn:opus:problem:" + code, problem.type());
        assertEquals(Problem.titleOf(status), problem.title());
        assertEquals(field, problem.field());
        assertFalse(problem.detail() == null || problem.detail().isBlank());
    }

    @Test
    void opusExceptionIsKeptAsItIsWithItsField() {
        Problem problem = ProblemMapper.toProblem(badLimit());
        assertProblem(400, "invalid-parameter", "limit", problem);
        assertEquals("La limite doit être comprise entre 1 et 50.", problem.detail());

        Problem conflict = ProblemMapper.toProblem(OpusException.conflict("already-exists", "Déjà là.", "code"));
        assertProblem(409, "already-exists", "code", conflict);
    }

    @Test
    void opusExceptionWrappedByTheJaxRsRuntimeIsFound() {
        Problem problem = ProblemMapper.toProblem(new BadRequestException(badLimit()));
        assertProblem(400, "invalid-parameter", "limit", problem);
        assertEquals("La limite doit être comprise entre 1 et 50.", problem.detail());
    }

    @Test
    void opusExceptionDeepInTheCauseChainIsFound() {
        OpusException gone = OpusException.notFound("unknown-commune", "Aucune commune n'a le code « 99999 ».");
        Throwable wrapped = new IllegalStateException("outer", new RuntimeException("middle", gone));
        Problem problem = ProblemMapper.toProblem(wrapped);
        assertProblem(404, "unknown-commune", null, problem);
        assertEquals("Aucune commune n'a le code « 99999 ».", problem.detail());
    }

    @Test
    void unknownPathBecomesA404ProblemWithStableCode() {
        assertProblem(404, "not-found", null, ProblemMapper.toProblem(new NotFoundException()));
        // CXF does not always use the specific subclasses
        assertProblem(404, "not-found", null, ProblemMapper.toProblem(new WebApplicationException(404)));
    }

    @Test
    void wrongMethodBecomesA405ProblemWithStableCode() {
        assertProblem(405, "method-not-allowed", null, ProblemMapper.toProblem(new NotAllowedException("GET")));
        assertProblem(405, "method-not-allowed", null, ProblemMapper.toProblem(new WebApplicationException(405)));
    }

    @Test
    void unsupportedBodyMediaTypeBecomesA415ProblemNamingContentType() {
        assertProblem(415, "unsupported-media-type", "Content-Type",
                ProblemMapper.toProblem(new NotSupportedException()));
        assertProblem(415, "unsupported-media-type", "Content-Type",
                ProblemMapper.toProblem(new WebApplicationException(415)));
    }

    @Test
    void unavailableResponseMediaTypeBecomesA406ProblemNamingAccept() {
        assertProblem(406, "not-acceptable", "Accept", ProblemMapper.toProblem(new NotAcceptableException()));
        assertProblem(406, "not-acceptable", "Accept", ProblemMapper.toProblem(new WebApplicationException(406)));
    }

    @Test
    void authenticationAndAuthorisationRefusalsKeepTheirCodes() {
        assertProblem(401, "unauthorized", null,
                ProblemMapper.toProblem(new NotAuthorizedException(Response.status(401).build())));
        assertProblem(403, "forbidden", null, ProblemMapper.toProblem(new ForbiddenException()));
    }

    @Test
    void otherClientRefusalsKeepTheirStatusAsAnInvalidParameter() {
        assertProblem(400, "invalid-parameter", null, ProblemMapper.toProblem(new BadRequestException()));
        assertProblem(413, "invalid-parameter", null, ProblemMapper.toProblem(new WebApplicationException(413)));
    }

    @Test
    void unexpectedFailureIsA500WithAnIncidentReferenceAndNoInternals() {
        RuntimeException boom = new IllegalStateException("jdbc:derby password=hunter2 at table SECRET");
        Problem problem = ProblemMapper.toProblem(boom);
        assertProblem(500, "internal-error", null, problem);
        assertTrue(problem.detail().contains("Référence de l'incident"), problem.detail());
        assertTrue(INCIDENT.matcher(problem.detail()).find(), problem.detail());
        assertFalse(problem.detail().contains("hunter2"), problem.detail());
        assertFalse(problem.detail().contains("IllegalStateException"), problem.detail());
    }

    @Test
    void eachUnexpectedFailureGetsItsOwnIncidentReference() {
        assertNotEquals(incident(ProblemMapper.toProblem(new NullPointerException())),
                incident(ProblemMapper.toProblem(new NullPointerException())));
    }

    @Test
    void serverSideWebApplicationExceptionIsA500WithoutItsMessage() {
        Problem problem = ProblemMapper.toProblem(new InternalServerErrorException("pool exhausted: 10.0.0.7"));
        assertProblem(500, "internal-error", null, problem);
        assertFalse(problem.detail().contains("10.0.0.7"), problem.detail());
    }

    @Test
    void responseIsAProblemJsonDocumentWithTheProblemStatus() {
        Response response = mapper.toResponse(badLimit());
        assertEquals(400, response.getStatus());
        assertEquals(MediaType.valueOf("application/problem+json"), response.getMediaType());
        Problem problem = (Problem) response.getEntity();
        assertEquals("limit", problem.field());

        Response crash = mapper.toResponse(new RuntimeException("boom"));
        assertEquals(500, crash.getStatus());
        assertEquals("application/problem+json", crash.getMediaType().toString());
        assertEquals("internal-error", ((Problem) crash.getEntity()).code());
    }

    @Test
    void methodNotAllowedResponseKeepsTheAllowHeader() {
        Response response = mapper.toResponse(new NotAllowedException("GET"));
        assertEquals(405, response.getStatus());
        assertEquals("GET", String.valueOf(response.getHeaders().getFirst(HttpHeaders.ALLOW)));
        assertEquals("method-not-allowed", ((Problem) response.getEntity()).code());
    }

    @Test
    void methodNotAllowedResponseListsEveryAllowedMethod() {
        NotAllowedException refusal = new NotAllowedException("GET", new String[] {"POST", "HEAD"});
        assertEquals(Set.of("GET", "POST", "HEAD"), methods(refusal.getResponse()), "what the runtime refused with");
        Response response = mapper.toResponse(refusal);
        assertEquals(Set.of("GET", "POST", "HEAD"), methods(response));
    }

    @Test
    void otherResponsesHaveNoAllowHeader() {
        assertNull(mapper.toResponse(new NotFoundException()).getHeaders().getFirst(HttpHeaders.ALLOW));
    }

    @Test
    void mapperHandsBackTheSameProblemAsToProblem() {
        OpusException failure = badLimit();
        assertEquals(ProblemMapper.toProblem(failure), mapper.toResponse(failure).getEntity());
    }

    private static Set<String> methods(Response response) {
        return response.getHeaders().getOrDefault(HttpHeaders.ALLOW, java.util.List.of()).stream()
                .flatMap(v -> Arrays.stream(String.valueOf(v).split(",")))
                .map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String incident(Problem problem) {
        Matcher m = INCIDENT.matcher(problem.detail());
        assertTrue(m.find(), problem.detail());
        return m.group();
    }
}
