package fr.opus.platform.rest.openapi;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.check;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static fr.opus.platform.rest.openapi.OpenApiContract.same;

import fr.opus.platform.api.Problem;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

/**
 * One REST bundle's OpenAPI fragment held against the resources that serve it and the records its schemas stand for:
 * the checks every bundle's {@code OpenApiFragmentTest} makes, written once with {@link OpenApiContract}. The test
 * keeps what is its bundle's own (resources, records, problem codes and their statuses, screened fields, what a method
 * building its {@link Response} puts in it) and hands it to these methods. Like {@link OpenApiContract}, it needs no
 * JUnit: a mismatch is an {@link AssertionError} naming the operation, or the schema, at fault.
 *
 * <p>The house rules these checks hold a fragment to: an error answer is an RFC 9457 problem document
 * ({@link #PLATFORM_PROBLEM}) whose description starts with « Erreur (RFC 9457) : » and ends with the codes it may
 * carry, « Code : a. » or « Codes : a, b. »; a secured operation takes a Bearer token or Basic credentials
 * ({@link #SECURED}) and names its roles on a line « Rôle(s) : … . »; a JSON body is a record that Jackson reads
 * strictly, so that its schema allows no other property.
 */
public final class FragmentContract {

    /** The problem document's schema: in the platform's merged document (OpenApiResource), not in a fragment. */
    public static final String PLATFORM_PROBLEM = "#/components/schemas/Problem";

    /** The {@code security} of a secured operation: a Bearer token or Basic credentials. */
    public static final List<Map<String, Object>> SECURED = List.of(Map.of("bearerAuth", List.of()),
            Map.of("basicAuth", List.of()));

    /** "Codes : a, b." or "Code : a." closing an error response's description. */
    private static final Pattern CODES = Pattern.compile("Codes? : ([a-z0-9-]+(?:, [a-z0-9-]+)*)\\.$");

    private static final String JSON = "application/json";

    private final Map<String, Object> fragment;
    private final Map<String, ? extends Class<? extends Record>> records;
    private final Class<?>[] resources;
    private final Map<Operation, Method> served;
    private final Map<Operation, Map<String, Object>> documented;

    private FragmentContract(Map<String, Object> fragment, Map<String, ? extends Class<? extends Record>> records,
            Class<?>... resources) {
        this.fragment = fragment;
        this.records = Collections.unmodifiableMap(new TreeMap<>(records));
        this.resources = resources.clone();
        this.served = OpenApiContract.served(resources);
        this.documented = OpenApiContract.documented(fragment);
    }

    /**
     * A bundle's contract.
     *
     * @param resource the fragment on the test class path, e.g. {@code /OSGI-INF/openapi/accounts.json}
     * @param records each documented schema that stands for a record, and the record Jackson reads or writes for it
     * @param resources the root resource classes serving what the fragment documents
     */
    public static FragmentContract of(String resource, Map<String, ? extends Class<? extends Record>> records,
            Class<?>... resources) {
        return of(OpenApiContract.fragment(resource), records, resources);
    }

