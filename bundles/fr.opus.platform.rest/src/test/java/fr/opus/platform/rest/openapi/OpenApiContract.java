package fr.opus.platform.rest.openapi;

import fr.opus.platform.api.security.Guard;
import fr.opus.platform.api.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;

/**
 * What a REST bundle's OpenAPI fragment is checked against: the operations its JAX-RS resources serve, found by
 * reflection, and the fragment itself, read as plain maps and lists. Bundle-independent on purpose: it is published
 * in this bundle's test-jar, and each REST bundle depends on that ({@code <type>test-jar</type>}, test scope) to
 * write its own {@code OpenApiFragmentTest} with it. It needs nothing beyond the JAX-RS API and
 * {@code fr.opus.platform.api}, not even Jackson nor JUnit: the JSON reader is in here, and a mismatch is an
 * {@link AssertionError}. {@link FragmentContract}, beside it, makes with these the checks every such test makes.
 *
 * <p>Supported: {@code @Path} on the class and on the method, every HTTP method annotation (anything annotated
 * {@link HttpMethod}: {@code @GET}, {@code @POST}, {@code @PUT}, {@code @PATCH}, {@code @DELETE}…), templates with
 * a regular expression ({@code {id: [0-9]+}} is documented as {@code {id}}) and sub-resource locators. Not
 * supported: JAX-RS annotations inherited from an interface or a superclass method (Opus resources do not use
 * them).
 */
public final class OpenApiContract {

