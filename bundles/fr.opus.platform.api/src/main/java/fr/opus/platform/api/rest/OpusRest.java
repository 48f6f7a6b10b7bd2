package fr.opus.platform.api.rest;

/**
 * How a capability's JAX-RS resource joins the platform. Resources are DS components served by the JAX-RS
 * whiteboard at the server root; each one selects the two platform extensions so that it is only served once
 * JSON, problem documents and authentication work, and states who may call each method:
 *
 * <pre>
 * &#64;Component(service = ThingResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
 * &#64;Path("/api/v1/things")
 * &#64;Permit(Role.COUNSELLOR)
 * </pre>
 */
public final class OpusRest {

    /** Name of the platform's single JSON provider extension. */
    public static final String JSON_NAME = "opus.json";
    /** Name of the platform's exception mapper, which turns every error into a problem document. */
    public static final String PROBLEMS_NAME = "opus.problems";

    /** Name of the platform's authentication filter, present only while an Authenticator is. */
    public static final String AUTH_NAME = "opus.auth";

    /** Extension filter requiring the JSON provider. */
    public static final String JSON = "(osgi.jaxrs.name=" + JSON_NAME + ")";
    /** Extension filter requiring the problem mapper. */
    public static final String PROBLEMS = "(osgi.jaxrs.name=" + PROBLEMS_NAME + ")";

    /** Extension filter requiring the authentication filter: a resource is not served without it. */
    public static final String AUTH = "(osgi.jaxrs.name=" + AUTH_NAME + ")";

    /** Root of Opus's own REST API. France Travail-compatible paths live beside it, under {@code /partenaire}. */
    public static final String API_V1 = "/api/v1";

    /**
     * Bundle header naming a bundle's OpenAPI 3 fragment ({@code Opus-OpenAPI: OSGI-INF/openapi/referentials.json}).
     * The platform merges the fragments of every active bundle into {@code /openapi.json}, so a module's paths
     * appear and vanish with it.
     */
    public static final String OPENAPI_HEADER = "Opus-OpenAPI";

    private OpusRest() {
    }
}
