package fr.opus.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the Opus distribution built by this reactor (not a stock Karaf) on free ports, and talks to it the way a
 * partner's system does: plain HTTP and SOAP on its public port.
 */
public abstract class OpusTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The first regional operator, created at first boot from {@code etc/fr.opus.accounts.operator.cfg}. */
    protected static final String OPERATOR_LOGIN = "operateur";
    private static volatile String feedAuthorization;

    @Configuration
    public Option[] config() {
        int httpPort = freePort();
        int sshPort = freePort();
        int smtpPort = freePort();
        String operatorPassword = "It-" + java.util.UUID.randomUUID() + "-Opus!";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(required("opus.assembly")).toURI().toString())
                    .karafVersion(required("karaf.version"))
                    .name("Opus")
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                    String.valueOf(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort)),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    required("org.ops4j.pax.url.mvn.localRepository")),
            editConfigurationFilePut("etc/fr.opus.accounts.operator.cfg", "login", OPERATOR_LOGIN),
            // the test SMTP server (GreenMail) some tests start inside the container
            editConfigurationFilePut("etc/fr.opus.mail.cfg", "host", "127.0.0.1"),
            editConfigurationFilePut("etc/fr.opus.mail.cfg", "port", String.valueOf(smtpPort)),
            editConfigurationFilePut("etc/fr.opus.mail.cfg", "starttls", "false"),
            editConfigurationFilePut("etc/fr.opus.mail.cfg", "pollSeconds", "1"),
            // the tests' webhook receivers listen on loopback over plain HTTP
            editConfigurationFilePut("etc/fr.opus.webhooks.cfg", "allowHttp", "true"),
            editConfigurationFilePut("etc/fr.opus.webhooks.cfg", "pollSeconds", "1"),
            systemProperty("opus.it.smtp.port").value(String.valueOf(smtpPort)),
            editConfigurationFilePut("etc/fr.opus.accounts.operator.cfg", "password", operatorPassword),
            systemProperty("opus.it.operator.password").value(operatorPassword),
            systemProperty("opus.it.http.port").value(String.valueOf(httpPort)),
            systemProperty("opus.it.ssh.port").value(String.valueOf(sshPort)),
            mavenBundle("org.hamcrest", "hamcrest", required("hamcrest.version")),
            mavenBundle("org.awaitility", "awaitility", required("awaitility.version")),
        };
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- inside the container

    protected static String baseUrl() {
        return "http://localhost:" + System.getProperty("opus.it.http.port");
    }

    /** {@code GET} as the regional operator (HTTP Basic). */
    protected static HttpResponse<String> get(String path) {
        return getAs(operatorAuth(), path);
    }

    /** {@code GET} with the given {@code Authorization} header value, or none when it is {@code null}. */
    protected static HttpResponse<String> getAs(String authorization, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    protected static String operatorAuth() {
        return basic(OPERATOR_LOGIN, System.getProperty("opus.it.operator.password"));
    }

    protected static String basic(String login, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bearer token of France Travail's feed: the operator issues an FT_FEED client once per container, and the
     * client gets its token from the OAuth2 endpoint, as the real feed does.
     */
    protected static synchronized String feedAuth() {
        if (feedAuthorization == null) {
            HttpResponse<String> issued = postJsonAs(operatorAuth(), "/api/v1/clients",
                    "{\"role\":\"FT_FEED\",\"name\":\"Flux des offres (tests)\"}");
            org.junit.Assert.assertEquals(issued.body(), 201, issued.statusCode());
            JsonNode client = json(issued);
            feedAuthorization = "Bearer " + clientToken(client.path("client").path("clientId").asText(),
                    client.path("clientSecret").asText(), "opus_feed");
        }
        return feedAuthorization;
    }

    /** France Travail's client-credentials request, unchanged but for the base URL. */
    protected static String clientToken(String clientId, String secret, String scope) {
        HttpResponse<String> token = tokenRequest("grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + secret + "&scope=" + scope.replace(" ", "%20"));
        org.junit.Assert.assertEquals(token.body(), 200, token.statusCode());
        return json(token).path("access_token").asText();
    }

    protected static HttpResponse<String> tokenRequest(String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/connexion/oauth2/access_token?realm=%2Fpartenaire"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SOAP call as the regional operator (HTTP Basic), or as France Travail's feed on the feed's endpoint. */
    protected static HttpResponse<String> soap(String path, String bodyXml) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:r=\"urn:opus:soap:v1:referentials\" xmlns:o=\"urn:opus:soap:v1:offers\"><soapenv:Body>" + bodyXml
                + "</soapenv:Body></soapenv:Envelope>";
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", path.startsWith("/soap/offers-feed") ? feedAuth() : operatorAuth())
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    /** Every error Opus returns is an RFC 9457 problem document with a stable code and a French detail. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        org.junit.Assert.assertEquals(response.body(), status, response.statusCode());
        org.junit.Assert.assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = json(response);
        org.junit.Assert.assertEquals(status, problem.path("status").asInt());
        org.junit.Assert.assertEquals(code, problem.path("code").asText());
        org.junit.Assert.assertEquals("urn:opus:problem:" + code, problem.path("type").asText());
        org.junit.Assert.assertFalse(problem.path("title").asText().isEmpty());
        org.junit.Assert.assertFalse(problem.path("detail").asText().isEmpty());
        org.junit.Assert.assertFalse("no stack trace", response.body().contains("\tat ")
                || response.body().contains("Exception"));
        return problem;
    }

    /**
     * Waits until every Opus capability booted by the distribution answers. The JAX-RS whiteboard restarts its
     * application each time a resource arrives, so one capability answering does not mean the others do.
     */
    protected static void awaitOpusReady() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> OpusProcess.READY_PATHS.stream().allMatch(path -> get(path).statusCode() / 100 == 2));
    }

    /** France Travail's published OpenAPI description of "Offres d'emploi v2". */
    protected static JsonNode franceTravailOpenApi() {
        try (java.io.InputStream in = OpusTestSupport.class.getResourceAsStream("/ft-api/offres_emploi_v2_openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that {@code node} has the shape of France Travail's schema {@code schemaName}: no field France
     * Travail does not have, strings where it has strings, nested objects and arrays likewise.
     */
    protected static void assertFranceTravailShape(JsonNode openApi, String schemaName, JsonNode node, String path) {
        JsonNode schema = openApi.path("components").path("schemas").path(schemaName);
        org.junit.Assert.assertFalse(schemaName + " exists", schema.isMissingNode());
        org.junit.Assert.assertTrue(path + " is an object", node.isObject());
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            JsonNode property = schema.path("properties").path(field);
            org.junit.Assert.assertFalse(path + "." + field + " is not in France Travail's " + schemaName,
                    property.isMissingNode());
            assertValueShape(openApi, property, node.get(field), path + "." + field);
        }
    }

    private static void assertValueShape(JsonNode openApi, JsonNode property, JsonNode value, String path) {
        if (property.has("$ref")) {
            String ref = property.path("$ref").asText();
            assertFranceTravailShape(openApi, ref.substring(ref.lastIndexOf('/') + 1), value, path);
            return;
        }
        switch (property.path("type").asText()) {
            case "string" -> org.junit.Assert.assertTrue(path + " is a string", value.isTextual());
            case "boolean" -> org.junit.Assert.assertTrue(path + " is a boolean", value.isBoolean());
            case "integer", "number" -> org.junit.Assert.assertTrue(path + " is a number", value.isNumber());
            case "array" -> {
                org.junit.Assert.assertTrue(path + " is an array", value.isArray());
                for (JsonNode item : value) {
                    assertValueShape(openApi, property.path("items"), item, path + "[]");
                }
            }
            default -> { }
        }
    }

    /** {@code POST} JSON as France Travail's feed on feed paths, as the regional operator elsewhere. */
    protected static HttpResponse<String> postJson(String path, String body) {
        return postJsonAs(path.startsWith("/api/v1/offers/feed") ? feedAuth() : operatorAuth(), path, body);
    }

    protected static HttpResponse<String> postJsonAs(String authorization, String path, String body) {
        return sendJsonAs(authorization, "POST", path, body);
    }

    protected static HttpResponse<String> sendJsonAs(String authorization, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /**
     * Runs a Karaf shell command in the booted distribution as the regional operator, logged in through the
     * {@code opus} JAAS realm exactly as over SSH, and returns what it printed (standard output then error output).
     */
    protected static String shell(String command) {
        return shellAs(shellLogin(OPERATOR_LOGIN, System.getProperty("opus.it.operator.password")), command);
    }

    /** Logs in to the {@code opus} JAAS realm (what SSH and bin/client use); fails with the realm's refusal. */
    protected static javax.security.auth.Subject shellLogin(String login, String password) {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        try {
            new javax.security.auth.login.LoginContext("opus", subject, callbacks -> {
                for (javax.security.auth.callback.Callback callback : callbacks) {
                    if (callback instanceof javax.security.auth.callback.NameCallback name) {
                        name.setName(login);
                    } else if (callback instanceof javax.security.auth.callback.PasswordCallback secret) {
                        secret.setPassword(password.toCharArray());
                    }
                }
            }).login();
        } catch (javax.security.auth.login.LoginException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return subject;
    }

    /** Runs a shell command in a session of {@code subject} (none: an anonymous session). */
    protected static String shellAs(javax.security.auth.Subject subject, String command) {
        BundleContext context = FrameworkUtil.getBundle(OpusTestSupport.class).getBundleContext();
        ServiceTracker<SessionFactory, SessionFactory> tracker = new ServiceTracker<>(context, SessionFactory.class, null);
        tracker.open();
        try {
            SessionFactory factory = tracker.waitForService(30_000);
            if (factory == null) {
                throw new IllegalStateException("No Karaf shell session factory");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
                    Session session = factory.create(new ByteArrayInputStream(new byte[0]), o, e)) {
                if (subject == null) {
                    session.execute(command);
                } else {
                    javax.security.auth.Subject.doAs(subject,
                            (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
                }
            }
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("Command failed: " + command, e);
        } finally {
            tracker.close();
        }
    }
}
