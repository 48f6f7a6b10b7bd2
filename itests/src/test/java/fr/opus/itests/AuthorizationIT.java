package fr.opus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The authorisation table: every REST endpoint, SOAP operation and shell command of the booted distribution ×
 * every kind of caller (role, partner, convention state and services) → the expected answer. The expectations are
 * written here from the rules of DOMAIN §1–2, not read from the code's annotations, and the endpoints are read from
 * the running JAX-RS whiteboard, CXF bus and shell registry: a new endpoint without a row fails this test.
 *
 * <p>Expected answers, as designed: no credentials → 401; credentials of a partner whose convention is terminated
 * or still a draft → 401 ({@code convention-not-in-force}); a role the endpoint does not admit → 403
 * {@code forbidden}; a convention without the service the endpoint needs → 403 {@code service-not-in-convention};
 * a client token without the scope → 403 {@code insufficient-scope}; another partner's resource → 404; otherwise
 * the guard lets the call through (any answer but 401/403 and 5xx: bad bodies sent on purpose give 400/409).
 * A terminating convention works until its notice ends.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationIT extends PartnerTestSupport {

    /** Who calls. */
    enum Actor {
        NONE(null, null), OPERATOR("REGIONAL_OPERATOR", null), FT_AGENT("FT_AGENT", null),
        RGC_A("ACCOUNT_MANAGER", "A"), COUNSELLOR_A("COUNSELLOR", "A"), APP_A("PARTNER_APPLICATION", "A"),
        /** A's application holding only the scope {@code opus}: not France Travail's offer API. */
        APP_A_OPUS("PARTNER_APPLICATION", "A"),
        FEED("FT_FEED", null),
        /** Partner B's convention lacks consultation-offres. */
        RGC_B("ACCOUNT_MANAGER", "B"), COUNSELLOR_B("COUNSELLOR", "B"),
        /** Partner N's convention is terminating: its notice ends in 30 days. */
        RGC_N("ACCOUNT_MANAGER", "N"),
        /** Partner T's convention is terminated: the token its RGC got before is refused. */
        RGC_T("ACCOUNT_MANAGER", "T"),
        /** Partner D only has a draft convention: its RGC activated the account but may not work yet. */
        RGC_D("ACCOUNT_MANAGER", "D");

        final String role;
        final String partner;

        Actor(String role, String partner) {
            this.role = role;
            this.partner = partner;
        }

        boolean locked() {
            return this == RGC_T || this == RGC_D;
        }

        /** The OAuth2 scopes of a machine client's token. */
        Set<String> scopes() {
            return switch (this) {
                case APP_A -> Set.of("api_offresdemploiv2", "opus");
                case APP_A_OPUS -> Set.of("opus");
                case FEED -> Set.of("opus_feed");
                default -> Set.of();
            };
        }
    }

    static final Set<String> PEOPLE = Set.of("REGIONAL_OPERATOR", "FT_AGENT", "ACCOUNT_MANAGER", "COUNSELLOR");
    static final Set<String> PEOPLE_AND_APPS = Set.of("REGIONAL_OPERATOR", "FT_AGENT", "ACCOUNT_MANAGER",
            "COUNSELLOR", "PARTNER_APPLICATION");
    static final Set<String> OPERATOR = Set.of("REGIONAL_OPERATOR");
    static final Set<String> MANAGERS = Set.of("REGIONAL_OPERATOR", "ACCOUNT_MANAGER");
    static final Set<String> PUBLIC = Set.of();

    /**
     * One endpoint. {@code key} is how the running platform names it ({@code GET /api/v1/partners/{}},
     * {@code SOAP /accounts compte}, {@code SHELL opus:partner-list}); {@code call} is a concrete request with
     * {@code {A}}-style placeholders; {@code owner} is the partner whose data it touches (A, X) or null.
     */
    record Row(String key, String call, String body, Set<String> roles, String service, String scope, String owner) {
    }

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<Actor, String> auth = new LinkedHashMap<>();

    private List<Row> table() {
        List<Row> rows = new ArrayList<>();
        // ---------------------------------------------------------------- platform, open to all
        rest(rows, "GET", "/api/v1/health", null, PUBLIC, null, null, null);
        rest(rows, "GET", "/openapi.json", null, PUBLIC, null, null, null);
        rest(rows, "POST", "/connexion/oauth2/access_token", null, PUBLIC, null, null, null);
        rest(rows, "POST", "/api/v1/session", "{}", PUBLIC, null, null, null);
        rest(rows, "POST", "/api/v1/accounts/activation", "{}", PUBLIC, null, null, null);
        // ---------------------------------------------------------------- partners and conventions
        rest(rows, "POST", "/api/v1/partners", "{}", OPERATOR, null, null, null);
        rest(rows, "GET", "/api/v1/partners", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/partners/{A}", null, PEOPLE, null, null, "A");
        rest(rows, "PUT", "/api/v1/partners/{X}", "{}", OPERATOR, null, null, "X");
        rest(rows, "GET", "/api/v1/partners/{A}/conventions", null,
                Set.of("REGIONAL_OPERATOR", "FT_AGENT", "ACCOUNT_MANAGER"), null, null, "A");
        rest(rows, "POST", "/api/v1/partners/{X}/conventions", "{}", OPERATOR, null, null, "X");
        rest(rows, "GET", "/api/v1/partners/{A}/seats", null, MANAGERS, null, null, "A");
        rest(rows, "GET", "/api/v1/conventions/services", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/conventions/{CA}", null, PEOPLE, null, null, "A");
        rest(rows, "PUT", "/api/v1/conventions/{CX}", "{}", OPERATOR, null, null, "X");
        // switched off then on again: X's convention ends as it began
        rest(rows, "DELETE", "/api/v1/conventions/{CX}/services/{SERVICE}?reason=Tableau%20des%20droits", null,
                OPERATOR, null, null, "X");
        rest(rows, "PUT", "/api/v1/conventions/{CX}/services/{SERVICE}?reason=Tableau%20des%20droits", null,
                OPERATOR, null, null, "X");
        rest(rows, "POST", "/api/v1/conventions/{CX}/signature", "{}", OPERATOR, null, null, "X");
        rest(rows, "POST", "/api/v1/conventions/{CX}/termination",
                "{\"noticeEndsAt\":\"2099-01-01T00:00:00Z\",\"reason\":\"Tableau des droits\"}", OPERATOR, null, null,
                "X");
        rest(rows, "GET", "/api/v1/conventions/{CA}/history", null, MANAGERS, null, null, "A");
        // ---------------------------------------------------------------- accounts
        rest(rows, "POST", "/api/v1/accounts", "{}", MANAGERS, null, null, null);
        rest(rows, "GET", "/api/v1/accounts?partnerId={A}", null, MANAGERS, null, null, "A");
        rest(rows, "GET", "/api/v1/accounts/me", null, PEOPLE, null, null, null);
        rest(rows, "PUT", "/api/v1/accounts/me/password", "{}", PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/accounts/{ACC_A}", null, PEOPLE, null, null, "A");
        rest(rows, "GET", "/api/v1/accounts/{ACC_A}/personal-data", null, PEOPLE, null, null, "A");
        rest(rows, "GET", "/api/v1/accounts/{ACC_A2}/personal-data", null, PEOPLE, null, null, "A2");
        rest(rows, "PUT", "/api/v1/accounts/{ACC_X}/identity", "{}", MANAGERS, null, null, "X");
        rest(rows, "POST", "/api/v1/accounts/{ACC_X}/deactivation", "{\"reason\":\"Tableau des droits\"}",
                MANAGERS, null, null, "X");
        rest(rows, "POST", "/api/v1/accounts/{ACC_X}/reactivation", "{}", MANAGERS, null, null, "X");
        rest(rows, "POST", "/api/v1/accounts/{ACC_X}/activation-mail", "{}", MANAGERS, null, null, "X");
        // ---------------------------------------------------------------- clients and audit
        rest(rows, "POST", "/api/v1/clients", "{}", OPERATOR, null, null, null);
        rest(rows, "GET", "/api/v1/clients?partnerId={A}", null, MANAGERS, null, null, "A");
        rest(rows, "DELETE", "/api/v1/clients/{CLIENT_X}", null, OPERATOR, null, null, "X");
        rest(rows, "GET", "/api/v1/audit", null, OPERATOR, null, null, null);
        // ---------------------------------------------------------------- offers
        rest(rows, "GET", "/partenaire/offresdemploi/v2/offres/search?range=0-0", null, PEOPLE_AND_APPS,
                "consultation-offres", "api_offresdemploiv2", null);
        rest(rows, "GET", "/partenaire/offresdemploi/v2/offres/ZZ404ZZ", null, PEOPLE_AND_APPS,
                "consultation-offres", "api_offresdemploiv2", null);
        rest(rows, "GET", "/api/v1/offers/ZZ404ZZ", null, PEOPLE_AND_APPS, "consultation-offres", "opus", null);
        rest(rows, "GET", "/api/v1/offers/ZZ404ZZ/document", null, PEOPLE_AND_APPS, "consultation-offres", "opus",
                null);
        rest(rows, "POST", "/api/v1/offers/feed", "{\"events\":[]}", Set.of("FT_FEED"), null, "opus_feed", null);
        rest(rows, "GET", "/api/v1/offers/feed/status", null, Set.of("FT_FEED", "REGIONAL_OPERATOR"), null, null,
                null);
        // ---------------------------------------------------------------- employers ({SIRET}: valid, no offer)
        rest(rows, "GET", "/api/v1/employers?q=boulangerie", null, PEOPLE_AND_APPS, "consultation-offres", "opus",
                null);
        rest(rows, "GET", "/api/v1/employers/{SIRET}", null, PEOPLE_AND_APPS, "consultation-offres", "opus", null);
        rest(rows, "PUT", "/api/v1/employers/{SIRET}", "{}", Set.of("REGIONAL_OPERATOR", "FT_AGENT"), null, null,
                null);
        rest(rows, "POST", "/api/v1/employers/{SIRET}/contacts", "{}", PEOPLE, "consultation-offres", null, null);
        rest(rows, "DELETE", "/api/v1/employers/{SIRET}/contacts/ZZ404ZZ", null, PEOPLE, "consultation-offres", null,
                null);
        rest(rows, "POST", "/api/v1/employers/{SIRET}/notes", "{}", PEOPLE, "consultation-offres", null, null);
        rest(rows, "PUT", "/api/v1/employers/{SIRET}/notes/ZZ404ZZ", "{}", PEOPLE, "consultation-offres", null,
                null);
        rest(rows, "DELETE", "/api/v1/employers/{SIRET}/notes/ZZ404ZZ", null, PEOPLE, "consultation-offres", null,
                null);
        rest(rows, "GET", "/api/v1/employers/{SIRET}/offers", null, PEOPLE_AND_APPS, "consultation-offres", "opus",
                null);
        rest(rows, "GET", "/api/v1/employers/{SIRET}/history", null, PEOPLE_AND_APPS, "consultation-offres", "opus",
                null);
        // ---------------------------------------------------------------- webhooks
        Set<String> subscribers = Set.of("REGIONAL_OPERATOR", "ACCOUNT_MANAGER", "PARTNER_APPLICATION");
        rest(rows, "POST", "/api/v1/webhooks", "{}", subscribers, null, null, null);
        rest(rows, "GET", "/api/v1/webhooks", null, subscribers, null, null, null);
        rest(rows, "GET", "/api/v1/webhooks/ZZ404ZZ", null, subscribers, null, null, null);
        rest(rows, "DELETE", "/api/v1/webhooks/ZZ404ZZ", null, subscribers, null, null, null);
        rest(rows, "GET", "/api/v1/webhooks/ZZ404ZZ/deliveries", null, subscribers, null, null, null);
        rest(rows, "POST", "/api/v1/webhooks/ZZ404ZZ/deliveries/ZZ404ZZ/retry", null, subscribers, null, null,
                null);
        rest(rows, "POST", "/api/v1/webhooks/ZZ404ZZ/ping", null, subscribers, null, null, null);
        // ---------------------------------------------------------------- referentials
        for (String list : List.of("regions", "departements", "communes", "metiers", "appellations", "domaines",
                "themes", "typesContrats", "naturesContrats", "secteursActivites", "nafs")) {
            rest(rows, "GET", "/partenaire/offresdemploi/v2/referentiel/" + list, null, PEOPLE_AND_APPS, null, null,
                    null);
        }
        rest(rows, "GET", "/api/v1/referentials/jobs?q=cuisinier", null, PEOPLE_AND_APPS, null, null, null);
        rest(rows, "GET", "/api/v1/referentials/jobs/G1602", null, PEOPLE_AND_APPS, null, null, null);
        rest(rows, "GET", "/api/v1/referentials/communes?q=grenoble", null, PEOPLE_AND_APPS, null, null, null);
        rest(rows, "GET", "/api/v1/referentials/communes/38185", null, PEOPLE_AND_APPS, null, null, null);
        rest(rows, "GET", "/api/v1/referentials/datasets", null, PEOPLE_AND_APPS, null, null, null);
        // ---------------------------------------------------------------- contacts
        Set<String> partnerPeople = Set.of("ACCOUNT_MANAGER", "COUNSELLOR");
        rest(rows, "POST", "/api/v1/job-seekers", "{}", partnerPeople, null, null, null);
        rest(rows, "GET", "/api/v1/job-seekers?q=a", null, partnerPeople, null, null, null);
        rest(rows, "GET", "/api/v1/job-seekers/{JS_A}", null, PEOPLE, null, null, "A");
        rest(rows, "PUT", "/api/v1/job-seekers/{JS_A}", "{}", partnerPeople, null, null, "A");
        rest(rows, "GET", "/api/v1/job-seekers/{JS_A}/file", null, PEOPLE, null, null, "A");
        rest(rows, "POST", "/api/v1/referrals", "{}", partnerPeople, "consultation-offres", null, null);
        rest(rows, "GET", "/api/v1/referrals?offerId=ZZ404ZZ", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/referrals/reasons", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/referrals/ZZ404ZZ", null, PEOPLE, null, null, null);
        rest(rows, "POST", "/api/v1/referrals/ZZ404ZZ/transitions", "{}", PEOPLE, null, null, null);
        rest(rows, "POST", "/api/v1/presentations", "{}", partnerPeople, "consultation-offres", null, null);
        rest(rows, "GET", "/api/v1/presentations?offerId=ZZ404ZZ", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/presentations/ZZ404ZZ", null, PEOPLE, null, null, null);
        rest(rows, "GET", "/api/v1/presentations/ZZ404ZZ/document", null, PEOPLE, null, null, null);
        rest(rows, "POST", "/api/v1/presentations/ZZ404ZZ/retry", null, partnerPeople, null, null, null);
        rest(rows, "GET", "/api/v1/indicators/activity?from=2026-11-01&to=2026-11-30", null, PEOPLE, null, null,
                null);
        rest(rows, "GET", "/api/v1/indicators/tripartite?from=2026-11-01&to=2026-11-30&format=csv", null, PEOPLE,
                null, null, null);
        rest(rows, "GET", "/api/v1/notification-preferences/me", null, PEOPLE, null, null, null);
        rest(rows, "PUT", "/api/v1/notification-preferences/me", "{\"receivesUpdates\":true}", PEOPLE, null, null,
                null);
        rest(rows, "GET", "/api/v1/notification-preferences/job-seekers/{JS_A}", null, partnerPeople, null, null,
                "A");
        rest(rows, "PUT", "/api/v1/notification-preferences/job-seekers/{JS_A}", "{\"receivesUpdates\":true}",
                partnerPeople, null, null, "A");
        rest(rows, "PUT", "/api/v1/notification-preferences/employers", "{}",
                Set.of("REGIONAL_OPERATOR", "FT_AGENT"), null, null, null);
        rest(rows, "GET", "/api/v1/offer-follow-ups/ZZ404ZZ", null, PEOPLE, null, null, null);
        rest(rows, "POST", "/api/v1/offer-follow-ups/ZZ404ZZ/answer", "{}", PEOPLE, null, null, null);
        // ---------------------------------------------------------------- SOAP
        for (String op : List.of("getRegions", "getDepartements", "getMetiers", "getReferentiel")) {
            soap(rows, "/referentials", op, "", PEOPLE_AND_APPS, null, null, null);
        }
        soap(rows, "/referentials", "getCommunes", "<codeDepartement>38</codeDepartement>", PEOPLE_AND_APPS, null,
                null, null);
        soap(rows, "/referentials", "getAppellations", "<codeROME>G1602</codeROME>", PEOPLE_AND_APPS, null, null,
                null);
        soap(rows, "/referentials", "findMetiers", "<texte>cuisinier</texte>", PEOPLE_AND_APPS, null, null, null);
        soap(rows, "/referentials", "findCommunes", "<texte>grenoble</texte>", PEOPLE_AND_APPS, null, null, null);
        soap(rows, "/offers", "search", "<recherche><last>0</last></recherche>", PEOPLE_AND_APPS,
                "consultation-offres", "api_offresdemploiv2", null);
        soap(rows, "/offers", "get", "<id>ZZ404ZZ</id>", PEOPLE_AND_APPS, "consultation-offres",
                "api_offresdemploiv2", null);
        soap(rows, "/offers-feed", "publish", "", Set.of("FT_FEED"), null, "opus_feed", null);
        soap(rows, "/accounts", "moi", "", PEOPLE, null, null, null);
        soap(rows, "/accounts", "comptes", "<partenaire>{A}</partenaire>", MANAGERS, null, null, "A");
        soap(rows, "/accounts", "compte", "<id>{ACC_A}</id>", PEOPLE, null, null, "A");
        soap(rows, "/accounts", "sieges", "<partenaire>{A}</partenaire>", MANAGERS, null, null, "A");
        soap(rows, "/accounts", "creerCompte", "<nouveauCompte/>", MANAGERS, null, null, null);
        soap(rows, "/accounts", "desactiverCompte", "<id>{ACC_X}</id><motif>Tableau des droits</motif>", MANAGERS,
                null, null, "X");
        soap(rows, "/accounts", "reactiverCompte", "<id>{ACC_X}</id>", MANAGERS, null, null, "X");
        soap(rows, "/accounts", "renvoyerActivation", "<id>{ACC_X}</id>", MANAGERS, null, null, "X");
        soap(rows, "/referrals", "demandeursEmploi", "", partnerPeople, null, null, null);
        soap(rows, "/referrals", "demandeurEmploi", "<id>{JS_A}</id>", PEOPLE, null, null, "A");
        soap(rows, "/referrals", "creerDemandeurEmploi", "<fiche/>", partnerPeople, null, null, null);
        soap(rows, "/referrals", "modifierDemandeurEmploi", "<id>{JS_A}</id><fiche/>", partnerPeople, null, null,
                "A");
        soap(rows, "/referrals", "dossier", "<id>{JS_A}</id>", PEOPLE, null, null, "A");
        soap(rows, "/referrals", "creerActe", "", partnerPeople, "consultation-offres", null, null);
        soap(rows, "/referrals", "faireAvancer", "<id>ZZ404ZZ</id>", PEOPLE, null, null, null);
        soap(rows, "/referrals", "acte", "<id>ZZ404ZZ</id>", PEOPLE, null, null, null);
        soap(rows, "/referrals", "actesSurOffre", "<offre>ZZ404ZZ</offre>", PEOPLE, null, null, null);
        soap(rows, "/referrals", "motifs", "", PEOPLE, null, null, null);
        soap(rows, "/referrals", "presenter", "", partnerPeople, "consultation-offres", null, null);
        soap(rows, "/referrals", "presentation", "<id>ZZ404ZZ</id>", PEOPLE, null, null, null);
        soap(rows, "/referrals", "indicateurs", "<du>2026-01-01</du><au>2026-01-31</au>", PEOPLE, null, null, null);
        // ---------------------------------------------------------------- shell: operators only
        for (String command : List.of("opus:partner-list", "opus:convention-list {A}",
                "opus:convention-services --add delegation-mer --reason \"Tableau des droits\" {CX}",
                "opus:service-list", "opus:account-list {A}", "opus:account-status --on {ACC_X}",
                "opus:client-list", "opus:client-issue --partner {X} --name Tableau --scope opus",
                "opus:client-revoke inconnu", "opus:audit-search --limit 1", "opus:offer-search -k zzzz",
                "opus:offer-show ZZ404ZZ", "opus:offer-feed-status", "opus:rome-find cuisinier",
                "opus:commune-find grenoble", "opus:referential-status", "opus:referral-show ZZ404ZZ",
                "opus:referral-list --offer ZZ404ZZ", "opus:presentation-show ZZ404ZZ", "opus:indicators",
                "opus:employer-show 41222233000018")) {
            rows.add(new Row("SHELL " + command.split(" ")[0], command, null, OPERATOR, null, null, null));
        }
        // last: it revokes the token each caller used
        rest(rows, "DELETE", "/api/v1/session", null, PEOPLE, null, null, null);
        return rows;
    }

    private static void rest(List<Row> rows, String method, String call, String body, Set<String> roles,
            String service, String scope, String owner) {
        String path = call.replaceAll("\\?.*", "").replaceAll("\\{[A-Z_]+}", "{}");
        rows.add(new Row(method + " " + normalise(path.replaceAll("/ZZ404ZZ", "/{}")
                .replaceAll("/(G1602|38185)$", "/{}")), call, body, roles, service, scope, owner));
    }

    private static void soap(List<Row> rows, String address, String operation, String content, Set<String> roles,
            String service, String scope, String owner) {
        rows.add(new Row("SOAP " + address + " " + operation, address, operation + "|" + content, roles, service,
                scope, owner));
    }

    /** The expected answer: 401, 403, 404, or 0 for "let through". */
    static int expected(Row row, Actor actor) {
        if (row.roles().isEmpty()) {
            return 0;
        }
        if (actor == Actor.NONE || actor.locked()) {
            return 401;
        }
        if (!row.roles().contains(actor.role)) {
            return 403;
        }
        boolean partnerBound = actor.partner != null;
        if (partnerBound && row.service() != null && "B".equals(actor.partner)) {
            return 403; // B's convention lacks consultation-offres, the only service a row needs today
        }
        if (row.scope() != null && (actor == Actor.APP_A || actor == Actor.APP_A_OPUS || actor == Actor.FEED)
                && !actor.scopes().contains(row.scope())) {
            return 403; // insufficient-scope
        }
        if ("A2".equals(row.owner())) {
            // a colleague's account: their RGC may, another counsellor may not, as if it did not exist
            return "A".equals(actor.partner) && actor != Actor.COUNSELLOR_A || !partnerBound ? 0 : 404;
        }
        if (partnerBound && row.owner() != null && !row.owner().equals(actor.partner)) {
            return 404;
        }
        return 0;
    }

    @Test
    public void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        setUpActors();
        List<Row> rows = table();
        assertEveryEndpointHasARow(rows);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Row row : rows) {
            for (Actor actor : Actor.values()) {
                if (row.roles().isEmpty() && actor != Actor.NONE) {
                    continue; // public endpoints: credentials are ignored, one anonymous call says it all
                }
                if (row.key().startsWith("SHELL ")) {
                    continue; // below: the shell has its own callers
                }
                int want = expected(row, actor);
                Answer got = row.key().startsWith("SOAP ") ? soapCall(row, actor) : restCall(row, actor);
                checked++;
                if (!got.matches(want)) {
                    failures.add(row.key() + " as " + actor + ": expected " + (want == 0 ? "through" : want)
                            + ", got " + got);
                }
                String leaked = leak(actor, got);
                if (leaked != null) {
                    failures.add(row.key() + " as " + actor + ": the answer names partner " + leaked);
                }
            }
        }
        checked += checkShell(rows, failures);
        assertTrue(failures.size() + " of " + checked + " cells differ:\n" + String.join("\n", failures),
                failures.isEmpty());
        assertTrue("the table checked " + checked + " cells", checked > 500);
    }

    // ------------------------------------------------------------------------------------------------ actors

    private void setUpActors() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        auth.put(Actor.NONE, null);
        auth.put(Actor.OPERATOR, operatorAuth());
        auth.put(Actor.FEED, feedAuth());
        auth.put(Actor.FT_AGENT, login(person(operatorAuth(), "FT_AGENT", null, "Fabienne", "Tardy",
                "agent-" + run + "@francetravail.example")[1], STRONG));

        String[] a = partnerWithConvention("Mission Locale A " + run, 3);
        ids.put("A", a[0]);
        ids.put("CA", a[1]);
        auth.put(Actor.RGC_A, rgc(a[0], "rgc-a-" + run + "@a.example.org"));
        String[] counsellorA = person(auth.get(Actor.RGC_A), "COUNSELLOR", null, "Camille", "Arnaud",
                "conseil-a-" + run + "@a.example.org");
        ids.put("ACC_A", counsellorA[0]);
        auth.put(Actor.COUNSELLOR_A, login(counsellorA[1], STRONG));
        HttpResponse<String> jobSeeker = postJsonAs(auth.get(Actor.COUNSELLOR_A), "/api/v1/job-seekers",
                "{\"firstName\":\"Karim\",\"lastName\":\"Benali\",\"email\":\"karim-" + run
                        + "@example.org\",\"channel\":\"EMAIL\"}");
        assertEquals(jobSeeker.body(), 201, jobSeeker.statusCode());
        ids.put("JS_A", json(jobSeeker).path("id").asText());
        ids.put("SIRET", "41222233000018"); // a valid SIRET no offer carries
        ids.put("SERVICE", "delegation-mer"); // a base service, on X's convention
        HttpResponse<String> colleague = postJsonAs(auth.get(Actor.RGC_A), "/api/v1/accounts",
                "{\"role\":\"COUNSELLOR\",\"firstName\":\"Chloé\",\"lastName\":\"Collin\",\"email\":\"colleague-"
                        + run + "@a.example.org\"}");
        assertEquals(colleague.body(), 201, colleague.statusCode());
        ids.put("ACC_A2", json(colleague).path("id").asText());
        HttpResponse<String> app = postJson("/api/v1/clients", "{\"role\":\"PARTNER_APPLICATION\",\"partnerId\":\""
                + a[0] + "\",\"name\":\"SI de la Mission Locale A\",\"scopes\":[\"api_offresdemploiv2\",\"opus\"]}");
        assertEquals(app.body(), 201, app.statusCode());
        auth.put(Actor.APP_A, "Bearer " + clientToken(json(app).path("client").path("clientId").asText(),
                json(app).path("clientSecret").asText(), "api_offresdemploiv2 opus"));
        auth.put(Actor.APP_A_OPUS, "Bearer " + clientToken(json(app).path("client").path("clientId").asText(),
                json(app).path("clientSecret").asText(), "opus"));

        String[] b = partnerWithConvention("Cap Emploi B " + run, 3, "\"delegation-mer\"", true);
        ids.put("B", b[0]);
        auth.put(Actor.RGC_B, rgc(b[0], "rgc-b-" + run + "@b.example.org"));
        String[] counsellorB = person(auth.get(Actor.RGC_B), "COUNSELLOR", null, "Bastien", "Blanc",
                "conseil-b-" + run + "@b.example.org");
        auth.put(Actor.COUNSELLOR_B, login(counsellorB[1], STRONG));

        String[] n = partnerWithConvention("Relais N " + run, 1);
        ids.put("N", n[0]);
        auth.put(Actor.RGC_N, rgc(n[0], "rgc-n-" + run + "@n.example.org"));
        terminate(n[1], Instant.now().plus(30, ChronoUnit.DAYS));

        String[] t = partnerWithConvention("Relais T " + run, 1);
        auth.put(Actor.RGC_T, rgc(t[0], "rgc-t-" + run + "@t.example.org"));
        terminate(t[1], Instant.now());

        String[] d = partnerWithConvention("Relais D " + run, 1, "\"consultation-offres\"", false);
        String[] rgcD = person(operatorAuth(), "ACCOUNT_MANAGER", d[0], "Rachel", "Gérard",
                "rgc-d-" + run + "@d.example.org");
        auth.put(Actor.RGC_D, basic(rgcD[1], STRONG));

        String[] x = partnerWithConvention("Partenaire X " + run, 2);
        ids.put("X", x[0]);
        ids.put("CX", x[1]);
        HttpResponse<String> accountX = postJson("/api/v1/accounts", "{\"role\":\"COUNSELLOR\",\"partnerId\":\""
                + x[0] + "\",\"firstName\":\"Xavier\",\"lastName\":\"Xenakis\",\"email\":\"x-" + run
                + "@x.example.org\"}");
        assertEquals(accountX.body(), 201, accountX.statusCode());
        ids.put("ACC_X", json(accountX).path("id").asText());
        HttpResponse<String> clientX = postJson("/api/v1/clients", "{\"role\":\"PARTNER_APPLICATION\",\"partnerId\":\""
                + x[0] + "\",\"name\":\"SI X\",\"scopes\":[\"opus\"]}");
        assertEquals(clientX.body(), 201, clientX.statusCode());
        ids.put("CLIENT_X", json(clientX).path("client").path("clientId").asText());
    }

    private static void terminate(String conventionId, Instant noticeEndsAt) {
        HttpResponse<String> terminated = postJson("/api/v1/conventions/" + conventionId + "/termination",
                "{\"noticeEndsAt\":\"" + noticeEndsAt + "\",\"reason\":\"Fin du partenariat\"}");
        assertEquals(terminated.body(), 200, terminated.statusCode());
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    // ------------------------------------------------------------------------------------------------ calls

    /** What came back: the status (a SOAP fault's OpusFault status) and the problem code. */
    record Answer(int status, String code, String excerpt, String body) {

        boolean matches(int want) {
            return switch (want) {
                case 0 -> status != 401 && status != 403 && status < 500;
                case 401 -> status == 401;
                case 403 -> status == 403 && code != null;
                default -> status == want;
            };
        }

        @Override
        public String toString() {
            return status + " " + code + " " + excerpt;
        }
    }

    /** A partner's caller must never be shown another partner's identifier, whatever the endpoint. */
    private String leak(Actor actor, Answer got) {
        if (actor.partner == null || got.body() == null) {
            return null;
        }
        for (String other : List.of("A", "B", "N", "X")) {
            if (!other.equals(actor.partner) && ids.containsKey(other) && got.body().contains(ids.get(other))) {
                return other;
            }
        }
        return null;
    }

    private Answer restCall(Row row, Actor actor) {
        String method = row.key().substring(0, row.key().indexOf(' '));
        HttpResponse<String> response = sendJsonAs(auth.get(actor), method, fill(row.call()),
                row.body() == null ? null : fill(row.body()));
        String body = response.body();
        String code = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            code = json(response).path("code").asText();
        }
        return new Answer(response.statusCode(), code, body.substring(0, Math.min(160, body.length())), body);
    }

    private static final Pattern FAULT_STATUS = Pattern.compile("<(?:\\w+:)?status>(\\d{3})</(?:\\w+:)?status>");
    private static final Pattern FAULT_CODE = Pattern.compile("<(?:\\w+:)?code>([^<]+)</(?:\\w+:)?code>");

    private Answer soapCall(Row row, Actor actor) {
        String[] parts = row.body().split("\\|", 2);
        String namespace = "urn:opus:soap:v1:" + row.call().substring(1).replace("offers-feed", "offers");
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body><n:" + parts[0] + " xmlns:n=\"" + namespace + "\">"
                + fill(parts[1]).replaceAll("<(/?)([a-zA-Z]+)", "<$1n:$2") + "</n:" + parts[0] + ">"
                + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/soap" + row.call()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (auth.get(actor) != null) {
            request.header("Authorization", auth.get(actor));
        }
        HttpResponse<String> response = send(request.build());
        String body = response.body();
        if (!body.contains("Fault>")) {
            return new Answer(response.statusCode(), null, "", body);
        }
        Matcher status = FAULT_STATUS.matcher(body);
        Matcher code = FAULT_CODE.matcher(body);
        return new Answer(status.find() ? Integer.parseInt(status.group(1)) : 500, code.find() ? code.group(1) : null,
                body.substring(Math.max(0, body.indexOf("faultstring")), Math.min(body.length(),
                        body.indexOf("faultstring") + 200)), body);
    }

    // ------------------------------------------------------------------------------------------------ shell

    /**
     * Each command as the operator (logged in through the realm), anonymously, and as every other role (a subject
     * carrying that role's caller, as no login could produce: the realm only admits operators).
     */
    private int checkShell(List<Row> rows, List<String> failures) {
        Subject operator = shellLogin(OPERATOR_LOGIN, System.getProperty("opus.it.operator.password"));
        int checked = 0;
        for (Row row : rows) {
            if (!row.key().startsWith("SHELL ")) {
                continue;
            }
            String command = fill(row.call());
            String asOperator;
            try {
                asOperator = shellAs(operator, command);
            } catch (IllegalStateException e) {
                failures.add(row.key() + " as OPERATOR: " + command + " failed: " + e.getCause());
                continue;
            }
            checked++;
            if (refused(asOperator)) {
                failures.add(row.key() + " as OPERATOR: refused: " + asOperator);
            }
            String anonymous = shellAs(null, command);
            checked++;
            if (!anonymous.contains("réservée aux opérateurs")) {
                failures.add(row.key() + " anonymously: not refused: " + anonymous);
            }
            // Karaf's administrator role from any other realm, without an Opus caller, is not the local console
            Subject karafAdmin = new Subject();
            karafAdmin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("intrus"));
            karafAdmin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal("admin"));
            karafAdmin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.ClientPrincipal("ssh",
                    "192.0.2.1"));
            String admin = shellAs(karafAdmin, command);
            checked++;
            if (!admin.contains("réservée aux opérateurs")) {
                failures.add(row.key() + " as a Karaf admin without Opus caller: not refused: " + admin);
            }
            for (String role : List.of("FT_AGENT", "ACCOUNT_MANAGER", "COUNSELLOR")) {
                String output = shellAs(subjectOf(role), command);
                checked++;
                if (!output.contains("ne permet pas cette opération")) {
                    failures.add(row.key() + " as " + role + ": not refused: " + output);
                }
            }
        }
        return checked;
    }

    private static boolean refused(String output) {
        return output.contains("réservée aux opérateurs") || output.contains("ne permet pas cette opération");
    }

    private Subject subjectOf(String role) {
        fr.opus.platform.api.security.Role r = fr.opus.platform.api.security.Role.valueOf(role);
        fr.opus.platform.api.security.Caller caller = new fr.opus.platform.api.security.Caller("forged-" + role,
                "forged", r, r.partnerBound() ? ids.get("A") : null, r.partnerBound() ? ids.get("CA") : null, "84",
                Set.of("consultation-offres", "delegation-mer"), Set.of(), null);
        Subject subject = new Subject();
        subject.getPrincipals().add(caller);
        return subject;
    }

    // ------------------------------------------------------------------------------------------------ completeness

    /** Every endpoint the platform serves has a row, and every row names an endpoint the platform serves. */
    private void assertEveryEndpointHasARow(List<Row> rows) throws Exception {
        Set<String> served = new TreeSet<>();
        served.addAll(restEndpoints());
        served.addAll(soapOperations());
        served.addAll(shellCommands());
        Set<String> tabled = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(tabled);
        Set<String> stale = new TreeSet<>(tabled);
        stale.removeAll(served);
        assertTrue("endpoints without a row in the authorisation table: " + missing, missing.isEmpty());
        assertTrue("rows naming no endpoint: " + stale, stale.isEmpty());
        assertTrue(served.toString(), served.size() > 80);
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(AuthorizationIT.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T found = tracker.waitForService(30_000);
        if (found == null) {
            throw new AssertionError("no " + type.getName());
        }
        return found;
    }

    private static Set<String> restEndpoints() throws InterruptedException {
        var runtime = service(JaxrsServiceRuntime.class).getRuntimeDTO();
        List<ApplicationDTO> applications = new ArrayList<>();
        applications.add(runtime.defaultApplication);
        applications.addAll(Arrays.asList(runtime.applicationDTOs));
        Set<String> endpoints = new TreeSet<>();
        for (ApplicationDTO application : applications) {
            for (ResourceDTO resource : application.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    endpoints.add(method.method + " " + normalise(application.base + "/" + method.path));
                }
            }
        }
        return endpoints;
    }

    static String normalise(String path) {
        String p = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Set<String> soapOperations() {
        Set<String> operations = new TreeSet<>();
        ServerRegistry registry = BusFactory.getDefaultBus().getExtension(ServerRegistry.class);
        for (Server server : registry.getServers()) {
            String address = server.getEndpoint().getEndpointInfo().getAddress();
            for (BindingOperationInfo operation : server.getEndpoint().getEndpointInfo().getBinding()
                    .getOperations()) {
                operations.add("SOAP " + address + " " + operation.getName().getLocalPart());
            }
        }
        return operations;
    }

    private static Set<String> shellCommands() throws InterruptedException {
        return service(SessionFactory.class).getRegistry().getCommands().stream()
                .filter(c -> "opus".equals(c.getScope())).map(c -> "SHELL opus:" + c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