    /** A contract on a fragment already read: for this package's own tests, which alter one to see a check fail. */
    static FragmentContract of(Map<String, Object> fragment, Map<String, ? extends Class<? extends Record>> records,
            Class<?>... resources) {
        return new FragmentContract(fragment, records, resources);
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** The fragment, read as plain maps and lists. */
    public Map<String, Object> fragment() {
        return fragment;
    }

    /** Every operation the resources serve, with the Java method serving it, sorted. */
    public Map<Operation, Method> served() {
        return served;
    }

    /** Every operation the fragment documents, with its OpenAPI operation object, sorted. */
    public Map<Operation, Map<String, Object>> documented() {
        return documented;
    }

    /** The OpenAPI operation object of a documented operation. */
    public Map<String, Object> documented(Operation operation) {
        return object(documented.get(operation), operation + " (documented)");
    }

    /**
     * The served operations that are also documented, with their methods, sorted: {@link #assertServedAsDocumented}
     * reports the others, the other checks look at these.
     */
    public Map<Operation, Method> servedAndDocumented() {
        return OpenApiContract.servedAndDocumented(served, documented);
    }

    /** The fragment's {@code components/schemas}. */
    public Map<String, Object> schemas() {
        return object(at(fragment, "components", "schemas"), "schemas");
    }

    /**
     * The codes an error response's description lists at its end (« Code : a. », « Codes : a, b. »); empty when it
     * lists none or the operation documents no such response.
     */
    public Set<String> codes(Operation operation, String status) {
        Object description = at(documented.get(operation), "responses", status, "description");
        if (description == null) {
            return Set.of();
        }
        Matcher codes = CODES.matcher((String) description);
        return codes.find() ? new TreeSet<>(List.of(codes.group(1).split(", "))) : Set.of();
    }

    /** The values of the public static {@code String} constants of problem-code holders ({@code ProblemCodes}…). */
    public static Set<String> publishedCodes(Class<?>... holders) {
        return Stream.of(holders).flatMap(h -> Arrays.stream(h.getFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(FragmentContract::value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    // -------------------------------------------------------------------------------------------- operations

    /**
     * Fails unless every served operation is documented and every documented one served, and unless the reflection
     * saw operations on each resource class.
     */
    public void assertServedAsDocumented() {
        OpenApiContract.assertServedAsDocumented(served, documented, resources);
    }

    // -------------------------------------------------------------------------------------------- parameters

    /**
     * Checks that each operation's path template, the {@code @PathParam}s its method reads and the path parameters it
     * documents name the same parameters, and that it documents as query parameters the {@code @QueryParam}s read.
     */
    public void assertPathAndQueryParametersAreRead() {
        servedAndDocumented().forEach(this::assertPathAndQueryParametersAreRead);
    }

    /** Checks that each operation documents as header parameters exactly the {@code @HeaderParam}s its method reads. */
    public void assertHeaderParametersAreRead() {
        servedAndDocumented().forEach(this::assertHeaderParametersAreRead);
    }

    /**
     * Checks that each path, query and header parameter the methods read is documented with the schema of its Java
     * type, by {@link OpenApiContract#assertSchemaIs}.
     */
    public void assertParameterTypes() {
        servedAndDocumented().forEach(this::assertParameterTypes);
    }

    private void assertPathAndQueryParametersAreRead(Operation operation, Method method) {
        Set<String> template = OpenApiContract.templateParameters(operation.path());
        same(template, OpenApiContract.parameterNames(method, PathParam.class), operation + " (Java)");
        same(template, OpenApiContract.documentedParameters(fragment, operation, "path"),
                operation + " (path parameters)");
        same(OpenApiContract.parameterNames(method, QueryParam.class),
                OpenApiContract.documentedParameters(fragment, operation, "query"), operation + " (query parameters)");
    }

    private void assertHeaderParametersAreRead(Operation operation, Method method) {
        same(OpenApiContract.parameterNames(method, HeaderParam.class),
                OpenApiContract.documentedParameters(fragment, operation, "header"),
                operation + " (header parameters)");
    }

    private void assertParameterTypes(Operation operation, Method method) {
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            HeaderParam header = parameter.getAnnotation(HeaderParam.class);
            String in = path != null ? "path" : query != null ? "query" : header != null ? "header" : null;
            if (in != null) {
                String name = path != null ? path.value() : query != null ? query.value() : header.value();
                Object schema = at(documentedParameter(operation, in, name), "schema");
                OpenApiContract.assertSchemaIs(records, schema, parameter.getParameterizedType(),
                        operation + " parameter " + name);
            }
        }
    }

    /** A documented parameter, declared on the operation or on its path item. */
    private Map<String, Object> documentedParameter(Operation operation, String in, String name) {
        List<Object> all = new ArrayList<>();
        Object shared = at(fragment, "paths", operation.path(), "parameters");
        all.addAll(list(shared == null ? List.of() : shared, "parameters"));
        all.addAll(list(documented(operation).getOrDefault("parameters", List.of()), "parameters"));
        return all.stream().map(p -> object(p, "parameter"))
                .filter(p -> in.equals(p.get("in")) && name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(operation + " documents no " + in + " parameter " + name));
    }

    // ------------------------------------------------------------------------------------------------ bodies

    /**
     * Checks each operation's request body in a bundle whose methods read JSON only (no form): none documented, nor
     * any 422, where the method reads no entity; else a required {@link #assertJsonBody JSON body}, with a 422
     * forbidden-personal-data naming the field in its example exactly where the record holds a screened text.
     *
     * @param screened the free-text component of each record that the services screen for personal data
     *     (DOMAIN §9); empty where they screen none
     */
    public void assertJsonRequestBodies(Map<? extends Class<?>, String> screened) {
        servedAndDocumented().forEach((operation, method) -> assertJsonRequestBody(operation, method, screened));
    }

    private void assertJsonRequestBody(Operation operation, Method method, Map<? extends Class<?>, String> screened) {
        Map<String, Object> op = documented(operation);
        Object body = op.get("requestBody");
        same(Set.of(), OpenApiContract.parameterNames(method, FormParam.class),
                operation + ": no form, this bundle reads JSON bodies only");
        Parameter entity = OpenApiContract.entityParameter(method);
        if (entity == null) {
            check(body == null, operation + " reads no body");
            check(at(op, "responses", "422") == null, operation + " screens no text");
            return;
        }
        same(Boolean.TRUE, at(body, "required"), operation + ": the method refuses a missing body");
        assertJsonBody(operation, entity);
        String field = screened.get(entity.getType());
        if (field != null) {
            check(codes(operation, "422").contains(ProblemCodes.FORBIDDEN_PERSONAL_DATA),
                    operation + ": " + field + " is screened for DOMAIN §9 (422 forbidden-personal-data)");
            same(field, at(op, "responses", "422", "content", Problem.MEDIA_TYPE, "example", "field"),
                    operation + " 422 names the field");
        } else {
            check(at(op, "responses", "422") == null, operation + " screens no text");
        }
    }

    /**
     * Checks a JSON request body: JSON only, naming by reference the schema of the record the method reads, a schema
     * that allows no other property (Jackson refuses unknown ones), and a 400 that lists malformed-body.
     */
    public void assertJsonBody(Operation operation, Parameter entity) {
        Object body = documented(operation).get("requestBody");
        same(Set.of(JSON), names(at(body, "content")), operation + " (body)");
        String schema = (String) at(body, "content", JSON, "schema", "$ref");
        check(schema != null, operation + ": the body names a schema");
        String name = OpenApiContract.schemaName(schema);
        same(entity.getType(), records.get(name), operation + " (body schema)");
        check(at(schemas(), name, "additionalProperties") == Boolean.FALSE,
                operation + ": Jackson refuses unknown properties, the schema says so");
        check(codes(operation, "400").contains(ProblemCodes.MALFORMED_BODY),
                operation + ": a JSON body may be malformed (400 malformed-body)");
    }

    // ----------------------------------------------------------------------------------------------- answers

    /**
     * Checks that each operation documents one success answer and, unless its method builds a {@link Response}, that
     * it is the one JAX-RS makes of what the method returns: 204 without content for {@code void}, else 200 with the
     * JSON schema of the returned type.
     *
     * @param built checks an operation whose method builds its Response, with what the caller knows the method puts
     *     in it ({@link #assertBuiltAnswer}…)
     */
    public void assertSuccessAnswers(BiConsumer<Operation, Method> built) {
        servedAndDocumented().forEach((operation, method) -> {
            assertSuccessAnswer(operation, method);
            if (method.getReturnType() == Response.class) {
                built.accept(operation, method);
            }
        });
    }

    private void assertSuccessAnswer(Operation operation, Method method) {
        Set<String> success = successes(operation);
        check(success.size() == 1, operation + " has one success answer: " + success);
        if (method.getReturnType() == void.class) {
            same(Set.of("204"), success, operation + ": JAX-RS answers a void method 204 No Content");
            check(at(responses(operation), "204", "content") == null, operation + " answers no body");
        } else if (method.getReturnType() != Response.class) {
            assertJsonAnswer(operation, "200", method.getGenericReturnType());
        }
    }

    /**
     * Checks what a method building its {@link Response} answers: {@code status} as its one success, with JSON of the
     * schema of {@code record}, and a Location header when it is 201 Created.
     */
    public void assertBuiltAnswer(Operation operation, int status, Class<? extends Record> record) {
        String code = String.valueOf(status);
        same(Set.of(code), successes(operation), operation + " answers " + code);
        assertJsonAnswer(operation, code, record);
        if (status == 201) {
            check(at(responses(operation), "201", "headers", HttpHeaders.LOCATION) != null,
                    operation + " gives a Location");
        }
    }

    /** Checks that an operation answers {@code status} with JSON of the schema of {@code type}. */
    private void assertJsonAnswer(Operation operation, String status, Type type) {
        Object schema = at(responses(operation), status, "content", JSON, "schema");
        check(schema != null, operation + " answers " + status + " with JSON");
        OpenApiContract.assertSchemaIs(records, schema, type, operation.toString());
    }

    /**
     * Checks what a creating method answered when called: the status it documents as its success, an entity of the
     * record that status's schema stands for, which is {@code record}, and {@code location}.
     */
    public void assertCreated(Operation operation, Response response, Class<? extends Record> record,
            String location) {
        String status = String.valueOf(response.getStatus());
        same(Set.of(status), successes(operation), operation + " (status)");
        String schema = (String) at(responses(operation), status, "content", JSON, "schema", "$ref");
        same(records.get(OpenApiContract.schemaName(schema)), response.getEntity().getClass(),
                operation + " (entity)");
        same(record, response.getEntity().getClass(), operation + " (record)");
        same(location, String.valueOf(response.getLocation()), operation + " (Location)");
    }

    private Map<String, Object> responses(Operation operation) {
        return object(documented(operation).get("responses"), operation.toString());
    }

    private Set<String> successes(Operation operation) {
        return names(responses(operation)).stream().filter(s -> s.startsWith("2"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ------------------------------------------------------------------------------------------------ access

    /** What a bundle checks beyond {@link #assertAccessAsApplied}, for one operation. */
    @FunctionalInterface
    public interface AccessCheck {

        /**
         * Checks one operation further.
         *
         * @param allowed the roles it lets in, {@code null} for a public operation
         */
        void check(Operation operation, Method method, Set<Role> allowed);
    }

    /**
     * Checks the security schemes the platform's authenticator accepts, bearerAuth (Bearer) and basicAuth (Basic),
     * and that each operation's documented access is the one {@link Guard} applies to its method. Public: no security,
     * « Accès public, sans authentification. » in the description, no roles line and no 403. Secured: some role,
     * {@link #SECURED}, a roles line naming exactly those roles, a 401, and a 403 listing forbidden.
     *
     * @param more what the bundle checks beyond, for each operation
     */
    public void assertAccessAsApplied(AccessCheck more) {
        assertSecuritySchemes();
        servedAndDocumented().forEach((operation, method) -> more.check(operation, method,
                assertAccessAsApplied(operation, method)));
    }

    private void assertSecuritySchemes() {
        same(Set.of("bearerAuth", "basicAuth"), names(at(fragment, "components", "securitySchemes")),
                "the security schemes");
        same("bearer", at(fragment, "components", "securitySchemes", "bearerAuth", "scheme"), "bearerAuth");
        same("basic", at(fragment, "components", "securitySchemes", "basicAuth", "scheme"), "basicAuth");
    }

    /** The roles an operation lets in, {@code null} for a public operation, once its access is checked. */
    private Set<Role> assertAccessAsApplied(Operation operation, Method method) {
        Map<String, Object> op = documented(operation);
        String description = (String) op.get("description");
        Set<Role> allowed = OpenApiContract.allowedRoles(method);
        if (allowed == null) {
            same(List.of(), op.get("security"), operation + " is public");
            check(description.contains("Accès public, sans authentification."), operation + " says it is public");
            check(OpenApiContract.describedRoles(description) == null, operation + " names no role");
            check(at(op, "responses", "403") == null, operation + " refuses no role");
            return null;
        }
        check(!allowed.isEmpty(), operation + " is open to no role at all");
        same(SECURED, op.get("security"), operation + " needs Bearer or Basic");
        same(allowed, OpenApiContract.describedRoles(description), operation + " (roles)");
        check(at(op, "responses", "401") != null, operation + " answers 401 without credentials");
        check(codes(operation, "403").contains(SecurityProblemCodes.FORBIDDEN),
                operation + " answers 403 forbidden to other roles");
        return allowed;
    }

    // ----------------------------------------------------------------------------------------------- schemas

    /**
     * Checks that the fragment's schemas are the records' and {@code others} (which the caller checks), and that each
     * record's schema has exactly its components as properties, requires none other, and gives each component the
     * schema of its type ({@link OpenApiContract#assertSchemaIs}).
     */
    public void assertSchemasAreTheRecords(String... others) {
        Map<String, Object> schemas = schemas();
        Set<String> expected = new TreeSet<>(records.keySet());
        expected.addAll(List.of(others));
        same(expected, names(schemas), "every schema is checked, against its record or by the test");
        records.forEach((name, record) -> {
            Map<String, Object> schema = object(schemas.get(name), name);
            Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            same(components, names(schema.get("properties")), name + " against " + record.getName());
            check(components.containsAll(required(schema)), name + " requires what it has");
        });
        for (Property property : properties()) {
            OpenApiContract.assertSchemaIs(records, property.schema(), property.component().getGenericType(),
                    property.where());
        }
    }

    /**
     * Checks that the schema of every enum component lists all its constants, in order: for a bundle whose services
     * read and write every constant (no narrower list).
     */
    public void assertEnumsListEveryConstant() {
        for (Property property : properties()) {
            Class<?> type = property.component().getType();
            if (type.isEnum()) {
                same(Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList(),
                        at(property.schema(), "enum"), property.where() + " lists every constant, in order");
            }
        }
    }

    /** Checks that every primitive component is required: Jackson always writes it. */
    public void assertPrimitivesAreRequired() {
        for (Property property : properties()) {
            if (property.component().getType().isPrimitive()) {
                check(required(property.record()).contains(property.component().getName()),
                        property.where() + " is always written");
            }
        }
    }

    /** A record component, its record's schema and its own ({@code null} where the record's schema has none). */
    private record Property(String where, RecordComponent component, Map<String, Object> record, Object schema) {
    }

    private List<Property> properties() {
        Map<String, Object> schemas = schemas();
        List<Property> properties = new ArrayList<>();
        records.forEach((name, record) -> {
            Map<String, Object> schema = object(schemas.get(name), name);
            Map<String, Object> members = object(schema.get("properties"), name + " properties");
            for (RecordComponent component : record.getRecordComponents()) {
                properties.add(new Property(name + "." + component.getName(), component, schema,
                        members.get(component.getName())));
            }
        });
        return properties;
    }

    // ---------------------------------------------------------------------------------------- house rules

    /**
     * Checks that every {@code $ref} resolves, in the fragment or to {@link #PLATFORM_PROBLEM}, that operationIds are
     * unique, that operations use declared tags only, and that every declared tag is used.
     */
    public void assertReferencesTagsAndOperationIdsHoldTogether() {
        Set<String> schemas = names(schemas());
        for (String ref : OpenApiContract.references(fragment)) {
            check(ref.equals(PLATFORM_PROBLEM) || schemas.contains(OpenApiContract.schemaName(ref)),
                    "unresolved " + ref);
        }
        Set<String> tags = list(fragment.get("tags"), "tags").stream().map(t -> (String) object(t, "tag").get("name"))
                .collect(Collectors.toSet());
        Set<String> operationIds = new HashSet<>();
        Set<String> usedTags = new HashSet<>();
        documented.forEach((operation, op) -> {
            check(operationIds.add((String) op.get("operationId")), operation + ": operationId unique");
            List<Object> own = list(op.get("tags"), operation + " tags");
            check(tags.containsAll(own), operation + " uses declared tags");
            own.forEach(t -> usedTags.add((String) t));
        });
        same(tags, usedTags, "every declared tag is used");
    }

    /** Checks that every error answer (4xx, 5xx) is a problem document, and nothing else. */
    public void assertErrorsAreProblemDocuments() {
        assertErrorsAreProblemDocuments((operation, status) -> false);
    }

    /**
     * Checks that every error answer (4xx, 5xx) is a problem document, and nothing else, but those {@code except}
     * accepts (an operation and a status), which the caller checks.
     */
    public void assertErrorsAreProblemDocuments(BiPredicate<Operation, String> except) {
        documented.forEach((operation, op) -> object(op.get("responses"), operation.toString())
                .forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && !except.test(operation, status)) {
                        same(Set.of(Problem.MEDIA_TYPE), names(at(response, "content")),
                                operation + " " + status + " is a problem document");
                        same(PLATFORM_PROBLEM, at(response, "content", Problem.MEDIA_TYPE, "schema", "$ref"),
                                operation + " " + status + " is a problem document");
                    }
                }));
    }

    /**
     * Checks the problem codes documented: every error answer's description starts with « Erreur (RFC 9457) : » and
     * ends with the codes it may carry, each a published code answered with that status; its example, if any, agrees
     * (code listed, status, type, title, a detail); and the codes documented are exactly those answered.
     *
     * @param statuses each code the operations answer with and its HTTP statuses, as the services, the resources,
     *     the JSON provider and the platform's Guard and authenticator throw them
     * @param known the published codes (see {@link #publishedCodes}), which {@code statuses} draws on
     */
    public void assertProblemCodes(Map<String, Set<Integer>> statuses, Set<String> known) {
        check(known.containsAll(statuses.keySet()), "the statuses hold published codes only");
        Set<String> documentedCodes = new TreeSet<>();
        documented.forEach((operation, op) -> object(op.get("responses"), operation.toString())
                .forEach((status, response) -> {
                    if (!status.startsWith("4") && !status.startsWith("5")) {
                        return;
                    }
                    String where = operation + " " + status;
                    Set<String> codes = codes(operation, status);
                    check(!codes.isEmpty(), where + ": the description ends with « Code(s) : … . »");
                    check(String.valueOf(at(response, "description")).startsWith("Erreur (RFC 9457) : "),
                            where + ": the description starts as the house style has it");
                    for (String code : codes) {
                        check(known.contains(code), where + ": " + code + " is no published problem code");
                        check(statuses.getOrDefault(code, Set.of()).contains(Integer.valueOf(status)),
                                where + ": " + code + " is not answered with " + status + " (see the statuses)");
                    }
                    documentedCodes.addAll(codes);
                    Object example = at(response, "content", Problem.MEDIA_TYPE, "example");
                    if (example != null) {
                        String code = (String) at(example, "code");
                        int number = ((BigDecimal) at(example, "status")).intValueExact();
                        check(codes.contains(code), where + ": the example's code is listed");
                        same(Problem.of(number, code, "-", null).type(), at(example, "type"), where);
                        same(Integer.parseInt(status), number, where + ": the example's status");
                        same(Problem.titleOf(number), at(example, "title"), where + ": the example's title");
                        check(at(example, "detail") != null, where + ": the example has a detail");
                    }
                }));
        same(new TreeSet<>(statuses.keySet()), documentedCodes,
                "every code these operations answer with is documented, and nothing else");
    }
}
