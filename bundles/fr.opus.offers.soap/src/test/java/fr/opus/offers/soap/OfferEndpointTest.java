package fr.opus.offers.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Facet;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.offers.soap.SoapTypes.OffreType;
import fr.opus.offers.soap.SoapTypes.RechercheType;
import fr.opus.offers.soap.SoapTypes.ResultatRechercheType;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OfferEndpointTest {

    private final FakeCatalog catalog = new FakeCatalog();
    private final OfferEndpoint endpoint = new OfferEndpoint(catalog);

    static byte[] example() throws IOException {
        try (InputStream in = OfferEndpointTest.class.getResourceAsStream("/offre_by_id_179PPHH.json")) {
            return in.readAllBytes();
        }
    }

    private static OpusFaultInfo fault(Executable call) {
        OpusFault fault = assertThrows(OpusFault.class, call);
        assertEquals(fault.getFaultInfo().detail, fault.getMessage());
        return fault.getFaultInfo();
    }

    @Test
    void everySearchElementReachesTheQuery() throws OpusFault {
        RechercheType r = new RechercheType();
        r.motsCles.addAll(List.of("java", " spring boot "));
        r.codeROME.addAll(List.of("M1805", "M1806"));
        r.appellation = "38444";
        r.grandDomaine = "M";
        r.domaine = "M18";
        r.theme = "12";
        r.secteurActivite.add("62");
        r.codeNAF.add("62.02A");
        r.commune.add("69123");
        r.distance = 20;
        r.departement.addAll(List.of("69", "2A"));
        r.inclureLimitrophes = true;
        r.region = "84";
        r.typeContrat.addAll(List.of("CDI", "CDD"));
        r.natureContrat.add("E1");
        r.qualification = "9";
        r.experience = "2";
        r.experienceExigence = "E";
        r.tempsPlein = true;
        r.dureeHebdo = "1";
        r.publieeDepuis = 7;
        r.minCreationDate = "2025-01-01T00:00:00Z";
        r.maxCreationDate = "2025-01-31T23:00:00+01:00";
        r.origineOffre = 1;
        r.accesTravailleurHandicape = true;
        r.offresManqueCandidats = false;
        r.entreprisesAdaptees = true;
        r.employeursHandiEngages = false;
        r.sort = 1;
        r.first = 10;
        r.last = 29;

        endpoint.search(r);

        OfferQuery q = catalog.lastQuery;
        assertEquals(List.of("java", "spring boot"), q.keywords());
        assertEquals(List.of("M1805", "M1806"), q.romeCodes());
        assertEquals("38444", q.appellation());
        assertEquals("M", q.grandDomain());
        assertEquals("M18", q.domain());
        assertEquals("12", q.theme());
        assertEquals(List.of("62"), q.sectors());
        assertEquals(List.of("62.02A"), q.nafCodes());
        assertEquals(List.of("69123"), q.communes());
        assertEquals(20, q.distanceKm());
        assertEquals(List.of("69", "2A"), q.departments());
        assertTrue(q.includeNeighbours());
        assertEquals("84", q.region());
        assertEquals(List.of("CDI", "CDD"), q.contractTypes());
        assertEquals(List.of("E1"), q.contractNatures());
        assertEquals("9", q.qualification());
        assertEquals("2", q.experience());
        assertEquals("E", q.experienceRequirement());
        assertEquals(Boolean.TRUE, q.fullTime());
        assertEquals("1", q.weeklyDuration());
        assertEquals(7, q.publishedSinceDays());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), q.minCreationDate());
        assertEquals(Instant.parse("2025-01-31T22:00:00Z"), q.maxCreationDate());
        assertEquals("1", q.origin());
        assertEquals(Boolean.TRUE, q.disabilityAccessible());
        assertEquals(Boolean.FALSE, q.shortOfCandidates());
        assertEquals(Boolean.TRUE, q.adaptedCompanies());
        assertEquals(Boolean.FALSE, q.disabilityCommittedEmployers());
        assertEquals(OfferQuery.Sort.DATE, q.sort());
        assertEquals(10, q.first());
        assertEquals(29, q.last());
    }

    @Test
    void emptyRequestIsTheFirst150ActiveOffersByRelevance() throws OpusFault {
        endpoint.search(null);
        assertEquals(0, catalog.lastQuery.first());
        assertEquals(149, catalog.lastQuery.last());
        assertEquals(OfferQuery.Sort.RELEVANCE, catalog.lastQuery.sort());

        RechercheType from3000 = new RechercheType();
        from3000.first = 3000;
        endpoint.search(from3000);
        assertEquals(3149, catalog.lastQuery.last(), "150 offers from first, within France Travail's last index");
    }

    @Test
    void blankElementsCountAsAbsent() throws OpusFault {
        RechercheType r = new RechercheType();
        r.motsCles.addAll(List.of("", "  ", "java"));
        r.commune.add(" ");
        r.region = " ";
        r.minCreationDate = "";
        endpoint.search(r);
        assertEquals(List.of("java"), catalog.lastQuery.keywords());
        assertEquals(List.of(), catalog.lastQuery.communes());
        assertNull(catalog.lastQuery.region());
        assertNull(catalog.lastQuery.minCreationDate());
    }

    @Test
    void malformedCriteriaAreTheBuildersFaultsNamingTheElement() {
        RechercheType rome = new RechercheType();
        rome.codeROME.add("M18");
        OpusFaultInfo info = fault(() -> endpoint.search(rome));
        assertEquals("invalid-parameter", info.code);
        assertEquals(400, info.status);
        assertEquals("codeROME", info.field);
        assertTrue(info.detail.contains("M18"), info.detail);

        RechercheType keyword = new RechercheType();
        keyword.motsCles.add("a");
        assertEquals("motsCles", fault(() -> endpoint.search(keyword)).field);

        RechercheType communes = new RechercheType();
        communes.commune.addAll(List.of("01001", "01002", "01004", "01005", "01006", "01007"));
        assertEquals("commune", fault(() -> endpoint.search(communes)).field);

        RechercheType contract = new RechercheType();
        contract.typeContrat.add("XYZ");
        assertEquals("typeContrat", fault(() -> endpoint.search(contract)).field);

        RechercheType distance = new RechercheType();
        distance.distance = 501;
        assertEquals("distance", fault(() -> endpoint.search(distance)).field);
        assertNull(catalog.lastQuery, "nothing invalid reaches the catalog");
    }

    @Test
    void rangeFaultsNameFirstOrLast() {
        RechercheType tooMany = new RechercheType();
        tooMany.first = 0;
        tooMany.last = 150;
        OpusFaultInfo info = fault(() -> endpoint.search(tooMany));
        assertEquals("invalid-range", info.code);
        assertEquals(400, info.status);
        assertEquals("last", info.field);

        RechercheType reversed = new RechercheType();
        reversed.first = 10;
        reversed.last = 5;
        assertEquals("last", fault(() -> endpoint.search(reversed)).field);

        RechercheType negative = new RechercheType();
        negative.first = -1;
        assertEquals("first", fault(() -> endpoint.search(negative)).field);

        RechercheType tooFar = new RechercheType();
        tooFar.first = 3001;
        assertEquals("first", fault(() -> endpoint.search(tooFar)).field);
    }

    @Test
    void badSortAndDatesAreInvalidParameters() {
        RechercheType sort = new RechercheType();
        sort.sort = 3;
        OpusFaultInfo info = fault(() -> endpoint.search(sort));
        assertEquals("invalid-parameter", info.code);
        assertEquals("sort", info.field);

        RechercheType date = new RechercheType();
        date.minCreationDate = "2025-01-01";
        assertEquals("minCreationDate", fault(() -> endpoint.search(date)).field);

        RechercheType order = new RechercheType();
        order.minCreationDate = "2025-02-01T00:00:00Z";
        order.maxCreationDate = "2025-01-01T00:00:00Z";
        assertEquals("minCreationDate", fault(() -> endpoint.search(order)).field);
    }

    @Test
    void catalogRefusalIsATypedFaultWithTheSameMembers() {
        catalog.failure = OpusException.invalid("unknown-commune", "Aucune commune n'a le code INSEE « 99999 ».",
                "commune");
        OpusFaultInfo info = fault(() -> endpoint.search(new RechercheType()));
        assertEquals("unknown-commune", info.code);
        assertEquals(400, info.status);
        assertEquals("commune", info.field);
        assertEquals("Aucune commune n'a le code INSEE « 99999 ».", info.detail);
    }

    @Test
    void resultsCarryTheTotalThePageTheFranceTravailOffersAndTheFacets() throws Exception {
        String json = new String(example(), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"champAjouteParFranceTravail\": {\"x\": 1},");
        catalog.page = new OfferPage(321, 10, 10,
                List.of(new PublishedOffer("179PPHH", json.getBytes(StandardCharsets.UTF_8))),
                List.of(new Facet("typeContrat", List.of(new Facet.Value("MIS", 200), new Facet.Value("CDI", 121)))));

        ResultatRechercheType result = endpoint.search(new RechercheType());

        assertEquals(321, result.total);
        assertEquals(10, result.first);
        assertEquals(10, result.last);
        assertEquals(1, result.resultats.size());
        OffreType o = result.resultats.get(0);
        assertEquals("179PPHH", o.id);
        assertEquals("Gestionnaire de stock", o.intitule);
        assertTrue(o.description.startsWith("Notre agence Adéquat de Montpellier"));
        assertEquals("2024-08-19T11:01:06.407Z", o.dateCreation);
        assertEquals("2024-09-04T22:45:54.742Z", o.dateActualisation);
        assertEquals("34 - Saint-Aunès", o.lieuTravail.libelle);
        assertEquals("34240", o.lieuTravail.commune);
        assertEquals("34130", o.lieuTravail.codePostal);
        assertEquals(43.63586, o.lieuTravail.latitude);
        assertEquals(3.962108, o.lieuTravail.longitude);
        assertEquals("N1103", o.romeCode);
        assertEquals("Préparateur / Préparatrice de commandes", o.romeLibelle);
        assertEquals("Agent / Agente logistique en magasinage", o.appellationlibelle);
        assertEquals("ADEQUAT INTERIM", o.entreprise.nom);
        assertEquals(Boolean.FALSE, o.entreprise.entrepriseAdaptee);
        assertEquals("MIS", o.typeContrat);
        assertEquals("Intérim - 6 Mois", o.typeContratLibelle);
        assertEquals("Contrat travail", o.natureContrat);
        assertEquals("S", o.experienceExige);
        assertEquals("1 An(s)", o.experienceLibelle);
        assertEquals("Mensuel de 1833.0 Euros à 2250.0 Euros sur 12.0 mois", o.salaire.libelle);
        assertEquals("35H", o.dureeTravailLibelle);
        assertEquals("Temps plein", o.dureeTravailLibelleConverti);
        assertEquals("5", o.qualificationCode);
        assertEquals("Employé non qualifié", o.qualificationLibelle);
        assertEquals("78", o.secteurActivite);
        assertEquals("78.20Z", o.codeNAF);
        assertEquals("ADEQUAT INTERIM", o.contact.nom);
        assertTrue(o.contact.coordonnees1.startsWith("https://www.lejobadequat.com/"));
        assertTrue(o.contact.urlPostulation.startsWith("https://www.lejobadequat.com/"));
        assertEquals("1", o.origineOffre.origine);
        assertEquals(Boolean.TRUE, o.offresManqueCandidats);
        assertNull(o.agence, "France Travail's empty agence object carries nothing");

        assertEquals(1, result.filtresPossibles.size());
        assertEquals("typeContrat", result.filtresPossibles.get(0).filtre);
        assertEquals(List.of("MIS", "CDI"),
                result.filtresPossibles.get(0).agregation.stream().map(a -> a.valeurPossible).toList());
        assertEquals(200, result.filtresPossibles.get(0).agregation.get(0).nbResultats);
    }

    @Test
    void listsAndNestedBlocksOfAnOfferAreMapped() throws OpusFault {
        OfferContent content = OfferContent.builder().id("201WLXK").title("Développeur Java (H/F)")
                .skills(List.of(new OfferContent.Skill("123", "Concevoir une application", "E")))
                .languages(List.of(new OfferContent.Language("Anglais", "S")))
                .licences(List.of(new OfferContent.Licence("B - Véhicule léger", "E")))
                .trainings(List.of(new OfferContent.Training("31054", "Informatique", "Bac+2", null, "S")))
                .officeTools(List.of("Tableur"))
                .salary(new OfferContent.Salary("Annuel de 40000 Euros", null, null, null,
                        List.of(new OfferContent.SalaryComplement("1", "Mutuelle"))))
                .contact(new OfferContent.Contact("ACME", null, null, null, "0102030405", "rh@acme.example", null,
                        null, null))
                .agency(new OfferContent.Agency("3949", null))
                .workContext(new OfferContent.WorkContext(List.of("Travail en journée"), List.of()))
                .build();
        catalog.published.put("201WLXK", content);

        OffreType o = endpoint.get("201WLXK");

        assertEquals("Développeur Java (H/F)", o.intitule);
        assertEquals("Concevoir une application", o.competences.get(0).libelle);
        assertEquals("E", o.competences.get(0).exigence);
        assertEquals("Anglais", o.langues.get(0).libelle);
        assertEquals("B - Véhicule léger", o.permis.get(0).libelle);
        assertEquals("31054", o.formations.get(0).codeFormation);
        assertEquals(List.of("Tableur"), o.outilsBureautiques);
        assertEquals("Mutuelle", o.salaire.listeComplements.get(0).libelle);
        assertEquals("rh@acme.example", o.contact.courriel);
        assertEquals("0102030405", o.contact.telephone);
        assertEquals("3949", o.agence.telephone);
        assertEquals(List.of("Travail en journée"), o.contexteTravail.horaires);
        assertNull(o.lieuTravail);
    }

    @Test
    void getReturnsThePublishedFormOnly() throws OpusFault {
        catalog.published.put("179PPHH", OfferContent.builder().id("179PPHH").title("Gestionnaire de stock")
                .contact(new OfferContent.Contact("France Travail", null, null, null, null, null, null, null, null))
                .build());
        OffreType o = endpoint.get(" 179PPHH ");
        assertEquals("179PPHH", o.id);
        assertEquals("France Travail", o.contact.nom);
        assertEquals("179PPHH", catalog.lastPublishedId);
    }

    @Test
    void unknownOrInvisibleOfferIsANotFoundFault() {
        OpusFaultInfo info = fault(() -> endpoint.get("ZZZ999"));
        assertEquals("offer-not-found", info.code);
        assertEquals(404, info.status);
        assertEquals("id", info.field);
        assertTrue(info.detail.contains("ZZZ999"), info.detail);
    }

    @Test
    void missingIdIsAnInvalidParameterNamingId() {
        for (String blank : new String[] {null, "", " "}) {
            OpusFaultInfo info = fault(() -> endpoint.get(blank));
            assertEquals("invalid-parameter", info.code);
            assertEquals(400, info.status);
            assertEquals("id", info.field);
        }
    }

    @Test
    void anUnreadablePublishedOfferIsAnInternalErrorWithAnIncidentReference() {
        catalog.page = new OfferPage(1, 0, 0, List.of(new PublishedOffer("X", "{not json".getBytes())), List.of());
        OpusFaultInfo info = fault(() -> endpoint.search(new RechercheType()));
        assertEquals("internal-error", info.code);
        assertEquals(500, info.status);
        assertTrue(info.detail.contains("Référence de l'incident"), info.detail);
        assertTrue(!info.detail.contains("not json"), "no internals in the fault: " + info.detail);
    }

    /** Answers what the test put in; records what the endpoint asked. */
    static final class FakeCatalog implements OfferCatalog {

        final Map<String, OfferContent> published = new HashMap<>();
        OfferPage page = new OfferPage(0, 0, -1, List.of(), List.of());
        RuntimeException failure;
        OfferQuery lastQuery;
        String lastPublishedId;

        @Override
        public Optional<Offer> find(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<OfferContent> findPublished(String id) {
            lastPublishedId = id;
            return Optional.ofNullable(published.get(id));
        }

        @Override
        public java.util.List<String> activeOfferIds(java.time.Instant publishedBefore) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public java.util.List<Offer> findBySiret(String siret) {
            throw new AssertionError("not called in this test");
        }

        @Override
        public OfferPage search(OfferQuery query) {
            if (failure != null) {
                throw failure;
            }
            lastQuery = query;
            return page;
        }
    }
}
