package fr.opus.referentials.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.OpusFaultInfo;
import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Department;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import fr.opus.referentials.api.Region;
import fr.opus.referentials.soap.SoapTypes.CommuneType;
import fr.opus.referentials.soap.SoapTypes.ReferentielType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ReferentialEndpointTest {

    private final FakeReferentials referentials = new FakeReferentials();
    private final ReferentialEndpoint endpoint = new ReferentialEndpoint(referentials);

    private static OpusFaultInfo fault(Executable call) {
        OpusFault fault = assertThrows(OpusFault.class, call);
        assertEquals(fault.getFaultInfo().detail, fault.getMessage());
        return fault.getFaultInfo();
    }

    @Test
    void unknownDepartmentIsANotFoundFault() {
        OpusFaultInfo info = fault(() -> endpoint.getCommunes("99"));
        assertEquals("unknown-department", info.code);
        assertEquals(404, info.status);
        assertTrue(info.detail.contains("99"), info.detail);
    }

    @Test
    void blankDepartmentIsAnInvalidParameterNamingCodeDepartement() {
        for (String blank : new String[] {null, "", "  "}) {
            OpusFaultInfo info = fault(() -> endpoint.getCommunes(blank));
            assertEquals("invalid-parameter", info.code);
            assertEquals(400, info.status);
            assertEquals("codeDepartement", info.field);
        }
    }

    @Test
    void communesOfADepartmentCarryFranceTravailUpperCaseLabels() throws OpusFault {
        List<CommuneType> communes = endpoint.getCommunes("2a");
        assertEquals(List.of("2A004"), communes.stream().map(c -> c.code).toList());

        CommuneType saintEtienne = endpoint.getCommunes("42").get(0);
        assertEquals("42218", saintEtienne.code);
        assertEquals("SAINT ETIENNE", saintEtienne.libelle);
        assertEquals("42000", saintEtienne.codePostal);
        assertEquals("42", saintEtienne.codeDepartement);
        assertEquals("84", saintEtienne.codeRegion);

        CommuneType abergement = endpoint.getCommunes("01").get(0);
        assertEquals("L ABERGEMENT CLEMENCIAT", abergement.libelle);
        assertNull(abergement.codePostal, "a commune without postal code has none");
    }

    @Test
    void referentielIsFoundByFranceTravailNameInAnyCase() throws OpusFault {
        for (String name : new String[] {"typesContrats", "TYPESCONTRATS", " typescontrats "}) {
            List<ReferentielType> entries = endpoint.getReferentiel(name);
            assertEquals(List.of("CDD", "CDI"), entries.stream().map(e -> e.code).toList(), name);
            assertEquals("Contrat à durée indéterminée", entries.get(1).libelle);
        }
        assertEquals(CodeList.TYPES_CONTRATS, referentials.lastList);
        endpoint.getReferentiel("secteursActivites");
        assertEquals(CodeList.SECTEURS_ACTIVITES, referentials.lastList);
    }

    @Test
    void unknownReferentielIsAnInvalidParameterNamingNom() {
        for (String name : new String[] {"contrats", "", null}) {
            OpusFaultInfo info = fault(() -> endpoint.getReferentiel(name));
            assertEquals("invalid-parameter", info.code);
            assertEquals(400, info.status);
            assertEquals("nom", info.field);
        }
    }

    @Test
    void limitOutsideOneToFiftyIsAFaultNamingLimite() {
        for (int bad : new int[] {0, 51, -1}) {
            OpusFaultInfo metiers = fault(() -> endpoint.findMetiers("developpeur", bad));
            assertEquals("invalid-parameter", metiers.code);
            assertEquals("limite", metiers.field);
            OpusFaultInfo communes = fault(() -> endpoint.findCommunes("saint", bad));
            assertEquals("limite", communes.field);
        }
    }

    @Test
    void limitDefaultsToTenAndAcceptsTheBounds() throws OpusFault {
        endpoint.findMetiers("developpeur", null);
        assertEquals(10, referentials.lastLimit);
        endpoint.findCommunes("saint", 1);
        assertEquals(1, referentials.lastLimit);
        endpoint.findCommunes("saint", 50);
        assertEquals(50, referentials.lastLimit);
    }

    @Test
    void missingOrOverlongSearchTextIsAFaultNamingTexte() {
        for (String bad : new String[] {null, " ", "x".repeat(101)}) {
            assertEquals("texte", fault(() -> endpoint.findCommunes(bad, 5)).field);
            assertEquals("texte", fault(() -> endpoint.findMetiers(bad, 5)).field);
        }
    }

    @Test
    void foundCommunesUseTheUpperCaseLabel() throws OpusFault {
        List<CommuneType> found = endpoint.findCommunes("saint", 5);
        assertEquals("SAINT ETIENNE", found.get(0).libelle);
        assertEquals("saint", referentials.lastText);
    }

    @Test
    void foundJobsAreCodeAndLabel() throws OpusFault {
        List<ReferentielType> found = endpoint.findMetiers("developpeur", 5);
        assertEquals("M1805", found.get(0).code);
        assertEquals("Développeur / Développeuse informatique", found.get(0).libelle);
    }

    @Test
    void unknownRegionAndRomeCodeAreNotFoundFaults() throws OpusFault {
        OpusFaultInfo region = fault(() -> endpoint.getDepartements("99"));
        assertEquals("unknown-region", region.code);
        assertEquals(404, region.status);
        OpusFaultInfo rome = fault(() -> endpoint.getAppellations("Z9999"));
        assertEquals("unknown-rome-code", rome.code);
        assertEquals(404, rome.status);
    }

    @Test
    void departementsAndAppellationsAreFilteredWhenAskedAndAllOtherwise() throws OpusFault {
        assertEquals(List.of("01", "42"), endpoint.getDepartements("84").stream().map(d -> d.code).toList());
        assertEquals(3, endpoint.getDepartements(null).size());
        assertEquals(List.of("10001"), endpoint.getAppellations("m1805").stream().map(a -> a.code).toList());
        assertEquals(2, endpoint.getAppellations(" ").size());
        assertEquals(List.of("84", "94"), endpoint.getRegions().stream().map(r -> r.code).toList());
    }

    /** Just enough reference data; records the arguments of the searches. */
    private static final class FakeReferentials implements ReferentialService {

        final List<Region> regions = List.of(new Region("84", "Auvergne-Rhône-Alpes", false),
                new Region("94", "Corse", false));
        final List<Department> departments = List.of(new Department("01", "Ain", "84"),
                new Department("2A", "Corse-du-Sud", "94"), new Department("42", "Loire", "84"));
        final List<Commune> communes = List.of(
                new Commune("01001", "L'Abergement-Clémenciat", false, null, "01", "84", List.of(), 860, null,
                        null),
                new Commune("2A004", "Ajaccio", false, null, "2A", "94", List.of("20000", "20090"), 76_320, null,
                        null),
                new Commune("42218", "Saint-Étienne", false, null, "42", "84", List.of("42000", "42100"),
                        173_136, null, null));
        final List<Job> jobs = List.of(new Job("M1805", "Développeur / Développeuse informatique", "M18", "M1805"));
        final List<Appellation> appellations = List.of(
                new Appellation("10001", "Développeur / Développeuse informatique", null, "M1805", true),
                new Appellation("11987", "Chauffeur / Chauffeuse de machines agricoles", null, "A1101", false));
        final Map<CodeList, List<CodeLabel>> lists = Map.of(CodeList.TYPES_CONTRATS,
                List.of(new CodeLabel("CDD", "Contrat à durée déterminée"),
                        new CodeLabel("CDI", "Contrat à durée indéterminée")));
        CodeList lastList;
        String lastText;
        int lastLimit;

        @Override
        public List<Region> regions() {
            return regions;
        }

        @Override
        public List<Department> departments() {
            return departments;
        }

        @Override
        public List<Commune> communes() {
            return communes;
        }

        @Override
        public List<Job> jobs() {
            return jobs;
        }

        @Override
        public List<Appellation> appellations() {
            return appellations;
        }

        @Override
        public List<CodeLabel> codeList(CodeList list) {
            lastList = list;
            return lists.getOrDefault(list, List.of());
        }

        @Override
        public Optional<Region> region(String code) {
            return regions.stream().filter(r -> r.code().equals(code.trim())).findFirst();
        }

        @Override
        public Optional<Department> department(String code) {
            return departments.stream().filter(d -> d.code().equals(code.trim().toUpperCase(Locale.ROOT)))
                    .findFirst();
        }

        @Override
        public Optional<Commune> commune(String inseeCode) {
            return communes.stream().filter(c -> c.inseeCode().equalsIgnoreCase(inseeCode.trim())).findFirst();
        }

        @Override
        public Optional<Job> job(String romeCode) {
            return jobs.stream().filter(j -> j.romeCode().equalsIgnoreCase(romeCode.trim())).findFirst();
        }

        @Override
        public Optional<Appellation> appellation(String code) {
            return appellations.stream().filter(a -> a.code().equals(code)).findFirst();
        }

        @Override
        public List<Job> findJobs(String text, int limit) {
            lastText = text;
            lastLimit = limit;
            return jobs;
        }

        @Override
        public List<Commune> findCommunes(String text, int limit) {
            lastText = text;
            lastLimit = limit;
            List<Commune> found = new ArrayList<>(communes);
            found.sort((a, b) -> Integer.compare(b.population(), a.population()));
            return found;
        }

        @Override
        public List<Dataset> datasets() {
            return List.of();
        }
    }
}
