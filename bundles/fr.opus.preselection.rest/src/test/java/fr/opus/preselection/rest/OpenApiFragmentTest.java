package fr.opus.preselection.rest;

import static fr.opus.platform.rest.openapi.OpenApiContract.at;
import static fr.opus.platform.rest.openapi.OpenApiContract.list;
import static fr.opus.platform.rest.openapi.OpenApiContract.names;
import static fr.opus.platform.rest.openapi.OpenApiContract.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.JsonProvider;
import fr.opus.platform.rest.openapi.CallerContext;
import fr.opus.platform.rest.openapi.FragmentContract;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.PreselectionProblemCodes;
import fr.opus.preselection.api.Preselections;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI fragment is the contract: it documents exactly the operations the resource serves, with the
 * parameters and bodies it reads, the roles, convention service and OAuth2 scope its {@code @Permit} asks for,
 * schemas whose properties are those Jackson writes and reads for the records, the problem codes the preselection
 * service answers with, and what makes this an optional module.
 */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {PreselectionResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("OfferPreselection", OfferPreselection.class),
            Map.entry("PreselectionCriterion", Criterion.class),
            Map.entry("PreselectionCommitments", Commitments.class),
            Map.entry("PreselectionDraft", PreselectionDraft.class),
            Map.entry("Candidacy", Candidacy.class),
            Map.entry("CandidacyDraft", CandidacyDraft.class),
            Map.entry("CandidacyAssessment", Assessment.class),
            Map.entry("CandidacyFeedback", EmployerFeedback.class),
            Map.entry("CandidacyReview", PreselectionResource.Review.class),
            Map.entry("CandidacyFeedbackDraft", PreselectionResource.Feedback.class),
            Map.entry("CandidacyWithdrawal", PreselectionResource.Withdrawal.class),
            Map.entry("PreselectionIndicators", PreselectionIndicators.class));

    private static final Operation DEFINE = new Operation("PUT", "/api/v1/preselection/offers/{offerId}");
    private static final Operation PROPOSE = new Operation("POST", "/api/v1/preselection/offers/{offerId}/candidacies");
    private static final Operation REVIEW = new Operation("POST", "/api/v1/preselection/candidacies/{id}/review");
    private static final Operation FEEDBACK = new Operation("POST", "/api/v1/preselection/candidacies/{id}/feedback");
    private static final Operation WITHDRAW = new Operation("POST",
            "/api/v1/preselection/candidacies/{id}/withdrawal");

    /**
     * The free text of each body that PreselectionManager screens for personal data (DOMAIN §9), as the 422 example
     * names it: the prerequisites (and criteria names) of the requirements, the synthesis (and comment, assessments'
     * comments) of a proposal, the review's and the withdrawal's note, the employer's comment.
     */
    private static final Map<Class<? extends Record>, String> SCREENED = Map.of(
            PreselectionDraft.class, "prerequisites",
            CandidacyDraft.class, "synthesis",
            PreselectionResource.Review.class, "note",
            PreselectionResource.Feedback.class, "comment",
            PreselectionResource.Withdrawal.class, "note");

    /** The text behind each documented forbidden-personal-data example, as a person would type it. */
    private static final Map<Operation, String> FORBIDDEN_TEXT = Map.of(
            DEFINE, "Non syndiqué",
            PROPOSE, "Cariste expérimenté, diabétique, très motivé par un poste en journée.",
            REVIEW, "Écartée : surendettement signalé par le conseiller.",
            FEEDBACK, "Bon contact, mais enceinte : l'employeur préfère attendre.",
            WITHDRAW, "Le candidat est incarcéré.");

    /** What the methods returning a {@link Response} put in it: 201 Created with this entity and a Location. */
    private static final Map<Operation, Class<? extends Record>> CREATED = Map.of(PROPOSE, Candidacy.class);

    /**
     * Each problem code these operations answer with and its HTTP statuses, as the preselection service (its codes,
     * and the contacts codes that pass through when a candidacy is proposed or its act moved), the resource, the JSON
     * provider, SensitiveText and the platform's Guard and authenticator throw them. Every code here is documented,
     * and every documented code is documented under its status.
     */
    private static final Map<String, Set<Integer>> STATUSES = Map.ofEntries(
            Map.entry(ProblemCodes.INVALID_PARAMETER, Set.of(400)),
            Map.entry(ProblemCodes.MALFORMED_BODY, Set.of(400)),
            Map.entry(PreselectionProblemCodes.INVALID_PRESELECTION, Set.of(400)),
            Map.entry(PreselectionProblemCodes.INVALID_FEEDBACK, Set.of(400)),
            Map.entry(SecurityProblemCodes.UNAUTHORIZED, Set.of(401)),
            Map.entry(SecurityProblemCodes.INVALID_TOKEN, Set.of(401)),
            Map.entry(SecurityProblemCodes.ACCOUNT_LOCKED, Set.of(401)),
            Map.entry(SecurityProblemCodes.CONVENTION_NOT_IN_FORCE, Set.of(401)),
            Map.entry(SecurityProblemCodes.FORBIDDEN, Set.of(403)),
            Map.entry(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION, Set.of(403)),
            Map.entry(SecurityProblemCodes.INSUFFICIENT_SCOPE, Set.of(403)),
            // 404: unknown or inactive offer; 409: an active offer without preselection
            Map.entry(PreselectionProblemCodes.OFFER_NOT_PRESELECTED, Set.of(404, 409)),
            Map.entry(PreselectionProblemCodes.CANDIDACY_NOT_FOUND, Set.of(404)),
            Map.entry(ContactProblemCodes.JOB_SEEKER_NOT_FOUND, Set.of(404)),
            Map.entry(PreselectionProblemCodes.NOT_DEFINED, Set.of(409)),
            Map.entry(PreselectionProblemCodes.CANDIDACY_STATE, Set.of(409)),
            Map.entry(ContactProblemCodes.DUPLICATE_REFERRAL, Set.of(409)),
            // the act moved elsewhere (withdrawn, closed for want of an answer) before the review or the feedback
            Map.entry(ContactProblemCodes.INVALID_TRANSITION, Set.of(409)),
            Map.entry(PreselectionProblemCodes.REQUIREMENTS_NOT_MET, Set.of(422)),
            Map.entry(ProblemCodes.FORBIDDEN_PERSONAL_DATA, Set.of(422)));

    /** The malformed body behind each documented malformed-body example, as a client would send it. */
    private static final Map<Operation, String> MALFORMED = Map.of(
            PROPOSE, "{\"jobSeekerId\": \"js-42\", \"assessments\": [{\"tool\": \"MRX\", \"on\": \"2026-11-02\","
                    + " \"favourable\": true}]}",
            WITHDRAW, "{\"reason\": \"OTHER\"}");

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static final FragmentContract CONTRACT = FragmentContract.of("/OSGI-INF/openapi/preselection.json",
            RECORDS, RESOURCES);

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        CONTRACT.assertServedAsDocumented();
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsReadWithTheirTypes() {
        CONTRACT.assertPathAndQueryParametersAreRead();
        CONTRACT.assertHeaderParametersAreRead();
        CONTRACT.assertParameterTypes();
        for (Operation operation : CONTRACT.servedAndDocumented().keySet()) {
            Set<String> template = OpenApiContract.templateParameters(operation.path());
            if (template.contains("offerId")) {
                for (String status : List.of("404", "409")) {
                    assertTrue(CONTRACT.codes(operation, status).contains(
                            PreselectionProblemCodes.OFFER_NOT_PRESELECTED), operation + ": the offer may be unknown "
                            + "or inactive (404) or not preselected (409): " + status + " offer-not-preselected");
                }
            }
            if (template.contains("id")) {
                assertEquals(Set.of(PreselectionProblemCodes.CANDIDACY_NOT_FOUND), CONTRACT.codes(operation, "404"),
                        operation + ": an unknown candidacy, or another partner's, is 404 candidacy-not-found");
                if (operation.method().equals("POST")) {
                    assertTrue(CONTRACT.codes(operation, "409").contains(PreselectionProblemCodes.CANDIDACY_STATE),
                            operation + ": a step the candidacy's state does not allow is 409 candidacy-state");
                }
            }
        }
    }

    /**
     * The bodies, with a 422 forbidden-personal-data wherever a text is screened; a proposal is also held to what the
     * level requires, under the same 422.
     */
    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        CONTRACT.assertJsonRequestBodies(SCREENED);
        for (Operation operation : CONTRACT.servedAndDocumented().keySet()) {
            Class<?> body = entityType(operation);
            Set<String> expected = operation.equals(PROPOSE)
                    ? Set.of(PreselectionProblemCodes.REQUIREMENTS_NOT_MET, ProblemCodes.FORBIDDEN_PERSONAL_DATA)
                    : body != null && SCREENED.containsKey(body) ? Set.of(ProblemCodes.FORBIDDEN_PERSONAL_DATA)
                    : Set.of();
            assertEquals(expected, CONTRACT.codes(operation, "422"), operation + " (422)");
        }
    }

    /** The forbidden-personal-data examples are what SensitiveText really says of a typical text. */
    @Test
    void forbiddenPersonalDataExamplesAreWhatTheScreenSays() {
        assertEquals(SCREENED.size(), FORBIDDEN_TEXT.size(), "one example per screened body");
        FORBIDDEN_TEXT.forEach((operation, text) -> {
            Map<String, Object> example = object(at(CONTRACT.documented(operation), "responses", "422", "content",
                    "application/problem+json", "example"), operation + " 422 example");
            String field = SCREENED.get(entityType(operation));
            OpusException refused = assertThrows(OpusException.class, () -> SensitiveText.check(text, field),
                    operation + ": « " + text + " » is screened");
            assertEquals(422, refused.status(), operation.toString());
            assertEquals(refused.code(), example.get("code"), operation + " (code)");
            assertEquals(refused.detail(), example.get("detail"), operation + " (detail)");
            assertEquals(refused.field(), example.get("field"), operation + " (field)");
        });
    }

    /** Each body example is read by the Opus JSON provider into the record the method reads, which refuses others. */
    @Test
    void bodyExamplesAreReadByTheJsonProvider() throws Exception {
        ObjectMapper mapper = JsonProvider.newMapper();
        int examples = 0;
        for (Map.Entry<Operation, Method> served : CONTRACT.servedAndDocumented().entrySet()) {
            Parameter entity = OpenApiContract.entityParameter(served.getValue());
            if (entity == null) {
                continue;
            }
            Object example = at(CONTRACT.documented(served.getKey()), "requestBody", "content", "application/json",
                    "example");
            assertNotNull(example, served.getKey() + " shows an example body");
            Object read = mapper.readValue(json(mapper, example), entity.getType());
            assertEquals(entity.getType(), read.getClass(), served.getKey().toString());
            examples++;
        }
        assertEquals(5, examples, "the bodies of PUT offers, POST candidacies, review, feedback and withdrawal");
        assertNull(mapper.readValue("{}", PreselectionResource.Withdrawal.class).note(), "{} withdraws without note");
    }

    /** The malformed-body examples are what the JSON provider really answers for a typical mistake. */
    @Test
    void malformedBodyExamplesAreWhatTheJsonProviderSays() {
        JsonProvider provider = new JsonProvider();
        MALFORMED.forEach((operation, body) -> {
            Map<String, Object> example = object(at(CONTRACT.documented(operation), "responses", "400", "content",
                    "application/problem+json", "example"), operation + " 400 example");
            Parameter entity = OpenApiContract.entityParameter(CONTRACT.served().get(operation));
            OpusException refused = assertThrows(OpusException.class, () -> read(provider, entity, body));
            assertEquals(ProblemCodes.MALFORMED_BODY, example.get("code"), operation.toString());
            assertEquals(refused.detail(), example.get("detail"), operation + " (detail)");
            assertEquals(refused.field(), example.get("field"), operation + " (field)");
        });
    }

    @Test
    void successAnswersHaveTheSchemaOfWhatTheMethodReturns() {
        CONTRACT.assertSuccessAnswers((operation, method) -> {
            Class<? extends Record> created = CREATED.get(operation);
            assertNotNull(created, operation + " builds its Response: say what it holds in CREATED");
            CONTRACT.assertBuiltAnswer(operation, 201, created);
        });
        assertTrue(CONTRACT.served().keySet().containsAll(CREATED.keySet()), "CREATED names served operations");
    }

    @Test
    void aProposalAnswers201WithTheCandidacyAndItsLocation() {
        Caller counsellor = new Caller("a-1", "cmartin", Role.COUNSELLOR, "p-1", "c-1", "84",
                Set.of(Preselections.SERVICE), Set.of(), null);
        PreselectionResourceTest.FakePreselections service = new PreselectionResourceTest.FakePreselections();
        Response response = new PreselectionResource(service).propose(new CallerContext(counsellor), "201WLXK",
                new CandidacyDraft("js-42", true, LocalDate.parse("2026-12-01"), Map.of("Permis B", true), null, null,
                        null, null));
        CONTRACT.assertCreated(PROPOSE, response, CREATED.get(PROPOSE), "/api/v1/preselection/candidacies/c-1");
        assertTrue(((String) at(CONTRACT.documented(PROPOSE), "responses", "201", "headers", "Location",
                "description")).contains("/api/v1/preselection/candidacies/{id}"), "the Location says where");
    }

    /**
     * Applications only read: the requirements, the proposal, the review, the feedback and the withdrawal are acts of
     * people, as PreselectionManager (and core, for the mise en relation they move) has them.
     */
    @Test
    void onlyPeopleActOnCandidacies() {
        CONTRACT.served().forEach((operation, method) -> {
            Set<Role> allowed = OpenApiContract.allowedRoles(method);
            if (!operation.method().equals("GET")) {
                assertTrue(allowed.stream().noneMatch(Role::machine), operation + ": people only, " + allowed);
                assertEquals("", method.getAnnotation(Permit.class).scope(), operation + ": no OAuth2 scope");
            }
        });
        assertEquals(EnumSet.of(Role.ACCOUNT_MANAGER, Role.COUNSELLOR),
                EnumSet.copyOf(OpenApiContract.allowedRoles(CONTRACT.served().get(PROPOSE))),
                "a partner's counsellors and account manager propose, as PreselectionManager.propose has it");
    }

    @Test
    void accessIsDocumentedAsTheResourceAppliesIt() {
        CONTRACT.assertAccessAsApplied((operation, method, allowed) -> {
            assertNotNull(allowed, operation + ": no preselection operation is public");
            String description = (String) CONTRACT.documented(operation).get("description");
            Set<String> forbidden = CONTRACT.codes(operation, "403");
            Permit permit = method.getAnnotation(Permit.class);
            assertNotNull(permit, operation + ": @Permit on each method, none on the class");
            assertEquals(Preselections.SERVICE, permit.service(),
                    operation + ": every operation belongs to the module's convention service");
            boolean partners = allowed.stream().anyMatch(Role::partnerBound);
            assertEquals(partners, description.contains("« " + Preselections.SERVICE + " »"),
                    operation + " says its convention service exactly when partners may come");
            assertEquals(partners, forbidden.contains(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION),
                    operation + " answers 403 service-not-in-convention exactly when partners may come");
            assertEquals(allowed.contains(Role.PARTNER_APPLICATION), permit.scope().equals("opus"),
                    operation + ": applications need the scope « opus », and only they may come");
            assertEquals(!permit.scope().isEmpty(), description.contains("portée OAuth2 « opus »"),
                    operation + " says its OAuth2 scope");
            assertEquals(!permit.scope().isEmpty(), forbidden.contains(SecurityProblemCodes.INSUFFICIENT_SCOPE),
                    operation + " answers 403 insufficient-scope exactly when it asks a scope");
            assertFalse(allowed.contains(Role.FT_FEED), operation + ": not the feed");
        });
    }

    /** The one tag says what an optional module is: paths that come and go with it, and its convention service. */
    @Test
    void theTagDescribesTheOptionalModule() {
        List<Object> tags = list(CONTRACT.fragment().get("tags"), "tags");
        assertEquals(1, tags.size(), "one tag for the module");
        String description = (String) object(tags.get(0), "tag").get("description");
        assertTrue(description.startsWith("Module optionnel"), description);
        assertTrue(description.contains("feature:install opus-preselection"), "how to switch it on");
        assertTrue(description.contains("« " + Preselections.SERVICE + " »"), "its convention service");
        assertTrue(description.contains("403 " + SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION),
                "what a partner without the service gets");
    }

    @Test
    void schemasHaveThePropertiesJacksonWritesForTheRecords() {
        CONTRACT.assertSchemasAreTheRecords();
        CONTRACT.assertEnumsListEveryConstant(); // no narrower lists here: every constant may be read or written
        CONTRACT.assertPrimitivesAreRequired();
        for (String name : List.of("PreselectionDraft", "CandidacyDraft", "CandidacyAssessment",
                "PreselectionCriterion", "CandidacyReview", "CandidacyFeedbackDraft", "CandidacyWithdrawal")) {
            assertEquals(Boolean.FALSE, at(CONTRACT.schemas(), name, "additionalProperties"),
                    name + " is read, strictly: no other property");
        }
    }

    /**
     * Jackson, as the Opus JSON provider sets it up, writes exactly the documented properties of the answers when
     * every value is set (no derived accessor slips in), and always what a schema requires.
     */
    @Test
    void jacksonWritesTheDocumentedPropertiesOfTheAnswers() {
        ObjectMapper mapper = JsonProvider.newMapper();
        Candidacy full = PreselectionResourceTest.candidacy("c-1", "201WLXK", "js-42", CandidacyState.RECEIVED,
                new EmployerFeedback(true, false, RejectionReason.OTHER, "Poste pourvu en interne.", "fdupont", NOW));
        Map<String, Object> samples = Map.of(
                "Candidacy", full,
                "CandidacyAssessment", full.assessments().get(0),
                "CandidacyFeedback", full.feedback(),
                "OfferPreselection", PreselectionResourceTest.preselection("201WLXK"),
                "PreselectionCriterion", new Criterion("Aisance avec la clientèle", 5),
                "PreselectionCommitments", PreselectionResourceTest.preselection("201WLXK").commitments(),
                "PreselectionIndicators", new PreselectionIndicators(LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-03-31"), "p-1", 4, 1, 0.25, 12.5, 9, 6, 1, 0.5));
        samples.forEach((name, sample) -> {
            Set<String> written = new TreeSet<>();
            mapper.valueToTree(sample).fieldNames().forEachRemaining(written::add);
            assertEquals(names(at(CONTRACT.schemas(), name, "properties")), written,
                    name + ": what Jackson writes (every value set in the sample)");
        });
        Candidacy bare = new Candidacy("c-2", "201WLXK", "r-2", "js-43", "p-1", "cmartin",
                PreselectionLevel.VERIFICATION, CandidacyState.PROPOSED, LocalDate.parse("2026-12-01"), Map.of(), null,
                Map.of(), null, List.of(), null, null, null, null, null, NOW, NOW);
        Set<String> written = new TreeSet<>();
        mapper.valueToTree(bare).fieldNames().forEachRemaining(written::add);
        assertEquals(OpenApiContract.required(object(CONTRACT.schemas().get("Candidacy"), "Candidacy")), written,
                "a candidacy just proposed on a vérification: the required properties, and only they");
    }

    @Test
    void referencesTagsAndOperationIdsHoldTogether() {
        CONTRACT.assertReferencesTagsAndOperationIdsHoldTogether();
        CONTRACT.assertErrorsAreProblemDocuments();
        for (Operation operation : CONTRACT.documented().keySet()) {
            assertTrue(((String) CONTRACT.documented(operation).get("operationId")).startsWith("preselection_"),
                    operation + ": operationIds are unique in the merged document, prefixed by the module");
        }
        for (String schema : names(CONTRACT.schemas())) {
            assertTrue(schema.contains("Preselection") || schema.startsWith("Candidacy"),
                    schema + ": schema names are shared by every fragment, this module's say so");
        }
    }

    @Test
    void problemCodesAreTheRealOnesUnderTheirStatusAndExamplesAgree() {
        CONTRACT.assertProblemCodes(STATUSES, FragmentContract.publishedCodes(ProblemCodes.class,
                SecurityProblemCodes.class, PreselectionProblemCodes.class, ContactProblemCodes.class));
        assertTrue(STATUSES.keySet().containsAll(FragmentContract.publishedCodes(PreselectionProblemCodes.class)),
                "every code of the module is answered by some operation, and so documented");
    }

    @Test
    void aProposalDescribesWhatEachLevelRequires() {
        String description = (String) CONTRACT.documented(PROPOSE).get("description");
        Map<PreselectionLevel, String> labels = Map.of(PreselectionLevel.VERIFICATION, "vérification",
                PreselectionLevel.ENDORSEMENT, "valorisation", PreselectionLevel.ASSESSMENT, "évaluation");
        for (PreselectionLevel level : PreselectionLevel.values()) {
            String line = "\n- " + level.name() + " (" + labels.get(level) + ") : ";
            assertEquals(1, (description.length() - description.replace(line, "").length()) / line.length(),
                    level + " has one rule line « - " + level + " (" + labels.get(level) + ") : … »");
        }
        String levels = (String) at(CONTRACT.schemas(), "OfferPreselection", "properties", "level", "description");
        labels.forEach((level, label) -> assertTrue(levels.contains(level + " (" + label + ")"), level + " label"));
    }

    @Test
    void candidacyStatesAreDescribedAsTheCodeHasThem() {
        String states = (String) at(CONTRACT.schemas(), "Candidacy", "properties", "state", "description");
        for (CandidacyState state : CandidacyState.values()) {
            assertTrue(states.contains(state.name() + " (" + state.label() + ")"), state + " and its label");
        }
        String withdrawal = (String) CONTRACT.documented(WITHDRAW).get("description");
        Matcher open = Pattern.compile("en cours \\(états ([A-Z_]+(?:, [A-Z_]+)*)\\)").matcher(withdrawal);
        assertTrue(open.find(), "the withdrawal says which states are open");
        assertEquals(Arrays.stream(CandidacyState.values()).filter(CandidacyState::open)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(CandidacyState.class))),
                Arrays.stream(open.group(1).split(", ")).map(CandidacyState::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(CandidacyState.class))),
                "the open states, those a candidacy may be withdrawn from");
        String tools = (String) at(CONTRACT.schemas(), "CandidacyAssessment", "properties", "tool", "description");
        for (AssessmentTool tool : AssessmentTool.values()) {
            assertTrue(tools.contains(tool.name() + " ("), tool + " is explained");
        }
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        Map<Operation, Method> served = CONTRACT.served();
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/preselection/offers/{offerId}")));
        assertTrue(served.containsKey(DEFINE));
        assertTrue(served.containsKey(PROPOSE));
        assertTrue(served.containsKey(REVIEW));
        assertTrue(served.containsKey(FEEDBACK));
        assertTrue(served.containsKey(WITHDRAW));
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/preselection/indicators")));
        assertEquals(9, served.size(), "the operations of PreselectionResource: " + served.keySet());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Class<?> entityType(Operation operation) {
        Parameter entity = OpenApiContract.entityParameter(CONTRACT.served().get(operation));
        return entity == null ? null : entity.getType();
    }

    private static String json(ObjectMapper mapper, Object example) throws Exception {
        return mapper.writeValueAsString(example);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(JsonProvider provider, Parameter entity, String body) throws Exception {
        return provider.readFrom((Class) entity.getType(), entity.getParameterizedType(), new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
