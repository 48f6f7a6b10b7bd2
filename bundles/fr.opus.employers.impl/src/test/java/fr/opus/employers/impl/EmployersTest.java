package fr.opus.employers.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.employers.api.ContactDraft;
import fr.opus.employers.api.Employer;
import fr.opus.employers.api.EmployerAct;
import fr.opus.employers.api.EmployerContact;
import fr.opus.employers.api.EmployerDraft;
import fr.opus.employers.api.EmployerNote;
import fr.opus.employers.api.EmployerOffer;
import fr.opus.employers.api.EmployerProblemCodes;
import fr.opus.employers.api.EmployerSummary;
import fr.opus.employers.api.NoteDraft;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.Siret;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import fr.opus.platform.api.security.ServiceDefinition;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Employer entries and who sees what of them, on a real Derby database made by the real migration. */
class EmployersTest {

    private static final Set<String> CONSULTATION = Set.of(ServiceDefinition.CONSULTATION_OFFRES);
    /** Partner A (SAFIR 38001), partner B (38002). */
    private static final Caller LEA = new Caller("acc-lea", "lmartin", Role.COUNSELLOR, "partner-a", "conv-a", "84",
            CONSULTATION, Set.of(), "10.0.0.1");
    private static final Caller LOU = new Caller("acc-lou", "lpetit", Role.ACCOUNT_MANAGER, "partner-a", "conv-a",
            "84", CONSULTATION, Set.of(), "10.0.0.3");
    private static final Caller NOE = new Caller("acc-noe", "nblanc", Role.COUNSELLOR, "partner-b", "conv-b", "84",
            CONSULTATION, Set.of(), "10.0.0.2");
    private static final Caller APP = new Caller("cli-b", "appli-b", Role.PARTNER_APPLICATION, "partner-b", "conv-b",
            "84", CONSULTATION, Set.of("opus"), null);
    private static final Caller AGENT = new Caller("acc-ft", "fagent", Role.FT_AGENT, null, null, "84", Set.of(),
            Set.of(), null);
    private static final Caller OPERATOR = new Caller("acc-op", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), null);

    /** Made-up establishments, valid SIRETs. */
    private static final String BAKERY = Siret.withCheckDigit("8123456780001");
    private static final String GARAGE = Siret.withCheckDigit("8123456790001");
    private static final String HOTEL = Siret.withCheckDigit("8123456800001");
    private static final String CLINIC = Siret.withCheckDigit("8123456810001");

    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final List<Referral> acts = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final EmployersManager employers;
    private Instant now = Instant.parse("2026-11-23T09:00:00Z");

    EmployersTest() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource.setDatabaseName("memory:employers" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("EMPLOYERS").table("SCHEMA_HISTORY")
                .locations("classpath:db/employers").load().migrate();
        OfferCatalog catalog = new OfferCatalog() {
            @Override
            public Optional<Offer> find(String id) {
                return Optional.ofNullable(offers.get(id));
            }

            @Override
            public Optional<OfferContent> findPublished(String id) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public java.util.List<String> activeOfferIds(java.time.Instant publishedBefore) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public OfferPage search(OfferQuery query) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public List<Offer> findBySiret(String siret) {
                // newest change first, as the offers capability answers
                return offers.values().stream().filter(o -> siret.equals(o.siret()))
                        .sorted((a, b) -> b.changedAt().compareTo(a.changedAt())).toList();
            }
        };
        // the contacts capability's own rule, simplified: a partner's people see their partner's acts
        Referrals referrals = (Referrals) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Referrals.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("onOffer")) {
                        throw new AssertionError("not called in this test: " + method.getName());
                    }
                    Caller by = (Caller) args[0];
                    return acts.stream().filter(r -> r.offerId().equals(args[1]) && by.mayActFor(r.partnerId()))
                            .toList();
                });
        AuditTrail audit = new AuditTrail() {
            @Override
            public void record(Caller by, String address, String action, String subjectType, String subjectId,
                    boolean success, String detail) {
                audited.add(action + " " + by.login() + " " + subjectId + (detail == null ? "" : " " + detail));
            }

            @Override
            public List<AuditEvent> search(Caller by, AuditQuery query) {
                return List.of();
            }
        };
        PartnerDirectory partners = (PartnerDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("partner")) {
                        throw new AssertionError("not called in this test: " + method.getName());
                    }
                    String id = (String) args[1];
                    return new Partner(id, PartnerKind.MISSION_LOCALE, id.equals("partner-a")
                            ? "Mission Locale du Mans" : "Mission Locale de Laval",
                            id.equals("partner-a") ? "38001" : "38002", "52", null, Instant.EPOCH, Instant.EPOCH);
                });
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        employers = new EmployersManager(dataSource, catalog, referrals, audit, partners, clock);
    }

    private Offer offer(String id, String siret, String company, OfferStatus status, Diffusion diffusion,
            String managingSafir) {
        Instant changed = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(offers.size());
        Offer offer = new Offer(id, status, 1, changed, diffusion, SupportLevel.SUPPORT, null, null,
                managingSafir == null ? null : new ManagingPartner(managingSafir, "Partenaire " + managingSafir,
                        "offres@partenaire.example", null), null,
                OfferContent.builder().id(id).title("Offre " + id).contractType("CDI")
                        .workplace(new OfferContent.Workplace("72 - Le Mans", null, null, "72000", "72181"))
                        .company(new OfferContent.Company(company, null, null, null, false))
                        .naf("10.71C", "10", "Boulangerie et boulangerie-pâtisserie").build(), siret);
        offers.put(id, offer);
        return offer;
    }

    private static OpusException refused(Executable call) {
        return assertThrows(OpusException.class, call);
    }

    private static ContactDraft claire() {
        return new ContactDraft("Claire Fournier", "Responsable du recrutement", "recrutement@fournil.example",
                "02 43 12 34 56");
    }

    // ------------------------------------------------------------------------------------------------ SIRET

    @Test
    void theSiretIsCheckedWithItsKeyAndLaPostesExceptionInFrench() {
        OpusException typo = refused(() -> employers.employer(AGENT, "12345678900008"));
        assertEquals(400, typo.status());
        assertEquals(EmployerProblemCodes.INVALID_SIRET, typo.code());
        assertEquals("siret", typo.field());
        assertTrue(typo.detail().contains("formule de Luhn"), typo.detail());
        OpusException shape = refused(() -> employers.employer(AGENT, "1234"));
        assertTrue(shape.detail().contains("14 chiffres"), shape.detail());
        OpusException laPoste = refused(() -> employers.employer(AGENT, "35600000000002"));
        assertTrue(laPoste.detail().contains("La Poste") && laPoste.detail().contains("multiple de 5"),
                laPoste.detail());

        // a La Poste office whose digits sum to 15: valid, though not a Luhn number
        assertEquals(404, refused(() -> employers.employer(AGENT, "35600000000001")).status(), "valid, unknown");
        Employer office = employers.update(AGENT, "356 000 000 00001",
                new EmployerDraft("La Poste – bureau du Mans", "53.10z", "1 place de la Poste, 72000 Le Mans"));
        assertEquals("35600000000001", office.siret());
        assertEquals("53.10Z", office.nafCode());
        assertTrue(office.stored());
        OpusException naf = refused(() -> employers.update(AGENT, "35600000000001",
                new EmployerDraft("La Poste", "5310", null)));
        assertEquals("nafCode", naf.field());
    }

    // ------------------------------------------------------------------------------------------------ visibility

    @Test
    void anEmployerWithOnlyAnonymousOffersIsNotFoundByAPartnerButFranceTravailSeesIt() {
        offer("1A", HOTEL, "HÔTEL DU PORT", OfferStatus.ACTIVE, Diffusion.ANONYMOUS, null);
        offer("1B", HOTEL, "HÔTEL DU PORT", OfferStatus.SUSPENDED, Diffusion.NOMINATIVE, null);

        for (Caller partner : List.of(LEA, NOE, APP)) {
            OpusException hidden = refused(() -> employers.employer(partner, HOTEL));
            assertEquals(404, hidden.status(), partner.login());
            assertEquals(EmployerProblemCodes.EMPLOYER_NOT_FOUND, hidden.code());
            assertFalse(hidden.detail().contains("HÔTEL"), hidden.detail());
            assertEquals(404, refused(() -> employers.offers(partner, HOTEL)).status());
            assertEquals(404, refused(() -> employers.history(partner, HOTEL)).status());
            assertEquals(404, refused(() -> employers.addNote(partner, HOTEL, new NoteDraft("Bon accueil")))
                    .status(), "404 before anything else: nothing learnt, nothing stored");
            assertEquals(List.of(), employers.find(partner, HOTEL, 10));
        }
        Employer seen = employers.employer(AGENT, HOTEL);
        assertEquals("HÔTEL DU PORT", seen.name());
        assertEquals(List.of("1B", "1A"), seen.offers().stream().map(EmployerOffer::id).toList(), "all, newest first");
        assertFalse(seen.stored(), "made from its offers until someone writes to it");
        assertEquals(List.of(HOTEL), employers.find(OPERATOR, HOTEL, 10).stream().map(EmployerSummary::siret).toList());
    }

    @Test
    void aNominativeOfferShowsTheContactsAndEachReadIsAudited() {
        offer("2A", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);
        EmployerContact added = employers.addContact(AGENT, BAKERY, claire());
        assertEquals(EmployersManager.FRANCE_TRAVAIL, added.organisation());
        assertNull(added.partnerId());
        assertEquals("0243123456", added.phone());

        Employer page = employers.employer(NOE, BAKERY);
        assertTrue(page.contactsShown());
        assertEquals(List.of("Claire Fournier"), page.contacts().stream().map(EmployerContact::name).toList());
        assertTrue(audited.contains("employer.read nblanc " + BAKERY + " 1 contact(s) montré(s)"), audited.toString());
        assertTrue(employers.employer(APP, BAKERY).contactsShown(), "a partner's application too");
        EmployerContact byNoe = employers.addContact(NOE, BAKERY, new ContactDraft("Marc Leroy", null, null,
                "+33612345678"));
        assertEquals("Mission Locale de Laval", byNoe.organisation());
        assertEquals(2, employers.employer(LEA, BAKERY).contacts().size(), "contacts are shared");
        assertEquals(403, refused(() -> employers.removeContact(LEA, BAKERY, byNoe.id())).status());
        employers.removeContact(NOE, BAKERY, byNoe.id());
        employers.removeContact(AGENT, BAKERY, added.id());
        assertEquals(List.of(), employers.employer(AGENT, BAKERY).contacts());
    }

    @Test
    void aVisibilityOfferShowsTheNameButNotTheContacts() {
        offer("3A", GARAGE, "GARAGE DES ALPES", OfferStatus.ACTIVE, Diffusion.VISIBILITY, null);
        offer("3B", GARAGE, "GARAGE DES ALPES", OfferStatus.CLOSED, Diffusion.NOMINATIVE, null);
        employers.addContact(AGENT, GARAGE, claire());

        Employer page = employers.employer(LEA, GARAGE);
        assertEquals("GARAGE DES ALPES", page.name());
        assertFalse(page.contactsShown(), "a closed nominative offer does not count");
        assertEquals(List.of(), page.contacts());
        assertEquals(List.of("3A"), page.offers().stream().map(EmployerOffer::id).toList(), "active ones only");
        assertTrue(audited.contains("employer.read lmartin " + GARAGE + " 0 contact(s) montré(s)"),
                audited.toString());
        OpusException add = refused(() -> employers.addContact(LEA, GARAGE, claire()));
        assertEquals(403, add.status());
        assertEquals(EmployerProblemCodes.CONTACTS_NOT_SHARED, add.code());
        String contactId = employers.employer(AGENT, GARAGE).contacts().get(0).id();
        assertEquals(404, refused(() -> employers.removeContact(LEA, GARAGE, contactId)).status(),
                "a contact it may not see does not exist for it");
        assertEquals(1, employers.employer(AGENT, GARAGE).contacts().size());
    }

    @Test
    void theManagingPartnerSeesTheEmployerOfItsAnonymousOfferWithItsContactsAndOthersDoNot() {
        offer("4A", CLINIC, "CLINIQUE SAINT-MICHEL", OfferStatus.ACTIVE, Diffusion.ANONYMOUS, "38001");
        offer("4B", CLINIC, "CLINIQUE SAINT-MICHEL", OfferStatus.SUSPENDED, Diffusion.ANONYMOUS, "38001");
        offer("4C", CLINIC, "CLINIQUE SAINT-MICHEL", OfferStatus.ACTIVE, Diffusion.ANONYMOUS, "38002");
        employers.addContact(AGENT, CLINIC, claire());

        Employer managed = employers.employer(LEA, CLINIC);
        assertEquals("CLINIQUE SAINT-MICHEL", managed.name());
        assertTrue(managed.contactsShown());
        assertEquals(1, managed.contacts().size());
        assertEquals(List.of("4B", "4A"), managed.offers().stream().map(EmployerOffer::id).toList(),
                "the offers it manages, whatever their status; not the one another partner manages");
        assertTrue(managed.offers().stream().allMatch(EmployerOffer::managedByCaller));
        assertEquals(List.of("4C"), employers.offers(NOE, CLINIC).stream().map(EmployerOffer::id).toList());

        offers.remove("4C");
        assertEquals(404, refused(() -> employers.employer(NOE, CLINIC)).status(), "B manages none any more");
        offer("4A", CLINIC, "CLINIQUE SAINT-MICHEL", OfferStatus.SUSPENDED, Diffusion.ANONYMOUS, "38001");
        Employer suspended = employers.employer(LOU, CLINIC);
        assertFalse(suspended.contactsShown(), "contacts need an active offer, even a managed one");
        assertEquals(2, suspended.offers().size(), "it still sees the employer of the offers it manages");
    }

    @Test
    void franceTravailSeesEveryOfferAndEveryAct() {
        offer("5A", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);
        offer("5B", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.ANONYMOUS, null);
        act("r-1", "5A", "partner-a", ReferralState.SENT);
        act("r-2", "5A", "partner-b", ReferralState.HIRED);
        act("r-3", "5B", "partner-a", ReferralState.SENT);

        assertEquals(List.of("r-3", "r-2", "r-1"), employers.history(AGENT, BAKERY).stream()
                .map(EmployerAct::referralId).toList(), "newest first");
        List<EmployerAct> lea = employers.history(LEA, BAKERY);
        assertEquals(List.of("r-1"), lea.stream().map(EmployerAct::referralId).toList(),
                "its partner's acts, and none on the anonymous offer it is not shown");
        assertEquals("Offre 5A", lea.get(0).offerTitle());
        assertEquals(ReferralKind.CONTACT, lea.get(0).kind());
        assertEquals(List.of("5B", "5A"), employers.offers(AGENT, BAKERY).stream().map(EmployerOffer::id).toList());
        assertEquals(List.of("5A"), employers.offers(LEA, BAKERY).stream().map(EmployerOffer::id).toList());
    }

    private void act(String id, String offerId, String partnerId, ReferralState state) {
        now = now.plusSeconds(60);
        acts.add(new Referral(id, ReferralKind.CONTACT, offerId, "js-" + id, partnerId, "acc-" + partnerId, state,
                state == ReferralState.NOT_RETAINED ? RejectionReason.OTHER : null, now, now, List.of()));
    }

    // ------------------------------------------------------------------------------------------------ notes

    @Test
    void notesHoldingWhatDomainNineForbidsAreRefusedAndNothingIsStored() {
        offer("6A", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);

        OpusException health = refused(() -> employers.addNote(LEA, BAKERY,
                new NoteDraft("Le gérant est en arrêt maladie jusqu'en janvier")));
        OpusException union = refused(() -> employers.addNote(AGENT, BAKERY,
                new NoteDraft("Le gérant est délégué syndical")));
        OpusException role = refused(() -> employers.addContact(LEA, BAKERY, new ContactDraft("Anne Roux",
                "Déléguée syndicale", "anne@fournil.example", null)));

        assertEquals(422, health.status());
        assertEquals(ProblemCodes.FORBIDDEN_PERSONAL_DATA, health.code());
        assertEquals("text", health.field());
        assertTrue(health.detail().contains("arrêt maladie"), health.detail());
        assertEquals(ProblemCodes.FORBIDDEN_PERSONAL_DATA, union.code());
        assertEquals("role", role.field());
        Employer page = employers.employer(AGENT, BAKERY);
        assertEquals(List.of(), page.notes());
        assertEquals(List.of(), page.contacts());
        assertFalse(page.stored(), "not even the entry");
        assertEquals(400, refused(() -> employers.addNote(LEA, BAKERY, new NoteDraft(" "))).status());
    }

    @Test
    void aPartnerRewritesOrRemovesOnlyItsOwnPartnersNotesAndFranceTravailAnyNote() {
        offer("7A", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.VISIBILITY, null);
        EmployerNote byLea = employers.addNote(LEA, BAKERY, new NoteDraft("Recrute surtout avant les fêtes."));
        now = now.plus(Duration.ofHours(1));
        EmployerNote byNoe = employers.addNote(NOE, BAKERY, new NoteDraft("Préfère un premier contact par mail."));
        now = now.plus(Duration.ofHours(1));
        EmployerNote byAgent = employers.addNote(AGENT, BAKERY, new NoteDraft("Convention de stage signée."));

        assertEquals("partner-a", byLea.partnerId());
        assertEquals("Mission Locale du Mans", byLea.organisation());
        assertEquals("France Travail", byAgent.organisation());
        assertEquals(List.of(byAgent.id(), byNoe.id(), byLea.id()), employers.employer(NOE, BAKERY).notes().stream()
                .map(EmployerNote::id).toList(), "shared with everyone who sees the employer, newest first");
        OpusException notOwn = refused(() -> employers.removeNote(NOE, BAKERY, byLea.id()));
        assertEquals(403, notOwn.status());
        assertEquals(EmployerProblemCodes.NOT_OWN, notOwn.code());
        assertEquals(403, refused(() -> employers.updateNote(NOE, BAKERY, byLea.id(), new NoteDraft("Effacé")))
                .status());
        assertEquals(403, refused(() -> employers.removeNote(LEA, BAKERY, byAgent.id())).status());
        assertTrue(employers.employer(AGENT, BAKERY).notes().stream().anyMatch(n -> n.id().equals(byLea.id())));

        now = now.plus(Duration.ofHours(1));
        EmployerNote rewritten = employers.updateNote(LOU, BAKERY, byLea.id(),
                new NoteDraft("Recrute surtout en novembre."));
        assertEquals("lpetit", rewritten.author(), "the RGC of the same partner");
        assertEquals(byLea.writtenAt(), rewritten.writtenAt());
        assertEquals(now, rewritten.updatedAt());
        employers.removeNote(AGENT, BAKERY, byNoe.id());
        employers.removeNote(LEA, BAKERY, byLea.id());
        assertEquals(List.of(byAgent.id()), employers.employer(AGENT, BAKERY).notes().stream()
                .map(EmployerNote::id).toList());
        assertEquals(404, refused(() -> employers.removeNote(AGENT, BAKERY, byLea.id())).status());
        assertTrue(audited.contains("employer.note-remove fagent " + BAKERY + " " + byNoe.id()), audited.toString());
    }

    // ------------------------------------------------------------------------------------------------ entries

    @Test
    void theEntryIsMadeFromTheNewestOfferThenStoredOnTheFirstWriteAndFranceTravailEditsIt() {
        offer("8A", GARAGE, "GARAGE DES ALPES", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);
        offer("8B", GARAGE, "GARAGE DES ALPES SARL", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);

        Employer lazy = employers.employer(AGENT, GARAGE);
        assertEquals("GARAGE DES ALPES SARL", lazy.name(), "the newest offer's company");
        assertEquals("10.71C", lazy.nafCode());
        assertNull(lazy.updatedAt());
        assertEquals(List.of(), employers.find(AGENT, "garage", 10), "by name: stored entries only");

        employers.addNote(LEA, GARAGE, new NoteDraft("Atelier fermé en août."));
        Employer stored = employers.employer(AGENT, GARAGE);
        assertTrue(stored.stored());
        assertEquals("lmartin", stored.updatedBy());
        assertEquals(List.of(GARAGE), employers.find(LEA, "GÂRAGE des", 10).stream().map(EmployerSummary::siret)
                .toList(), "case and accents aside");

        assertEquals(403, refused(() -> employers.update(LEA, GARAGE, new EmployerDraft("X", null, null)))
                .status());
        Employer edited = employers.update(OPERATOR, GARAGE, new EmployerDraft("Garage des Alpes", "4520a",
                "12 avenue Bollée, 72000 Le Mans"));
        assertEquals("Garage des Alpes", edited.name());
        assertEquals("45.20A", edited.nafCode());
        assertEquals("operateur", edited.updatedBy());
        assertEquals("12 avenue Bollée, 72000 Le Mans", employers.employer(NOE, GARAGE).address());
        assertEquals(400, refused(() -> employers.update(AGENT, GARAGE, new EmployerDraft(" ", null, null)))
                .status());
        assertEquals(400, refused(() -> employers.find(AGENT, "g", 10)).status(), "two letters at least");
        assertEquals(400, refused(() -> employers.find(AGENT, "12345678900008", 10)).status());
    }

    @Test
    void aContactNeedsANameAndAWayToReachThem() {
        offer("9A", BAKERY, "LE FOURNIL DU MANS", OfferStatus.ACTIVE, Diffusion.NOMINATIVE, null);
        assertEquals("email", refused(() -> employers.addContact(LEA, BAKERY,
                new ContactDraft("Claire Fournier", null, null, null))).field());
        assertEquals("name", refused(() -> employers.addContact(LEA, BAKERY,
                new ContactDraft("", null, "a@b.example", null))).field());
        assertEquals("phone", refused(() -> employers.addContact(LEA, BAKERY,
                new ContactDraft("Claire Fournier", null, null, "12"))).field());
        assertEquals(SecurityProblemCodes.FORBIDDEN, refused(() -> employers.update(APP, BAKERY,
                new EmployerDraft("X", null, null))).code());
    }
}
