package fr.opus.referentials.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Department;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.Region;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferentialDataTest {

    /** Hand-made reference data, given out of code order on purpose. */
    private final ReferentialData data = new ReferentialData(
            List.of(new Region("84", "Auvergne-Rhône-Alpes", false), new Region("11", "Île-de-France", false),
                    new Region("94", "Corse", false)),
            List.of(new Department("75", "Paris", "11"), new Department("2A", "Corse-du-Sud", "94"),
                    new Department("42", "Loire", "84"), new Department("01", "Ain", "84")),
            List.of(commune("75115", "Paris 15e Arrondissement", "75056", "75", "11", List.of("75015"), 229_713),
                    commune("42218", "Saint-Étienne", null, "42", "84", List.of("42000", "42100", "42230"),
                            173_136),
                    commune("75056", "Paris", null, "75", "11", List.of("75001", "75002"), 2_113_705),
                    commune("38384", "Saint-Étienne-de-Saint-Geoirs", null, "38", "84", List.of("38590"), 3_500),
                    commune("42219", "Saint-Étienne-le-Molard", null, "42", "84", List.of("42130"), 5_000),
                    commune("07999", "Le Petit-Saint-Étienne", null, "07", "84", List.of("07300"), 90_000),
                    commune("2A004", "Ajaccio", null, "2A", "94", List.of("20000", "20090", "20167"), 76_320),
                    commune("01001", "L'Abergement-Clémenciat", null, "01", "84", List.of("01400"), 860)),
            List.of(new Job("M1855", "Développeur / Développeuse web", "M18", "M1805"),
                    new Job("M1805", "Développeur / Développeuse informatique", "M18", "M1805"),
                    new Job("K2111", "Formateur / Formatrice", "K21", "K2111"),
                    new Job("M1860", "Chef / Cheffe de projet développeur logiciel", "M18", "M1805"),
                    new Job("A1101", "Conducteur / Conductrice d'engins agricoles", "A11", "A1101")),
            List.of(new Appellation("38444", "Formateur développeur / Formatrice développeuse", "Formateur dév",
                            "K2111", false),
                    new Appellation("11987", "Chauffeur / Chauffeuse de machines agricoles", null, "A1101", false),
                    new Appellation("99001", "Conducteur de moissonneuse M18", null, "A1101", false),
                    new Appellation("10001", "Développeur / Développeuse informatique", null, "M1805", true)),
            Map.of(CodeList.TYPES_CONTRATS, List.of(new CodeLabel("CDD", "Contrat à durée déterminée"),
                    new CodeLabel("CDI", "Contrat à durée indéterminée"))),
            List.of());

    private static Commune commune(String insee, String name, String parent, String department, String region,
            List<String> postalCodes, Integer population) {
        return new Commune(insee, name, parent != null, parent, department, region, postalCodes, population, null,
                null);
    }

    private static List<String> romeCodes(List<Job> jobs) {
        return jobs.stream().map(Job::romeCode).toList();
    }

    private static List<String> inseeCodes(List<Commune> communes) {
        return communes.stream().map(Commune::inseeCode).toList();
    }

    @Test
    void codePrefixRanksCodeMatchesBeforeTitleMatches() {
        // A1101 has a title containing "M18" but sorts first by code: the code matches must still come first.
        assertEquals(List.of("M1805", "M1855", "M1860", "A1101"), romeCodes(data.findJobs("M18", 10)));
        assertEquals(List.of("M1805"), romeCodes(data.findJobs("m1805", 10)));
    }

    @Test
    void wordsMatchLabelStartThenLabelThenAppellationTitles() {
        assertEquals(List.of("M1805", "M1855", "M1860", "K2111"), romeCodes(data.findJobs("developpeur", 10)));
    }

    @Test
    void jobSearchIgnoresAccentsAndCaseAndNeedsEveryWord() {
        assertEquals(List.of("M1805"), romeCodes(data.findJobs("DÉVELOPPEUR informatique", 10)));
        assertEquals(List.of("M1805"), romeCodes(data.findJobs("developpeuse inform", 10)));
        assertEquals(List.of("A1101"), romeCodes(data.findJobs("chauffeuse machines", 10)));
        assertTrue(data.findJobs("developpeur boulanger", 10).isEmpty());
    }

    @Test
    void jobSearchHonoursTheLimitAndIgnoresBlankQueries() {
        assertEquals(List.of("M1805", "M1855"), romeCodes(data.findJobs("developpeur", 2)));
        assertTrue(data.findJobs("developpeur", 0).isEmpty());
        assertTrue(data.findJobs("  ", 10).isEmpty());
    }

    @Test
    void exactCommuneNameBeatsPrefixWhichBeatsInnerWordAndTiesGoByPopulation() {
        // 42219 (5 000 inhabitants) before 38384 (3 500) although its code is higher;
        // 07999 only contains the name, so it comes last despite being the most populated of the three.
        assertEquals(List.of("42218", "42219", "38384", "07999"), inseeCodes(data.findCommunes("Saint-Étienne", 10)));
    }

    @Test
    void abbreviatedSaintFindsSaintEtienneFirst() {
        List<Commune> found = data.findCommunes("st etienne", 10);
        assertEquals("42218", found.get(0).inseeCode());
        assertEquals("42218", data.findCommunes("ST-ETIENNE", 1).get(0).inseeCode());
    }

    @Test
    void communeSearchByInseePrefixRanksByPopulation() {
        assertEquals(List.of("75056", "75115"), inseeCodes(data.findCommunes("75", 10)));
        assertEquals(List.of("75115"), inseeCodes(data.findCommunes("751", 10)));
        assertEquals(List.of("2A004"), inseeCodes(data.findCommunes("2a0", 10)));
    }

    @Test
    void communeSearchByPostalCode() {
        assertEquals(List.of("75115"), inseeCodes(data.findCommunes("75015", 10)));
        assertEquals(List.of("42218"), inseeCodes(data.findCommunes("42100", 10)));
        assertEquals(List.of("2A004"), inseeCodes(data.findCommunes("20090", 10)));
        assertEquals(List.of("42218", "42219"), inseeCodes(data.findCommunes("421", 10)));
    }

    @Test
    void communeSearchHonoursTheLimitAndIgnoresBlankQueries() {
        assertEquals(List.of("42218"), inseeCodes(data.findCommunes("saint etienne", 1)));
        assertTrue(data.findCommunes(" ", 10).isEmpty());
        assertTrue(data.findCommunes(null, 10).isEmpty());
        assertTrue(data.findCommunes("Paris", 0).isEmpty());
    }

    @Test
    void lookupsAcceptCodesInAnyCaseWithSpaces() {
        assertEquals("Ajaccio", data.commune("2a004").orElseThrow().name());
        assertEquals("Corse-du-Sud", data.department(" 2a ").orElseThrow().name());
        assertEquals("Développeur / Développeuse informatique", data.job("m1805").orElseThrow().label());
        assertEquals("Auvergne-Rhône-Alpes", data.region(" 84 ").orElseThrow().name());
        assertEquals("K2111", data.appellation("38444").orElseThrow().romeCode());
    }

    @Test
    void unknownOrNullCodesAreEmpty() {
        assertFalse(data.commune("99999").isPresent());
        assertFalse(data.department(null).isPresent());
        assertFalse(data.job("Z9999").isPresent());
        assertFalse(data.region(null).isPresent());
        assertFalse(data.appellation("0").isPresent());
    }

    @Test
    void listsAreSortedByCode() {
        assertEquals(List.of("11", "84", "94"), data.regions.stream().map(Region::code).toList());
        assertEquals(List.of("01", "2A", "42", "75"), data.departments.stream().map(Department::code).toList());
        assertEquals(List.of("01001", "07999", "2A004", "38384", "42218", "42219", "75056", "75115"),
                inseeCodes(data.communes));
        assertEquals(List.of("A1101", "K2111", "M1805", "M1855", "M1860"), romeCodes(data.jobs));
        assertEquals(List.of("10001", "11987", "38444", "99001"),
                data.appellations.stream().map(Appellation::code).toList());
    }

    @Test
    void everyCodeListIsPresentEvenWhenNothingWasLoaded() {
        assertEquals(List.of("CDD", "CDI"),
                data.codeLists.get(CodeList.TYPES_CONTRATS).stream().map(CodeLabel::code).toList());
        for (CodeList list : CodeList.values()) {
            assertTrue(data.codeLists.containsKey(list), list.name());
        }
        assertTrue(data.codeLists.get(CodeList.THEMES).isEmpty());
    }
}
