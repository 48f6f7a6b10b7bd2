package fr.opus.employers.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.employers.api.ContactDraft;
import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerAct;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerDraft;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.EmployerProblemCodes;
import fr.opus.employers.api.EmployerSummary;
import fr.opus.employers.api.Employers;
import fr.opus.employers.api.NoteDraft;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.rest.openapi.CallerContext;
import fr.opus.platform.rest.openapi.FragmentContract;
import fr.opus.platform.rest.openapi.OpenApiContract;
import fr.opus.platform.rest.openapi.OpenApiContract.Operation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

/**
 * The shipped OpenAPI fragment is the contract: it documents exactly the operations the resource serves, with the
 * parameters and bodies it reads, the roles, convention service and OAuth2 scope its {@code @Permit} asks for,
 * schemas whose properties are those Jackson writes for the records, and the problem codes the employers service
 * really answers with.
 */
class OpenApiFragmentTest {

    private static final Class<?>[] RESOURCES = {EmployerResource.class};

    /** Each documented schema and the record Jackson reads or writes for it. */
    private static final Map<String, Class<? extends Record>> RECORDS = Map.ofEntries(
            Map.entry("Employer", Employer.class),
            Map.entry("EmployerSummary", EmployerSummary.class),
            Map.entry("EmployerDraft", EmployerDraft.class),
            Map.entry("EmployerContact", EmployerContact.class),
            Map.entry("ContactDraft", ContactDraft.class),
            Map.entry("EmployerNote", EmployerNote.class),
            Map.entry("NoteDraft", NoteDraft.class),
            Map.entry("EmployerOffer", EmployerOffer.class),
            Map.entry("EmployerAct", EmployerAct.class));

    /** What the methods returning a {@link Response} put in it: 201 Created with this entity and a Location. */
    private static final Map<Operation, Class<? extends Record>> CREATED = Map.of(
            new Operation("POST", "/api/v1/employers/{siret}/contacts"), EmployerContact.class,
            new Operation("POST", "/api/v1/employers/{siret}/notes"), EmployerNote.class);

    /** The free text of each body that EmployersManager screens for DOMAIN §9 (422 forbidden-personal-data). */
    private static final Map<Class<? extends Record>, String> SCREENED = Map.of(
            ContactDraft.class, "role",
            NoteDraft.class, "text");

    /**
     * Each problem code these operations answer with and its HTTP status, as EmployersManager, Siret, the resource,
     * the JSON provider, SensitiveText and the platform's Guard and authenticator throw them. Every code here is
     * documented, and every documented code is documented under its status.
     */
    private static final Map<String, Set<Integer>> STATUSES = Map.ofEntries(
            Map.entry(ProblemCodes.INVALID_PARAMETER, Set.of(400)),
            Map.entry(ProblemCodes.MALFORMED_BODY, Set.of(400)),
            Map.entry(EmployerProblemCodes.INVALID_SIRET, Set.of(400)),
            Map.entry(EmployerProblemCodes.INVALID_EMPLOYER, Set.of(400)),
            Map.entry(SecurityProblemCodes.UNAUTHORIZED, Set.of(401)),
            Map.entry(SecurityProblemCodes.INVALID_TOKEN, Set.of(401)),
            Map.entry(SecurityProblemCodes.ACCOUNT_LOCKED, Set.of(401)),
            Map.entry(SecurityProblemCodes.CONVENTION_NOT_IN_FORCE, Set.of(401)),
            Map.entry(SecurityProblemCodes.FORBIDDEN, Set.of(403)),
            Map.entry(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION, Set.of(403)),
            Map.entry(SecurityProblemCodes.INSUFFICIENT_SCOPE, Set.of(403)),
            Map.entry(EmployerProblemCodes.CONTACTS_NOT_SHARED, Set.of(403)),
            Map.entry(EmployerProblemCodes.NOT_OWN, Set.of(403)),
            Map.entry(EmployerProblemCodes.EMPLOYER_NOT_FOUND, Set.of(404)),
            Map.entry(EmployerProblemCodes.CONTACT_NOT_FOUND, Set.of(404)),
            Map.entry(EmployerProblemCodes.NOTE_NOT_FOUND, Set.of(404)),
            Map.entry(ProblemCodes.FORBIDDEN_PERSONAL_DATA, Set.of(422)));

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static final FragmentContract CONTRACT = FragmentContract.of("/OSGI-INF/openapi/employers.json", RECORDS,
            RESOURCES);

    @Test
    void everyServedOperationIsDocumentedAndNothingMore() {
        CONTRACT.assertServedAsDocumented();
    }

    @Test
    void pathAndQueryParametersAreThoseTheMethodsReadWithTheirTypes() {
        CONTRACT.assertPathAndQueryParametersAreRead();
        CONTRACT.assertParameterTypes();
        for (Operation operation : CONTRACT.servedAndDocumented().keySet()) {
            if (OpenApiContract.templateParameters(operation.path()).contains("siret")) {
                assertTrue(CONTRACT.codes(operation, "400").contains(EmployerProblemCodes.INVALID_SIRET),
                        operation + ": the SIRET is checked (400 invalid-siret)");
            }
        }
    }