    /** The HTTP methods an OpenAPI path item may hold; its other members are not operations. */
    public static final Set<String> OPERATION_KEYS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** How a {@code @Permit} role is named in an operation's description ("Rôles : opérateur régional, RGC."). */
    public static final Map<Role, String> ROLE_LABELS = roleLabels();

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^{}/]+)}");

    private OpenApiContract() {
    }

    /** One operation: an HTTP method, upper case, and a path template as OpenAPI writes it. */
    public record Operation(String method, String path) implements Comparable<Operation> {

        @Override
        public int compareTo(Operation other) {
            return Comparator.comparing(Operation::path).thenComparing(Operation::method).compare(this, other);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    // ----------------------------------------------------------------------------------------- served by Java

    /** Every operation the resource classes serve, with the Java method serving it, sorted. */
    public static Map<Operation, Method> served(Class<?>... resources) {
        Map<Operation, Method> served = new TreeMap<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root == null) {
                throw new IllegalArgumentException(resource.getName() + " has no @Path: not a root resource");
            }
            collect(root.value(), resource, served, new LinkedHashSet<>());
        }
        return served;
    }

    private static void collect(String prefix, Class<?> type, Map<Operation, Method> served, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return; // a locator returning its own kind of resource
        }
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
        for (Method method : methods) {
            Path sub = method.getAnnotation(Path.class);
            String path = sub == null ? prefix : prefix + "/" + sub.value();
            String verb = httpMethod(method);
            if (verb != null) {
                Method previous = served.put(new Operation(verb, normalise(path)), method);
                if (previous != null) {
                    throw new IllegalStateException(verb + " " + normalise(path) + " is served by both " + previous
                            + " and " + method + " (e.g. by media type): extend OpenApiContract to tell them apart");
                }
            } else if (sub != null) {
                collect(path, method.getReturnType(), served, seen); // sub-resource locator
            }
        }
        seen.remove(type);
    }

    /** The served operations that are also documented: a bundle's first test reports the others. */
    public static Map<Operation, Method> servedAndDocumented(Map<Operation, Method> served,
            Map<Operation, ?> documented) {
        Map<Operation, Method> both = new java.util.TreeMap<>(served);
        both.keySet().retainAll(documented.keySet());
        return both;
    }

    /**
     * Fails unless every served operation is documented and every documented one served, and unless the reflection
     * saw operations on each resource class (a wrong class list would make the comparison vacuous).
     */
    public static void assertServedAsDocumented(Map<Operation, Method> served, Map<Operation, ?> documented,
            Class<?>... resources) {
        Set<Operation> undocumented = new java.util.TreeSet<>(served.keySet());
        undocumented.removeAll(documented.keySet());
        Set<Operation> notServed = new java.util.TreeSet<>(documented.keySet());
        notServed.removeAll(served.keySet());
        if (!undocumented.isEmpty() || !notServed.isEmpty()) {
            throw new AssertionError("served but not documented: " + undocumented + "; documented but not served: "
                    + notServed);
        }
        for (Class<?> resource : resources) {
            if (served.values().stream().noneMatch(m -> m.getDeclaringClass() == resource)) {
                throw new AssertionError(resource.getSimpleName() + " serves operations: the reflection saw none");
            }
        }
    }

    /** The HTTP method of a resource method, upper case, or {@code null} when it has none. */
    public static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** A JAX-RS path as OpenAPI writes it: one leading slash, none trailing or doubled, bare template names. */
    public static String normalise(String path) {
        return Arrays.stream(bareTemplates(path).split("/")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
    }

    /** {@code {id : [0-9]{5}}} becomes {@code {id}}: OpenAPI templates carry no regular expression. */
    private static String bareTemplates(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i++);
            if (c != '{') {
                out.append(c);
                continue;
            }
            StringBuilder name = new StringBuilder();
            boolean inName = true;
            for (int depth = 1; i < path.length() && depth > 0; i++) {
                char d = path.charAt(i);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                if (depth > 0 && inName) {
                    if (d == ':') {
                        inName = false;
                    } else {
                        name.append(d);
                    }
                }
            }
            out.append('{').append(name.toString().strip()).append('}');
        }
        return out.toString();
    }

    /** The names of a path template's parameters: {@code /a/{id}/b/{n}} gives {@code id, n}. */
    public static Set<String> templateParameters(String path) {
        Set<String> names = new TreeSet<>();
        Matcher template = TEMPLATE.matcher(path);
        while (template.find()) {
            names.add(template.group(1));
        }
        return names;
    }

    /**
     * The names a method reads with {@code @PathParam}, {@code @QueryParam}, {@code @HeaderParam} or
     * {@code @FormParam}.
     */
    public static Set<String> parameterNames(Method method, Class<? extends Annotation> kind) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            Annotation annotation = parameter.getAnnotation(kind);
            if (annotation instanceof PathParam p) {
                names.add(p.value());
            } else if (annotation instanceof QueryParam q) {
                names.add(q.value());
            } else if (annotation instanceof HeaderParam h) {
                names.add(h.value());
            } else if (annotation instanceof FormParam f) {
                names.add(f.value());
            } else if (annotation != null) {
                throw new IllegalArgumentException("unsupported parameter annotation " + kind.getName());
            }
        }
        return names;
    }

    /**
     * The request entity a method reads: its one parameter without any JAX-RS annotation ({@code @Context},
     * {@code @*Param}, {@code @BeanParam}…), or {@code null} when it reads none.
     */
    public static Parameter entityParameter(Method method) {
        Parameter entity = null;
        for (Parameter parameter : method.getParameters()) {
            boolean annotated = Arrays.stream(parameter.getAnnotations())
                    .anyMatch(a -> a.annotationType().getPackageName().startsWith("javax.ws.rs"));
            if (!annotated) {
                if (entity != null) {
                    throw new IllegalStateException(method + " has two entity parameters");
                }
                entity = parameter;
            }
        }
        return entity;
    }

    /** The roles an operation is open to, as {@link Guard} applies them; {@code null} for a public operation. */
    public static Set<Role> allowedRoles(Method method) {
        Guard.Rule rule = Guard.ruleOf(method, method.getDeclaringClass());
        if (rule.open()) {
            return null;
        }
        Set<Role> roles = new TreeSet<>();
        if (rule.permit() != null) {
            roles.addAll(Arrays.asList(rule.permit().value()));
        }
        return roles;
    }

    /**
     * The roles an operation's description states, on a line of its own: {@code Rôle : opérateur régional.} or
     * {@code Rôles : opérateur régional, RGC.}; {@code null} when it has no such line.
     */
    public static Set<Role> describedRoles(String description) {
        for (String line : description.split("\n")) {
            String text = line.strip();
            String list = text.startsWith("Rôles : ") ? text.substring(8)
                    : text.startsWith("Rôle : ") ? text.substring(7) : null;
            if (list == null) {
                continue;
            }
            if (!list.endsWith(".")) {
                throw new AssertionError("the roles line ends with a full stop: " + text);
            }
            Set<Role> roles = new TreeSet<>();
            for (String label : list.substring(0, list.length() - 1).split(", ")) {
                Role role = ROLE_LABELS.entrySet().stream().filter(e -> e.getValue().equals(label))
                        .map(Map.Entry::getKey).findFirst()
                        .orElseThrow(() -> new AssertionError("unknown role « " + label + " » in: " + text));
                roles.add(role);
            }
            if (text.startsWith("Rôles : ") != (roles.size() > 1)) {
                throw new AssertionError("« Rôle : » for one role, « Rôles : » for several: " + text);
            }
            return roles;
        }
        return null;
    }

    private static Map<Role, String> roleLabels() {
        Map<Role, String> labels = new EnumMap<>(Role.class);
        labels.put(Role.REGIONAL_OPERATOR, "opérateur régional");
        labels.put(Role.FT_AGENT, "agent France Travail");
        labels.put(Role.ACCOUNT_MANAGER, "RGC");
        labels.put(Role.COUNSELLOR, "conseiller");
        labels.put(Role.PARTNER_APPLICATION, "application partenaire");
        labels.put(Role.FT_FEED, "flux des offres France Travail");
        if (labels.size() != Role.values().length) {
            throw new IllegalStateException("a role has no label");
        }
        return Map.copyOf(labels);
    }

    // ------------------------------------------------------------------------------------ documented in JSON

    /** The fragment at {@code resource} on the test class path, e.g. {@code /OSGI-INF/openapi/accounts.json}. */
    public static Map<String, Object> fragment(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path");
            }
            return object(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation a fragment documents, with its OpenAPI operation object, sorted. */
    public static Map<Operation, Map<String, Object>> documented(Map<String, Object> fragment) {
        Map<Operation, Map<String, Object>> documented = new TreeMap<>();
        object(fragment.get("paths"), "paths").forEach((path, item) -> object(item, path).forEach((key, op) -> {
            if (OPERATION_KEYS.contains(key)) {
                documented.put(new Operation(key.toUpperCase(Locale.ROOT), path), object(op, key + " " + path));
            }
        }));
        return documented;
    }

    /**
     * The names of an operation's parameters of one kind ({@code path}, {@code query}, {@code header},
     * {@code cookie}), the path item's own included.
     */
    public static Set<String> documentedParameters(Map<String, Object> fragment, Operation operation, String in) {
        Map<String, Object> item = object(at(fragment, "paths", operation.path()), operation.path());
        Map<String, Object> op = object(item.get(operation.method().toLowerCase(Locale.ROOT)), operation.toString());
        List<Object> parameters = new ArrayList<>();
        parameters.addAll(list(item.getOrDefault("parameters", List.of()), "parameters"));
        parameters.addAll(list(op.getOrDefault("parameters", List.of()), "parameters"));
        Set<String> names = new TreeSet<>();
        for (Object p : parameters) {
            Map<String, Object> parameter = object(p, "parameter");
            if (in.equals(parameter.get("in"))) {
                String name = (String) parameter.get("name");
                if (!names.add(name)) {
                    throw new AssertionError(operation + " documents " + in + " parameter " + name + " twice");
                }
                if ("path".equals(in) && !Boolean.TRUE.equals(parameter.get("required"))) {
                    throw new AssertionError(operation + ": path parameter " + name + " must be required");
                }
            }
        }
        return names;
    }

    /** The member at a path of keys (maps) and indexes (lists), or {@code null} when absent. */
    public static Object at(Object node, Object... steps) {
        Object current = node;
        for (Object step : steps) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** Every {@code $ref} value anywhere below {@code node}. */
    public static Set<String> references(Object node) {
        Set<String> references = new TreeSet<>();
        collectReferences(node, references);
        return references;
    }

    private static void collectReferences(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    into.add((String) value);
                } else {
                    collectReferences(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, into));
        }
    }

    /** The schema named by a local {@code $ref} ({@code #/components/schemas/Name}), or the schema itself. */
    public static Map<String, Object> resolve(Map<String, Object> fragment, Object schema) {
        Map<String, Object> node = object(schema, "schema");
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String name = schemaName((String) ref);
        return object(at(fragment, "components", "schemas", name), (String) ref);
    }

    /** {@code Name} from {@code #/components/schemas/Name}. */
    public static String schemaName(String ref) {
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            throw new AssertionError("not a schema reference: " + ref);
        }
        return ref.substring(prefix.length());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object node, String what) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError(what + " should be a JSON object, is " + node);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node, String what) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new AssertionError(what + " should be a JSON array, is " + node);
    }

    /** Member names of a JSON object, sorted. */
    public static Set<String> names(Object node) {
        return node == null ? Set.of() : new TreeSet<>(object(node, "object").keySet());
    }

    /** The names a schema object lists as {@code required}, sorted. */
    public static Set<String> required(Map<String, Object> schema) {
        return list(schema.getOrDefault("required", List.of()), "required").stream().map(String.class::cast)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ------------------------------------------------------------------------------------ compared with Java

    /**
     * Checks that a documented schema is the one Jackson writes for a Java type, as the Opus JSON provider is set up:
     * records by reference to their schema ({@code records} names each documented schema's record; {@code allOf}
     * with one reference is accepted, to add a description), collections as arrays ({@code uniqueItems} for sets),
     * enums as strings (an {@code enum} list, when present, holds only constants), strings, integers with their
     * {@code int32}/{@code int64} format, {@code Double} as a {@code double} number, booleans, {@code Instant} as
     * {@code date-time}, {@code LocalDate} as {@code date}, {@code byte[]} as a {@code binary} string (a PDF, say),
     * and {@code Map<String, V>} as an object whose every property is a V and which allows no other
     * ({@code additionalProperties: false}, then naming some properties) or only V's. Any other type fails: extend
     * the rule here, once for every REST bundle.
     *
     * @throws AssertionError naming {@code where} on the first mismatch
     */
    public static void assertSchemaIs(Map<String, ? extends Class<?>> records, Object schemaNode, Type type,
            String where) {
        Map<String, Object> schema = object(schemaNode, where);
        if (type == Double.class || type == double.class) {
            same("number", schema.get("type"), where);
            same("double", schema.get("format"), where);
            return;
        }
        if (type == byte[].class) {
            same("string", schema.get("type"), where);
            same("binary", schema.get("format"), where);
            return;
        }
        if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            same(String.class, map.getActualTypeArguments()[0], where + ": JSON member names are strings");
            same("object", schema.get("type"), where);
            Type value = map.getActualTypeArguments()[1];
            Map<String, Object> properties = object(schema.getOrDefault("properties", Map.of()), where);
            properties.forEach((name, property) -> assertSchemaIs(records, property, value, where + "." + name));
            Object others = schema.get("additionalProperties");
            if (others == Boolean.FALSE) {
                check(!properties.isEmpty(), where + " names what it holds");
            } else {
                assertSchemaIs(records, others, value, where + " (additionalProperties)");
            }
            return;
        }
        if (type instanceof ParameterizedType parameterized
                && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
            same("array", schema.get("type"), where);
            assertSchemaIs(records, schema.get("items"), parameterized.getActualTypeArguments()[0], where + "[]");
            if (Set.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
                same(Boolean.TRUE, schema.get("uniqueItems"), where + " is a set");
            }
            return;
        }
        if (!(type instanceof Class<?> raw)) {
            throw new AssertionError(where + ": no rule yet for " + type.getTypeName());
        }
        if (raw.isRecord()) {
            Object ref = schema.containsKey("allOf") ? at(schema, "allOf", 0, "$ref") : schema.get("$ref");
            if (ref == null) {
                throw new AssertionError(where + " refers to the schema of " + raw.getSimpleName());
            }
            same(raw, records.get(schemaName((String) ref)), where);
        } else if (raw.isEnum()) {
            same("string", schema.get("type"), where);
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toSet());
            Object values = schema.get("enum");
            if (values != null && !constants.containsAll(list(values, where))) {
                // a narrower list is fine where the service accepts only some values (people's roles)
                throw new AssertionError(where + " lists values " + raw.getSimpleName() + " does not have: " + values);
            }
        } else {
            String expected = switch (raw.getName()) {
                case "java.lang.String" -> "string";
                case "int", "long", "java.lang.Integer", "java.lang.Long" -> "integer";
                case "boolean", "java.lang.Boolean" -> "boolean";
                case "java.time.Instant" -> "string/date-time";
                case "java.time.LocalDate" -> "string/date";
                default -> throw new AssertionError(where + ": no rule yet for " + raw.getName());
            };
            Object format = schema.get("format");
            String actual = schema.get("type") + (expected.contains("/") ? "/" + format : "");
            same(expected, actual, where);
            if (expected.equals("integer")) {
                same(raw == long.class || raw == Long.class ? "int64" : "int32", format, where);
            }
        }
    }

    /** Fails, as JUnit's {@code assertEquals} would, unless {@code expected} equals {@code actual}. */
    static void same(Object expected, Object actual, String where) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(where + " ==> expected: <" + expected + "> but was: <" + actual + ">");
        }
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /**
     * A strict JSON reader (RFC 8259) into {@link LinkedHashMap}, {@link ArrayList}, {@link String},
     * {@link BigDecimal}, {@link Boolean} and {@code null}. Unlike the usual parsers it refuses a duplicated
     * member name, which in a fragment would silently hide an operation or a schema.
     */
    public static final class Json {

        private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        public static Object parse(String text) {
            Json json = new Json(text);
            json.space();
            Object value = json.value();
            json.space();
            if (json.pos != text.length()) {
                throw json.error("unexpected text after the value");
            }
            return value;
        }

        private Object value() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            pos++;
            space();
            if (peek() == '}') {
                pos++;
                return object;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("member name expected");
                }
                int at = pos;
                String name = string();
                space();
                expect(':');
                space();
                Object value = value();
                if (object.containsKey(name)) {
                    pos = at;
                    throw error("duplicate member \"" + name + "\"");
                }
                object.put(name, value);
                space();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect('}');
                return object;
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            pos++;
            space();
            if (peek() == ']') {
                pos++;
                return array;
            }
            while (true) {
                space();
                array.add(value());
                space();
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                expect(']');
                return array;
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = pos < text.length() ? text.charAt(pos++) : '?';
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + escape);
                }
            }
        }

        private BigDecimal number() {
            Matcher number = NUMBER.matcher(text).region(pos, text.length());
            if (!number.lookingAt()) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            pos = number.end();
            return new BigDecimal(number.group());
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error(word + " expected");
            }
            pos += word.length();
            return value;
        }

        private void space() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            pos++;
        }

        private IllegalArgumentException error(String message) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new IllegalArgumentException("JSON: " + message + " at line " + line + ", column " + column);
        }
    }
}
