package fr.opus.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/** The platform as a partner's system and an attacker see it: health, OpenAPI, errors, and no open door. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends OpusTestSupport {

    @Inject
    ConfigurationAdmin configurationAdmin;

    @Before
    public void opusIsUp() {
        awaitOpusReady();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> health = get("/api/v1/health");
                    // while the JAX-RS whiteboard rewires, the servlet container may answer its own HTML 404
                    return health.statusCode() == 200 && health.body().startsWith("{")
                            && json(health).path("checks").has("referentials");
                });
    }

    @Test
    public void healthReportsStatusVersionFeaturesAndDatabase() {
        HttpResponse<String> response = get("/api/v1/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode health = json(response);
        assertEquals(response.body(), "UP", health.path("status").asText());
        assertEquals(System.getProperty("opus.version", health.path("version").asText()),
                health.path("version").asText());
        List<String> features = new ArrayList<>();
        health.path("features").forEach(f -> features.add(f.path("name").asText()));
        assertTrue(features.toString(), features.contains("opus-platform"));
        assertTrue(features.toString(), features.contains("opus-referentials"));
        JsonNode database = health.path("checks").path("database");
        assertEquals("UP", database.path("status").asText());
        assertTrue(database.path("details").path("product").asText().startsWith("Apache Derby"));
        assertEquals("READY", database.path("details").path("schemas").path("REFERENTIALS").path("state").asText());
        assertEquals("READY", database.path("details").path("schemas").path("ACCOUNTS").path("state").asText());
        assertEquals("READY", database.path("details").path("schemas").path("MAIL").path("state").asText());
        assertTrue(features.toString(), features.contains("opus-accounts"));
    }

    @Test
    public void openApiDescribesEveryRestPathAndTheProblemDocument() {
        HttpResponse<String> response = get("/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode doc = json(response);
        assertTrue(doc.path("openapi").asText().startsWith("3."));
        for (String path : new String[] {"/partenaire/offresdemploi/v2/referentiel/regions",
                "/partenaire/offresdemploi/v2/referentiel/metiers", "/api/v1/referentials/communes"}) {
            assertTrue(path, doc.path("paths").has(path));
        }
        assertTrue(doc.path("components").path("schemas").has("Problem"));
    }

    @Test
    public void malformedRequestsGetProblemDocumentsNeverStackTraces() {
        assertProblem(get("/api/v1/does-not-exist"), 404, "not-found");
        assertProblem(get("/partenaire/offresdemploi/v2/referentiel/inconnu"), 404, "not-found");
        JsonNode badLimit = assertProblem(get("/api/v1/referentials/jobs?q=boulanger&limit=beaucoup"), 400,
                "invalid-parameter");
        assertEquals("limit", badLimit.path("field").asText());
        JsonNode missingQuery = assertProblem(get("/api/v1/referentials/communes"), 400, "invalid-parameter");
        assertEquals("q", missingQuery.path("field").asText());
        assertProblem(get("/api/v1/referentials/jobs/Z9999"), 404, "unknown-rome-code");
        assertProblem(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{pas du json")).build()), 405, "method-not-allowed");
    }

    @Test
    public void noAdministrationPageAnswersOverHttp() {
        for (String path : new String[] {"/system/console", "/system/console/bundles", "/hawtio", "/jolokia",
                "/soap/", "/soap/services", "/cxf/"}) {
            int status = get(path).statusCode();
            assertTrue(path + " answered " + status, status == 404);
        }
    }

    @Test
    public void theDefaultKarafCredentialsOpenNeitherTheRealmNorSsh() throws Exception {
        for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}, {"karaf", ""}}) {
            try {
                LoginContext login = new LoginContext("karaf", callbacks -> {
                    for (var callback : callbacks) {
                        if (callback instanceof NameCallback name) {
                            name.setName(credentials[0]);
                        } else if (callback instanceof PasswordCallback password) {
                            password.setPassword(credentials[1].toCharArray());
                        }
                    }
                });
                login.login();
                throw new AssertionError("login as " + credentials[0] + " succeeded");
            } catch (LoginException expected) {
                // refused, as it must be
            }
        }
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            int sshPort = Integer.parseInt(System.getProperty("opus.it.ssh.port"));
            for (String[] credentials : new String[][] {{"karaf", "karaf"}, {"admin", "admin"}}) {
                try (ClientSession session = client.connect(credentials[0], "127.0.0.1", sshPort)
                        .verify(20, TimeUnit.SECONDS).getSession()) {
                    session.addPasswordIdentity(credentials[1]);
                    assertThrows("SSH login as " + credentials[0], SshException.class,
                            () -> session.auth().verify(20, TimeUnit.SECONDS));
                }
            }
        }
        // a user written into etc/users.properties is not an Opus operator: SSH's realm never reads that file
        java.nio.file.Path users = java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties");
        java.nio.file.Files.writeString(users, "\nintrus = Intrus-2026-mot-de-passe,_g_:admingroup\n",
                java.nio.file.StandardOpenOption.APPEND);
        IllegalStateException intruder = assertThrows(IllegalStateException.class,
                () -> shellLogin("intrus", "Intrus-2026-mot-de-passe"));
        assertTrue(intruder.getMessage(), intruder.getMessage().contains("Identifiant ou mot de passe"));
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect("intrus", "127.0.0.1",
                    Integer.parseInt(System.getProperty("opus.it.ssh.port"))).verify(20, TimeUnit.SECONDS)
                    .getSession()) {
                session.addPasswordIdentity("Intrus-2026-mot-de-passe");
                assertThrows("SSH login as a users.properties user", SshException.class,
                        () -> session.auth().verify(20, TimeUnit.SECONDS));
            }
        }
        Object sshHost = configurationAdmin.getConfiguration("org.apache.karaf.shell", null).getProperties()
                .get("sshHost");
        assertEquals("SSH listens on the loopback interface only", "127.0.0.1", sshHost);
        assertFalse(get("/api/v1/health").body().contains("password"));
    }

    @Test
    public void anOperatorLogsInOverSshWithItsOpusAccountAndRunsOpusCommands() throws Exception {
        awaitOpusReady();
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            int sshPort = Integer.parseInt(System.getProperty("opus.it.ssh.port"));
            try (ClientSession session = client.connect(OPERATOR_LOGIN, "127.0.0.1", sshPort)
                    .verify(20, TimeUnit.SECONDS).getSession()) {
                session.addPasswordIdentity(System.getProperty("opus.it.operator.password"));
                session.auth().verify(30, TimeUnit.SECONDS);
                String output = session.executeRemoteCommand("opus:service-list");
                assertTrue(output, output.contains("consultation-offres"));
                assertTrue(output, output.contains("delegation-mer"));
            }
        }
        // a regional operator is not the system administrator: Karaf's admin commands are refused to the roles the
        // realm gives, while Opus commands and the feature list work
        javax.security.auth.Subject operator = shellLogin(OPERATOR_LOGIN,
                System.getProperty("opus.it.operator.password"));
        assertThrows(IllegalStateException.class, () -> shellAs(operator, "shell:exec echo intrusion"));
        assertThrows(IllegalStateException.class, () -> shellAs(operator, "bundle:install file:/tmp/nothing.jar"));
        assertThrows(IllegalStateException.class, () -> shellAs(operator, "config:edit fr.opus.accounts"));
        String features = shellAs(operator, "feature:list -i");
        assertTrue(features, features.contains("opus-accounts"));
        String audit = shell("opus:audit-search --actor " + OPERATOR_LOGIN + " --action login.shell --limit 5");
        assertTrue(audit, audit.contains("login.shell"));
    }
}