    @Test
    void requestBodiesAreThoseTheMethodsRead() {
        CONTRACT.assertJsonRequestBodies(SCREENED);
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
    void creationsAnswer201WithTheRecordAndALocationUnderTheSiretWithoutSpaces() {
        Caller counsellor = new Caller("a-1", "cmartin", Role.COUNSELLOR, "p-1", "c-1", "84",
                Set.of("consultation-offres"), Set.of(), null);
        SecurityContext security = new CallerContext(counsellor);
        EmployerResource resource = new EmployerResource(new FakeEmployers());

        Operation addContact = new Operation("POST", "/api/v1/employers/{siret}/contacts");
        Response contact = resource.addContact(security, "123 456 789 00007",
                new ContactDraft("Claire Fournier", null, "recrutement@fournil.example", null));
        CONTRACT.assertCreated(addContact, contact, CREATED.get(addContact),
                "/api/v1/employers/12345678900007/contacts/c-1");
        Operation addNote = new Operation("POST", "/api/v1/employers/{siret}/notes");
        Response note = resource.addNote(security, "12345678900007", new NoteDraft("Recrute avant les fêtes."));
        CONTRACT.assertCreated(addNote, note, CREATED.get(addNote), "/api/v1/employers/12345678900007/notes/n-1");
    }

    @Test
    void accessIsDocumentedAsTheResourceAppliesIt() {
        CONTRACT.assertAccessAsApplied((operation, method, allowed) -> {
            assertNotNull(allowed, operation + ": no employers operation is public");
            String description = (String) CONTRACT.documented(operation).get("description");
            Set<String> forbidden = CONTRACT.codes(operation, "403");
            Permit permit = method.getAnnotation(Permit.class);
            assertNotNull(permit, operation + ": @Permit on each method, none on the class");
            boolean partners = allowed.stream().anyMatch(Role::partnerBound);
            assertEquals(partners, !permit.service().isEmpty(),
                    operation + ": partners reach employers only through « consultation-offres »");
            assertEquals(!permit.service().isEmpty(), description.contains("« " + permit.service() + " »"),
                    operation + " says its convention service");
            assertEquals(!permit.service().isEmpty(),
                    forbidden.contains(SecurityProblemCodes.SERVICE_NOT_IN_CONVENTION),
                    operation + " answers 403 service-not-in-convention exactly when it names a service");
            assertEquals(allowed.contains(Role.PARTNER_APPLICATION), permit.scope().equals("opus"),
                    operation + ": applications need the scope « opus », and only they may come");
            assertEquals(!permit.scope().isEmpty(), description.contains("portée OAuth2 « opus »"),
                    operation + " says its OAuth2 scope");
            assertEquals(!permit.scope().isEmpty(), forbidden.contains(SecurityProblemCodes.INSUFFICIENT_SCOPE),
                    operation + " answers 403 insufficient-scope exactly when it asks a scope");
            if (!partners) {
                assertFalse(allowed.contains(Role.FT_FEED), operation + ": not the feed");
            }
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
        CONTRACT.assertProblemCodes(STATUSES, FragmentContract.publishedCodes(ProblemCodes.class,
                SecurityProblemCodes.class, EmployerProblemCodes.class));
    }

    @Test
    void contractHelperSeesWhatJaxRsServes() {
        Map<Operation, Method> served = CONTRACT.served();
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/employers")));
        assertTrue(served.containsKey(new Operation("PUT", "/api/v1/employers/{siret}")));
        assertTrue(served.containsKey(new Operation("DELETE", "/api/v1/employers/{siret}/contacts/{id}")));
        assertTrue(served.containsKey(new Operation("PUT", "/api/v1/employers/{siret}/notes/{id}")));
        assertTrue(served.containsKey(new Operation("GET", "/api/v1/employers/{siret}/history")));
        assertEquals(10, served.size(), "the operations of EmployerResource: " + served.keySet());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Adds what it is given, as c-1 and n-1; nothing else is called here. */
    private static final class FakeEmployers implements Employers {

        @Override
        public List<EmployerSummary> find(Caller by, String text, int limit) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public Employer employer(Caller by, String siret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public Employer update(Caller by, String siret, EmployerDraft draft) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public EmployerContact addContact(Caller by, String siret, ContactDraft d) {
            return new EmployerContact("c-1", d.name(), d.role(), d.email(), d.phone(), by.partnerId(),
                    "Mission Locale", by.login(), NOW);
        }

        @Override
        public void removeContact(Caller by, String siret, String contactId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public EmployerNote addNote(Caller by, String siret, NoteDraft draft) {
            return new EmployerNote("n-1", draft.text(), by.partnerId(), "Mission Locale", by.login(), NOW, NOW);
        }

        @Override
        public EmployerNote updateNote(Caller by, String siret, String noteId, NoteDraft draft) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public void removeNote(Caller by, String siret, String noteId) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<EmployerOffer> offers(Caller by, String siret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public List<EmployerAct> history(Caller by, String siret) {
            throw new AssertionError("not called in this test");
        }
    }
}
