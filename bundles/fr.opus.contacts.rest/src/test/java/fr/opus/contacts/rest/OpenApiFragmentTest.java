package fr.opus.contacts.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.platform.api.Problem;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.FormParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI fragment is the contract: it documents exactly the operations the resources serve, with the
 * parameters and bodies they read, the roles their {@code @Permit} lets in, schemas whose properties are those
 * Jackson writes for the records, the problem codes the contacts services really answer with, and the referral
 * state machine and act rules as the code applies them.
 */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {JobSeekerResource.class, ReferralResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("JobSeekerDraft", JobSeekerDraft.class),
            Map.entry("JobSeeker", JobSeeker.class),
            Map.entry("JobSeekerFile", JobSeekerFile.class),
            Map.entry("NewReferral", ReferralResource.NewReferral.class),
            Map.entry("ReferralTransition", ReferralResource.Transition.class),
            Map.entry("Referral", Referral.class),
            Map.entry("ReferralEvent", ReferralEvent.class),
            Map.entry("RejectionReason", ReferralResource.Reason.class));

    /** What the methods returning a {@link Response} put in it: 201 Created with this entity and a Location. */
    private static final Map<Operation, Class<? extends Record>> CREATED = Map.of(
            new Operation("POST", "/api/v1/job-seekers"), JobSeeker.class,
            new Operation("POST", "/api/v1/referrals"), Referral.class);

    /** The free text of each body that ContactsManager screens for DOMAIN §9 (422 forbidden-personal-data). */
    private static final Map<Class<? extends Record>, String> SCREENED = Map.of(
            JobSeekerDraft.class, "note",
            ReferralResource.NewReferral.class, "comment",
            ReferralResource.Transition.class, "comment");

    /** {@code OfferProblemCodes.OFFER_NOT_FOUND}: thrown by ContactsManager; offers.api is no dependency of ours. */
    private static final String OFFER_NOT_FOUND = "offer-not-found";

    /**
     * Each problem code these operations answer with and its HTTP status, as ContactsManager, the resources, the
     * JSON provider, SensitiveText and the platform's Guard and authenticator throw them. Every code here is
     * documented, and every documented code is documented under its status.
     */
    private static final Map<String, Set<Integer>> STATUSES = Map.ofEntries(
            Map.entry(ProblemCodes.INVALID_PARAMETER, Set.of(400)),
            Map.entry(ProblemCodes.MALFORMED_BODY, Set.of(400)),
            Map.entry(ContactProblemCodes.INVALID_JOB_SEEKER, Set.of(400, 409)), // 409: duplicate FT identifier
            Map.entry(SecurityProblemCodes.UNAUTHORIZED, Set.of(401)),
            Map.entry(SecurityProblemCodes.INVALID_TOKEN, Set.of(401)),
            Map.entry(SecurityProblemCodes.ACCOUNT_LOCKED, Set.of(401)),
            Map.entry(SecurityProblemCodes.CONVENTION_NOT_IN_FORCE, Set.of(401)),
            Map.entry(SecurityProblemCodes.FORBIDDEN, Set.of(403)),
            Map.entry(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION, Set.of(403)),
            Map.entry(ContactProblemCodes.JOB_SEEKER_NOT_FOUND, Set.of(404)),
            Map.entry(ContactProblemCodes.REFERRAL_NOT_FOUND, Set.of(404)),
            Map.entry(OFFER_NOT_FOUND, Set.of(404)),
            Map.entry(ContactProblemCodes.ACT_NOT_ALLOWED, Set.of(409)),
            Map.entry(ContactProblemCodes.INVALID_TRANSITION, Set.of(409)),
            Map.entry(ContactProblemCodes.DUPLICATE_REFERRAL, Set.of(409)),
            Map.entry(ProblemCodes.FORBIDDEN_PERSONAL_DATA, Set.of(422)));

    /** Provided by the platform's merged document (fr.opus.platform.rest OpenApiResource), not by the fragment. */
    private static final String PLATFORM_PROBLEM = "#/components/schemas/Problem";

    private static final List<Map<String, Object>> SECURED = List.of(Map.of("bearerAuth", List.of()),
            Map.of("basicAuth", List.of()));

    /** "Codes : a, b." or "Code : a." closing an error response's description. */
    private static final Pattern CODES = Pattern.compile("Codes? : ([a-z0-9-]+(?:, [a-z0-9-]+)*)\\.$");

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static final Map<String, Object> FRAGMENT = OpenApiContract.fragment("/OSGI-INF/openapi/contacts.json");
    private static final Map<Operation, Method> SERVED = OpenApiContract.served(RESOURCES);
    private static final Map<Operation, Map<String, Object>> DOCUMENTED = OpenApiContract.documented(FRAGMENT);

    /** The served operations that are documented: the first test reports the others, the rest look at these. */
    private static Map<Operation, Method> servedAndDocumented() {
        return OpenApiContract.servedAndDocumented(SERVED, DOCUMENTED);
    }

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        OpenApiContract.assertServedAsDocumented(SERVED, DOCUMENTED, RESOURCES);
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsReadWithTheirTypes() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Set<String> template = OpenApiContract.templateParameters(operation.path());
            assertEquals(template, OpenApiContract.parameterNames(method, PathParam.class), operation + " (Java)");
            assertEquals(template, OpenApiContract.documentedParameters(FRAGMENT, operation, "path"),
                    operation + " (path parameters)");
            assertEquals(OpenApiContract.parameterNames(method, QueryParam.class),
                    OpenApiContract.documentedParameters(FRAGMENT, operation, "query"),
                    operation + " (query parameters)");
            for (Parameter parameter : method.getParameters()) {
                PathParam path = parameter.getAnnotation(PathParam.class);
                QueryParam query = parameter.getAnnotation(QueryParam.class);
                if (path != null || query != null) {
                    String name = path != null ? path.value() : query.value();
                    Object schema = at(documentedParameter(operation, path != null ? "path" : "query", name),
                            "schema");
                    OpenApiContract.assertSchemaIs(RECORDS, schema, parameter.getParameterizedType(),
                            operation + " parameter " + name);
                }
            }
        }
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Object body = DOCUMENTED.get(operation).get("requestBody");
            assertEquals(Set.of(), OpenApiContract.parameterNames(method, FormParam.class),
                    operation + ": no form here, the JSON bodies are checked below");
            Parameter entity = OpenApiContract.entityParameter(method);
            if (entity == null) {
                assertNull(body, operation + " reads no body");
                continue;
            }
            assertEquals(Set.of("application/json"), names(at(body, "content")), operation + " (body)");
            assertEquals(Boolean.TRUE, at(body, "required"), operation + ": the method refuses a missing body");
            String schema = (String) at(body, "content", "application/json", "schema", "$ref");
            assertNotNull(schema, operation + ": the body names a schema");
            assertEquals(entity.getType(), RECORDS.get(OpenApiContract.schemaName(schema)),
                    operation + " (body schema)");
            assertTrue(at(FRAGMENT, "components", "schemas", OpenApiContract.schemaName(schema),
                    "additionalProperties") == Boolean.FALSE,
                    operation + ": Jackson refuses unknown properties, the schema says so");
            assertTrue(codes(operation, "400").contains(ProblemCodes.MALFORMED_BODY),
                    operation + ": a JSON body may be malformed (400 malformed-body)");
            String screened = SCREENED.get(entity.getType());
            if (screened != null) {
                assertTrue(codes(operation, "422").contains(ProblemCodes.FORBIDDEN_PERSONAL_DATA),
                        operation + ": " + screened + " is screened for DOMAIN §9 (422 forbidden-personal-data)");
                assertEquals(screened, at(DOCUMENTED.get(operation), "responses", "422", "content",
                        "application/problem+json", "example", "field"), operation + " 422 names the field");
            } else {
                assertNull(at(DOCUMENTED.get(operation), "responses", "422"), operation + " screens no text");
            }
        }
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Map<String, Object> responses = object(DOCUMENTED.get(operation).get("responses"), operation.toString());
            Set<String> success = names(responses).stream().filter(s -> s.startsWith("2")).collect(Collectors.toSet());
            assertEquals(1, success.size(), operation + " has one success answer: " + success);
            if (method.getReturnType() == Response.class) {
                Class<? extends Record> created = CREATED.get(operation);
                assertNotNull(created, operation + " builds its Response: say what it holds in CREATED");
                Object schema = at(responses, "201", "content", "application/json", "schema");
                assertNotNull(schema, operation + " answers 201 with JSON");
                OpenApiContract.assertSchemaIs(RECORDS, schema, created, operation.toString());
                assertNotNull(at(responses, "201", "headers", HttpHeaders.LOCATION), operation + " gives a Location");
                continue;
            }
            Object schema = at(responses, "200", "content", "application/json", "schema");
            assertNotNull(schema, operation + " answers 200 with JSON");
            OpenApiContract.assertSchemaIs(RECORDS, schema, method.getGenericReturnType(), operation.toString());
        }
        assertTrue(SERVED.keySet().containsAll(CREATED.keySet()), "CREATED names served operations");
    }

    @Test
    void creationsAnswer201WithTheRecordAndItsLocation() {
        Caller counsellor = new Caller("a-1", "cmartin", Role.COUNSELLOR, "p-1", "c-1", "84",
                Set.of("consultation-offres"), Set.of(), null);
        SecurityContext security = new CallerContext(counsellor);

        Response jobSeeker = new JobSeekerResource(new FakeJobSeekers()).create(security,
                new JobSeekerDraft("Camille", "Dupont", null, "camille@exemple.fr", null, null, Channel.EMAIL, null));
        assertCreated(new Operation("POST", "/api/v1/job-seekers"), jobSeeker, "/api/v1/job-seekers/js-1");

        Response referral = new ReferralResource(new FakeReferrals()).create(security,
                new ReferralResource.NewReferral("201WLXK", "js-1", ReferralKind.CONTACT, true, null));
        assertCreated(new Operation("POST", "/api/v1/referrals"), referral, "/api/v1/referrals/r-1");
    }

    @Test
    void accessIsDocumentedAsTheResourcesApplyIt() {
        Set<String> schemes = names(at(FRAGMENT, "components", "securitySchemes"));
        assertEquals(Set.of("bearerAuth", "basicAuth"), schemes);
        assertEquals("bearer", at(FRAGMENT, "components", "securitySchemes", "bearerAuth", "scheme"));
        assertEquals("basic", at(FRAGMENT, "components", "securitySchemes", "basicAuth", "scheme"));
        for (Map.Entry<Operation, Method> served : servedAndDocumented().entrySet()) {
            Operation operation = served.getKey();
            Method method = served.getValue();
            Map<String, Object> documented = DOCUMENTED.get(operation);
            String description = (String) documented.get("description");
            Set<Role> allowed = OpenApiContract.allowedRoles(method);
            assertNotNull(allowed, operation + ": no contacts operation is public");
            assertFalse(allowed.isEmpty(), operation + " is open to no role at all");
            assertEquals(SECURED, documented.get("security"), operation + " needs Bearer or Basic");
            assertEquals(allowed, OpenApiContract.describedRoles(description), operation + " (roles)");
            assertNotNull(at(documented, "responses", "401"), operation + " answers 401 without credentials");
            assertTrue(codes(operation, "403").contains(SecurityProblemCodes.FORBIDDEN),
                    operation + " answers 403 forbidden to other roles");
            Permit permit = method.getAnnotation(Permit.class) != null ? method.getAnnotation(Permit.class)
                    : method.getDeclaringClass().getAnnotation(Permit.class);
            if (!permit.service().isEmpty()) {
                assertTrue(description.contains("« " + permit.service() + " »"),
                        operation + " says its convention service " + permit.service());
                assertTrue(codes(operation, "403").contains(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION),
                        operation + " answers 403 service-not-in-convention");
            }
            assertTrue(permit.scope().isEmpty(), operation + ": document the OAuth2 scope, then relax this");
        }
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        Map<String, Object> schemas = object(at(FRAGMENT, "components", "schemas"), "schemas");
        assertEquals(new TreeSet<>(RECORDS.keySet()), names(schemas),
                "every schema is checked here, against its record");
        RECORDS.forEach((name, record) -> {
            Map<String, Object> schema = object(schemas.get(name), name);
            Map<String, Object> properties = object(schema.get("properties"), name + " properties");
            Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, names(properties), name + " against " + record.getName());
            assertTrue(components.containsAll(required(schema)), name + " requires what it has");
            for (RecordComponent component : record.getRecordComponents()) {
                String where = name + "." + component.getName();
                Object property = properties.get(component.getName());
                OpenApiContract.assertSchemaIs(RECORDS, property, component.getGenericType(), where);
                if (component.getType().isEnum()) {
                    // no narrower lists here: every constant may be read or written
                    assertEquals(Arrays.stream(component.getType().getEnumConstants()).map(String::valueOf).toList(),
                            at(property, "enum"), where + " lists every constant, in order");
                }
                if (component.getType().isPrimitive()) {
                    assertTrue(required(schema).contains(component.getName()), where + " is always written");
                }
            }
        });
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        Set<String> schemas = names(at(FRAGMENT, "components", "schemas"));
        for (String ref : OpenApiContract.references(FRAGMENT)) {
            assertTrue(ref.equals(PLATFORM_PROBLEM) || schemas.contains(OpenApiContract.schemaName(ref)),
                    "unresolved " + ref);
        }
        Set<String> tags = list(FRAGMENT.get("tags"), "tags").stream().map(t -> (String) object(t, "tag").get("name"))
                .collect(Collectors.toSet());
        Set<String> operationIds = new HashSet<>();
        Set<String> usedTags = new HashSet<>();
        DOCUMENTED.forEach((operation, documented) -> {
            assertTrue(operationIds.add((String) documented.get("operationId")), operation + ": operationId unique");
            List<Object> own = list(documented.get("tags"), operation + " tags");
            assertTrue(tags.containsAll(own), operation + " uses declared tags");
            own.forEach(t -> usedTags.add((String) t));
            object(documented.get("responses"), operation.toString()).forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertEquals(Set.of(Problem.MEDIA_TYPE), names(at(response, "content")),
                            operation + " " + status + " is a problem document");
                    assertEquals(PLATFORM_PROBLEM, at(response, "content", Problem.MEDIA_TYPE, "schema", "$ref"),
                            operation + " " + status + " is a problem document");
                }
            });
        });
        assertEquals(tags, usedTags, "every declared tag is used");
    }

    @Test
    void problemCodesAreTheRealOnesUnderTheirStatusAndExamplesAgree() {
        Set<String> known = new TreeSet<>(codeConstants(ProblemCodes.class, SecurityProblemCodes.class,
                ContactProblemCodes.class));
        known.add(OFFER_NOT_FOUND);
        assertTrue(known.containsAll(STATUSES.keySet()), "STATUSES holds published codes only");
        Set<String> documentedCodes = new TreeSet<>();
        DOCUMENTED.forEach((operation, documented) -> object(documented.get("responses"), operation.toString())
                .forEach((status, response) -> {
                    if (!status.startsWith("4") && !status.startsWith("5")) {
                        return;
                    }
                    String where = operation + " " + status;
                    Set<String> codes = codes(operation, status);
                    assertFalse(codes.isEmpty(), where + ": the description ends with « Code(s) : … . »");
                    assertTrue(String.valueOf(at(response, "description")).startsWith("Erreur (RFC 9457) : "),
                            where + ": the description starts as the house style has it");
                    for (String code : codes) {
                        assertTrue(known.contains(code), where + ": " + code + " is no published problem code");
                        assertTrue(STATUSES.getOrDefault(code, Set.of()).contains(Integer.valueOf(status)),
                                where + ": " + code + " is not answered with " + status + " (see STATUSES)");
                    }
                    documentedCodes.addAll(codes);
                    Object example = at(response, "content", Problem.MEDIA_TYPE, "example");
                    if (example != null) {
                        String code = (String) at(example, "code");
                        int number = ((BigDecimal) at(example, "status")).intValueExact();
                        assertTrue(codes.contains(code), where + ": the example's code is listed");
                        assertEquals(Problem.of(number, code, "-", null).type(), at(example, "type"), where);
                        assertEquals(Integer.parseInt(status), number, where + ": the example's status");
                        assertEquals(Problem.titleOf(number), at(example, "title"), where + ": the example's title");
                        assertNotNull(at(example, "detail"), where + ": the example has a detail");
                    }
                }));
        assertEquals(new TreeSet<>(STATUSES.keySet()), documentedCodes,
                "every code these operations answer with is documented, and nothing else");
    }

    @Test
    void theTransitionsOperationDescribesTheStateMachineAsTheCodeHasIt() {
        String description = (String) DOCUMENTED.get(new Operation("POST", "/api/v1/referrals/{id}/transitions"))
                .get("description");
        Pattern move = Pattern.compile("^- ([A-Z_]+) \\(([^)]+)\\) → ([A-Z_]+(?:, [A-Z_]+)*)(?: : .+)?$");
        Pattern state = Pattern.compile("([A-Z_]+) \\(([^)]+)\\)");
        Set<ReferralState> described = EnumSet.noneOf(ReferralState.class);
        for (String line : description.split("\n")) {
            Matcher m = move.matcher(line);
            if (m.matches()) {
                ReferralState from = ReferralState.valueOf(m.group(1));
                assertTrue(described.add(from), from + " is described once");
                assertEquals(from.label(), m.group(2), from + " label");
                assertEquals(from.next(), Arrays.stream(m.group(3).split(", ")).map(ReferralState::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralState.class))), from + " → ");
            } else if (line.startsWith("- ") && line.endsWith(" sont définitifs.")) {
                Matcher s = state.matcher(line);
                while (s.find()) {
                    ReferralState last = ReferralState.valueOf(s.group(1));
                    assertTrue(described.add(last), last + " is described once");
                    assertEquals(last.label(), s.group(2), last + " label");
                    assertTrue(last.next().isEmpty(), last + " is final");
                }
            }
        }
        assertEquals(EnumSet.allOf(ReferralState.class), described, "every state is in the description");
        Matcher open = Pattern.compile("en cours tant que l'employeur peut encore agir : ([A-Z_]+(?:, [A-Z_]+)*)\\.")
                .matcher(description);
        assertTrue(open.find(), "the description says which states are open");
        assertEquals(Arrays.stream(ReferralState.values()).filter(ReferralState::open).collect(Collectors.toSet()),
                Arrays.stream(open.group(1).split(", ")).map(ReferralState::valueOf).collect(Collectors.toSet()),
                "open states");
        assertTrue(description.contains("obligatoire pour NOT_RETAINED"), "the reason rule");
    }

    @Test
    void theCreationOfAReferralDescribesEveryKindOfAct() {
        String description = (String) DOCUMENTED.get(new Operation("POST", "/api/v1/referrals")).get("description");
        for (ReferralKind kind : ReferralKind.values()) {
            String line = "\n- " + kind.name() + " (" + kind.label() + ") : ";
            assertEquals(1, (description.length() - description.replace(line, "").length()) / line.length(),
                    kind + " has one rule line « - " + kind + " (" + kind.label() + ") : … »");
        }
        assertTrue(description.contains("« delegation-mer »"), "the mise en relation needs delegation-mer");
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        assertTrue(SERVED.containsKey(new Operation("GET", "/api/v1/referrals/reasons")));
        assertTrue(SERVED.containsKey(new Operation("GET", "/api/v1/referrals/{id}")));
        assertTrue(SERVED.containsKey(new Operation("POST", "/api/v1/referrals/{id}/transitions")));
        assertTrue(SERVED.containsKey(new Operation("GET", "/api/v1/job-seekers/{id}/file")));
        assertEquals(10, SERVED.size(), "the operations of JobSeekerResource and ReferralResource: " + SERVED.keySet());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The codes an error response's description lists at its end; empty when it lists none or is absent. */
    private static Set<String> codes(Operation operation, String status) {
        Object description = at(DOCUMENTED.get(operation), "responses", status, "description");
        if (description == null) {
            return Set.of();
        }
        Matcher codes = CODES.matcher((String) description);
        return codes.find() ? new TreeSet<>(List.of(codes.group(1).split(", "))) : Set.of();
    }

    /** A documented parameter, declared on the operation or on its path item. */
    private static Map<String, Object> documentedParameter(Operation operation, String in, String name) {
        List<Object> all = new ArrayList<>();
        all.addAll(list(at(FRAGMENT, "paths", operation.path(), "parameters") == null ? List.of()
                : at(FRAGMENT, "paths", operation.path(), "parameters"), "parameters"));
        all.addAll(list(DOCUMENTED.get(operation).getOrDefault("parameters", List.of()), "parameters"));
        return all.stream().map(p -> object(p, "parameter"))
                .filter(p -> in.equals(p.get("in")) && name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(operation + " documents no " + in + " parameter " + name));
    }

    private static Set<String> codeConstants(Class<?>... holders) {
        return Stream.of(holders).flatMap(h -> Arrays.stream(h.getFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(OpenApiFragmentTest::value).collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCreated(Operation operation, Response response, String location) {
        Map<String, Object> responses = object(DOCUMENTED.get(operation).get("responses"), operation.toString());
        Set<String> success = names(responses).stream().filter(s -> s.startsWith("2")).collect(Collectors.toSet());
        assertEquals(Set.of(String.valueOf(response.getStatus())), success, operation + " (status)");
        String schema = (String) at(responses, String.valueOf(response.getStatus()), "content", "application/json",
                "schema", "$ref");
        assertEquals(RECORDS.get(OpenApiContract.schemaName(schema)), response.getEntity().getClass(),
                operation + " (entity)");
        assertEquals(CREATED.get(operation), response.getEntity().getClass(), operation + " (CREATED)");
        assertEquals(location, String.valueOf(response.getLocation()), operation + " (Location)");
    }

    /** The request's security context as AuthFilter sets it. */
    private record CallerContext(Caller caller) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }

    /** Creates what it is given, as js-1; nothing else is called here. */
    private static final class FakeJobSeekers implements JobSeekers {

        @Override
        public JobSeeker create(Caller by, JobSeekerDraft d) {
            return new JobSeeker("js-1", by.partnerId(), d.firstName(), d.lastName(), d.ftIdentifier(), d.email(),
                    d.phone(), d.postalAddress(), d.channel(), d.note(), NOW, by.login(), NOW);
        }

        @Override
        public JobSeeker update(Caller by, String jobSeekerId, JobSeekerDraft draft) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JobSeeker get(Caller by, String jobSeekerId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<JobSeeker> find(Caller by, String text, int limit) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public JobSeekerFile file(Caller by, String jobSeekerId) {
            throw new AssertionError("not called in this test");
        }
    }

    /** Records what it is given, as r-1; nothing else is called here. */
    private static final class FakeReferrals implements Referrals {

        @Override
        public Referral create(Caller by, String offerId, String jobSeekerId, ReferralKind kind, boolean send,
                String comment) {
            ReferralState state = send ? ReferralState.SENT : ReferralState.PROPOSED;
            return new Referral("r-1", kind, offerId, jobSeekerId, by.partnerId(), by.id(), state, null, NOW, NOW,
                    List.of(new ReferralEvent(NOW, by.login(), null, state, null, comment)));
        }

        @Override
        public Referral move(Caller by, String referralId, ReferralState to, RejectionReason reason, String comment) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public Referral referral(Caller by, String referralId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<Referral> onOffer(Caller by, String offerId) {
            throw new AssertionError("not called in this test");
        }
    }
}
