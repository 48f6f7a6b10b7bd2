package fr.opus.contacts.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static fr.opus.platform.rest.openapi.OpenApiContract.required;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.JobSeekers;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentations;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.JsonProvider;
import fr.opus.platform.rest.openapi.CallerContext;
import fr.opus.platform.rest.openapi.FragmentContract;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
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

    private static final Class<?>[] RESOURCES = {JobSeekerResource.class, ReferralResource.class,
        PresentationResource.class, IndicatorResource.class, NotificationPreferenceResource.class,
        OfferFollowUpResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("JobSeekerDraft", JobSeekerDraft.class),
            Map.entry("JobSeeker", JobSeeker.class),
            Map.entry("JobSeekerFile", JobSeekerFile.class),
            Map.entry("NewReferral", ReferralResource.NewReferral.class),
            Map.entry("ReferralTransition", ReferralResource.Transition.class),
            Map.entry("Referral", Referral.class),
            Map.entry("ReferralEvent", ReferralEvent.class),
            Map.entry("RejectionReason", ReferralResource.Reason.class),
            Map.entry("NewPresentation", PresentationResource.NewPresentation.class),
            Map.entry("Presentation", Presentation.class),
            Map.entry("PresentationCandidate", Presentation.Candidate.class),
            Map.entry("PresentationDelivery", Presentation.Delivery.class),
            Map.entry("PlacementActivity", PlacementActivity.class),
            Map.entry("TripartiteIndicators", TripartiteIndicators.class),
            Map.entry("NotificationPreference", NotificationPreferenceResource.Preference.class),
            Map.entry("EmployerNotificationPreference", NotificationPreferenceResource.EmployerPreference.class),
            Map.entry("FollowUp", fr.opus.contacts.api.FollowUp.class),
            Map.entry("FollowUpAnswer", OfferFollowUpResource.Answer.class));

    /** What the methods returning a {@link Response} put in it: 201 Created with this entity and a Location. */
    private static final Map<Operation, Class<? extends Record>> CREATED = Map.of(
            new Operation("POST", "/api/v1/job-seekers"), JobSeeker.class,
            new Operation("POST", "/api/v1/referrals"), Referral.class,
            new Operation("POST", "/api/v1/presentations"), Presentation.class);

    /**
     * What the other methods returning a {@link Response} put in it: 200 OK with, for each media type it may answer
     * with, the Java type of the entity (JSON as Jackson writes it, CSV as a string, PDF as bytes).
     */
    private static final Map<Operation, Map<String, Type>> BUILT = Map.of(
            new Operation("GET", "/api/v1/indicators/activity"),
            Map.of("application/json", new Of<List<PlacementActivity>>() { }.type, IndicatorResource.CSV, String.class),
            new Operation("GET", "/api/v1/indicators/tripartite"),
            Map.of("application/json", TripartiteIndicators.class, IndicatorResource.CSV, String.class),
            new Operation("GET", "/api/v1/presentations/{id}/document"), Map.of("application/pdf", byte[].class));

    /** The free text of each body that ContactsManager screens for DOMAIN §9 (422 forbidden-personal-data). */
    private static final Map<Class<? extends Record>, String> SCREENED = Map.of(
            JobSeekerDraft.class, "note",
            ReferralResource.NewReferral.class, "comment",
            ReferralResource.Transition.class, "comment",
            PresentationResource.NewPresentation.class, "message",
            OfferFollowUpResource.Answer.class, "comment");

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
            Map.entry(ContactProblemCodes.PRESENTATION_NOT_FOUND, Set.of(404)),
            Map.entry(OFFER_NOT_FOUND, Set.of(404)),
            Map.entry(ContactProblemCodes.ACT_NOT_ALLOWED, Set.of(409)),
            Map.entry(ContactProblemCodes.INVALID_TRANSITION, Set.of(409)),
            Map.entry(ContactProblemCodes.DUPLICATE_REFERRAL, Set.of(409)),
            Map.entry(ContactProblemCodes.IDEMPOTENCY_KEY_REUSED, Set.of(409)),
            Map.entry(ProblemCodes.FORBIDDEN_PERSONAL_DATA, Set.of(422)));

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static final Caller COUNSELLOR = new Caller("a-1", "cmartin", Role.COUNSELLOR, "p-1", "c-1", "84",
            Set.of("consultation-offres"), Set.of(), null);

    private static final FragmentContract CONTRACT = FragmentContract.of("/OSGI-INF/openapi/contacts.json", RECORDS,
            RESOURCES);

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        CONTRACT.assertServedAsDocumented();
    }

    @Test
    void pathQueryAndHeaderParametersAreThoseTheMethodsReadWithTheirTypes() {
        CONTRACT.assertPathAndQueryParametersAreRead();
        CONTRACT.assertHeaderParametersAreRead();
        CONTRACT.assertParameterTypes();
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        CONTRACT.assertJsonRequestBodies(SCREENED);
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        CONTRACT.assertSuccessAnswers((operation, method) -> {
            Class<? extends Record> created = CREATED.get(operation);
            Map<String, Type> built = BUILT.get(operation);
            assertTrue(created != null ^ built != null,
                    operation + " builds its Response: say what it holds in CREATED or in BUILT");
            if (created != null) {
                CONTRACT.assertBuiltAnswer(operation, 201, created);
            } else {
                Map<String, Object> ok = object(at(CONTRACT.documented(operation), "responses", "200"),
                        operation + " 200");
                assertEquals(built.keySet(), names(ok.get("content")), operation + " (200 types)");
                Set<String> produced = Set.of(method.getAnnotation(Produces.class).value());
                built.forEach((mediaType, type) -> {
                    assertTrue(produced.contains(mediaType), operation + " @Produces " + mediaType);
                    OpenApiContract.assertSchemaIs(RECORDS, at(ok, "content", mediaType, "schema"), type,
                            operation + " " + mediaType);
                });
            }
        });
        assertTrue(CONTRACT.served().keySet().containsAll(CREATED.keySet()), "CREATED names served operations");
        assertTrue(CONTRACT.served().keySet().containsAll(BUILT.keySet()), "BUILT names served operations");
    }

    @Test
    void creationsAnswer201WithTheRecordAndItsLocation() {
        SecurityContext security = new CallerContext(COUNSELLOR);

        Operation createJobSeeker = new Operation("POST", "/api/v1/job-seekers");
        Response jobSeeker = new JobSeekerResource(new FakeJobSeekers()).create(security,
                new JobSeekerDraft("Camille", "Dupont", null, "camille@exemple.fr", null, null, Channel.EMAIL, null));
        CONTRACT.assertCreated(createJobSeeker, jobSeeker, CREATED.get(createJobSeeker), "/api/v1/job-seekers/js-1");

        Operation createReferral = new Operation("POST", "/api/v1/referrals");
        Response referral = new ReferralResource(new FakeReferrals()).create(security,
                new ReferralResource.NewReferral("201WLXK", "js-1", ReferralKind.CONTACT, true, null));
        CONTRACT.assertCreated(createReferral, referral, CREATED.get(createReferral), "/api/v1/referrals/r-1");

        Operation present = new Operation("POST", "/api/v1/presentations");
        Response presentation = new PresentationResource(new FakePresentations()).present(security,
                "6f1c2b9e-3d4a-4e8b", new PresentationResource.NewPresentation("201WLXK", List.of("js-1"), null));
        CONTRACT.assertCreated(present, presentation, CREATED.get(present), "/api/v1/presentations/pr-1");
    }

    @Test
    void builtAnswersHoldWhatTheFragmentSays() {
        SecurityContext security = new CallerContext(COUNSELLOR);
        IndicatorResource indicators = new IndicatorResource(new FakeIndicators());
        Operation activity = new Operation("GET", "/api/v1/indicators/activity");
        Operation tripartite = new Operation("GET", "/api/v1/indicators/tripartite");
        Set<String> seen = new TreeSet<>();
        for (String format : new String[] {null, "json", "csv"}) {
            assertBuilt(activity, indicators.activity(security, "2026-01-01", "2026-03-31", null, format), seen);
            assertBuilt(tripartite, indicators.tripartite(security, "2026-01-01", "2026-03-31", null, format), seen);
        }
        PresentationResource presentations = new PresentationResource(new FakePresentations());
        Operation document = new Operation("GET", "/api/v1/presentations/{id}/document");
        assertBuilt(document, presentations.document(security, "pr-1"), seen);
        Set<String> documented = new TreeSet<>();
        BUILT.forEach((operation, types) -> types.keySet().forEach(type -> documented.add(operation + " " + type)));
        assertEquals(documented, seen, "every media type in BUILT is answered by the resource");

        Operation retry = new Operation("POST", "/api/v1/presentations/{id}/retry");
        Map<String, Integer> retried = presentations.retry(security, "pr-1");
        Map<String, Object> schema = object(at(CONTRACT.documented(retry), "responses", "200", "content",
                "application/json", "schema"), retry.toString());
        assertEquals(names(schema.get("properties")), retried.keySet(), retry + " answers the documented properties");
        assertEquals(required(schema), retried.keySet(), retry + " always writes them");
    }

    /**
     * The records with derived accessors ({@code acts()}, {@code directContactShare()}…): Jackson, as the Opus JSON
     * provider sets it up, writes their components only, so the schemas hold the components and nothing else.
     */
    @Test
    void jacksonWritesTheComponentsOfTheIndicatorRecordsOnly() {
        ObjectMapper mapper = JsonProvider.newMapper();
        Map<Class<? extends Record>, Object> samples = Map.of(
                PlacementActivity.class, FakeIndicators.ACTIVITY,
                TripartiteIndicators.class, FakeIndicators.TRIPARTITE);
        samples.forEach((record, sample) -> {
            String name = RECORDS.entrySet().stream().filter(e -> e.getValue() == record).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            Set<String> written = new TreeSet<>();
            mapper.valueToTree(sample).fieldNames().forEachRemaining(written::add);
            assertEquals(names(at(CONTRACT.schemas(), name, "properties")), written,
                    name + ": what Jackson writes (every value set in the sample)");
        });
    }

    @Test
    void accessIsDocumentedAsTheResourcesApplyIt() {
        CONTRACT.assertAccessAsApplied((operation, method, allowed) -> {
            assertNotNull(allowed, operation + ": no contacts operation is public");
            String description = (String) CONTRACT.documented(operation).get("description");
            Permit permit = method.getAnnotation(Permit.class) != null ? method.getAnnotation(Permit.class)
                    : method.getDeclaringClass().getAnnotation(Permit.class);
            if (!permit.service().isEmpty()) {
                assertTrue(description.contains("« " + permit.service() + " »"),
                        operation + " says its convention service " + permit.service());
                assertTrue(CONTRACT.codes(operation, "403").contains(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION),
                        operation + " answers 403 service-not-in-convention");
            }
            assertTrue(permit.scope().isEmpty(), operation + ": document the OAuth2 scope, then relax this");
        });
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        CONTRACT.assertSchemasAreTheRecords();
        CONTRACT.assertEnumsListEveryConstant(); // no narrower lists here: every constant may be read or written
        CONTRACT.assertPrimitivesAreRequired();
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        CONTRACT.assertReferencesTagsAndOperationIdsHoldTogether();
        CONTRACT.assertErrorsAreProblemDocuments();
    }

    @Test
    void problemCodesAreTheRealOnesUnderTheirStatusAndExamplesAgree() {
        Set<String> known = new TreeSet<>(FragmentContract.publishedCodes(ProblemCodes.class,
                SecurityProblemCodes.class, ContactProblemCodes.class));
        known.add(OFFER_NOT_FOUND);
        CONTRACT.assertProblemCodes(STATUSES, known);
    }

    @Test
    void theTransitionsOperationDescribesTheStateMachineAsTheCodeHasIt() {
        Operation transitions = new Operation("POST", "/api/v1/referrals/{id}/transitions");
        String description = (String) CONTRACT.documented(transitions).get("description");
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
        Operation create = new Operation("POST", "/api/v1/referrals");
        String description = (String) CONTRACT.documented(create).get("description");
        for (ReferralKind kind : ReferralKind.values()) {
            String line = "\n- " + kind.name() + " (" + kind.label() + ") : ";
            assertEquals(1, (description.length() - description.replace(line, "").length()) / line.length(),
                    kind + " has one rule line « - " + kind + " (" + kind.label() + ") : … »");
        }
        assertTrue(description.contains("« delegation-mer »"), "the mise en relation needs delegation-mer");
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        Map<Operation, Method> served = CONTRACT.served();
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/referrals/reasons")));
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/referrals/{id}")));
        assertTrue(served.containsKey(new Operation("POST", "/api/v1/referrals/{id}/transitions")));
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/job-seekers/{id}/file")));
        assertTrue(served.containsKey(new Operation("POST", "/api/v1/presentations/{id}/retry")));
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/indicators/tripartite")));
        assertTrue(served.containsKey(new Operation("PUT", "/api/v1/notification-preferences/job-seekers/{id}")));
        assertEquals(24, served.size(), "the operations of JobSeekerResource (5), ReferralResource (5),"
                + " PresentationResource (5), IndicatorResource (2), NotificationPreferenceResource (5) and"
                + " OfferFollowUpResource (2): "
                + served.keySet());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A built answer: its media type is in BUILT and documented, its entity and headers as documented. */
    private static void assertBuilt(Operation operation, Response response, Set<String> seen) {
        assertEquals(200, response.getStatus(), operation + " (status)");
        MediaType media = response.getMediaType();
        String type = media.getType() + "/" + media.getSubtype();
        Type entity = BUILT.get(operation).get(type);
        assertNotNull(entity, operation + " answers " + type + ": say so in BUILT");
        assertNotNull(at(CONTRACT.documented(operation), "responses", "200", "content", type), operation + " " + type);
        Class<?> raw = entity instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) entity;
        assertTrue(raw.isInstance(response.getEntity()), operation + " " + type + " holds a " + entity);
        for (String header : response.getStringHeaders().keySet()) {
            if (!header.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                assertNotNull(at(CONTRACT.documented(operation), "responses", "200", "headers", header),
                        operation + " documents its header " + header);
            }
        }
        seen.add(operation + " " + type);
    }

    /** A generic type, read from an anonymous subclass: {@code new Of<List<X>>() { }.type}. */
    private abstract static class Of<T> {
        final Type type = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
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

    /** Fixed figures, every value set; the JSON and CSV answers are built from them. */
    private static final class FakeIndicators implements Indicators {

        static final PlacementActivity ACTIVITY = new PlacementActivity("p-1", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-03-31"), 12, 4, 1, 6, 3, 5, 2, 7);
        static final TripartiteIndicators TRIPARTITE = new TripartiteIndicators("p-1", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-03-31"), 8, 4, 4, 1, 12.5);

        @Override
        public List<PlacementActivity> activity(Caller by, LocalDate from, LocalDate to, String partnerId) {
            return List.of(ACTIVITY);
        }

        @Override
        public TripartiteIndicators tripartite(Caller by, LocalDate from, LocalDate to, String partnerId) {
            return TRIPARTITE;
        }
    }

    /** Presents as pr-1, gives its PDF and retries one mail; nothing else is called here. */
    private static final class FakePresentations implements Presentations {

        @Override
        public Presentation present(Caller by, String offerId, List<String> jobSeekerIds, String message,
                String requestKey) {
            Presentation.Delivery pending = new Presentation.Delivery(Presentation.Delivery.Status.PENDING, 0, null,
                    null);
            return new Presentation("pr-1", offerId, by.partnerId(), by.id(), NOW, "employer", pending,
                    List.of(new Presentation.Candidate(jobSeekerIds.get(0), "r-1", "Camille", "Dupont",
                            Channel.EMAIL, pending)));
        }

        @Override
        public Presentation presentation(Caller by, String presentationId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<Presentation> onOffer(Caller by, String offerId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public int retryFailed(Caller by, String presentationId) {
            return 1;
        }

        @Override
        public byte[] document(Caller by, String presentationId) {
            return "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        }
    }
}
