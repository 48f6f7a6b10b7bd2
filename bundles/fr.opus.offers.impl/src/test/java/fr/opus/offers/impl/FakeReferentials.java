package fr.opus.offers.impl;

import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Department;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import fr.opus.referentials.api.Region;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A few real communes, jobs and code lists: enough reference data for offer tests. */
final class FakeReferentials implements ReferentialService {

    static final List<Region> REGIONS = List.of(new Region("52", "Pays de la Loire", false),
            new Region("76", "Occitanie", false), new Region("11", "Île-de-France", false),
            new Region("84", "Auvergne-Rhône-Alpes", false));
    static final List<Department> DEPARTMENTS = List.of(new Department("72", "Sarthe", "52"),
            new Department("34", "Hérault", "76"), new Department("75", "Paris", "11"),
            new Department("69", "Rhône", "84"));
    static final List<Commune> COMMUNES = List.of(
            new Commune("72181", "Le Mans", false, null, "72", "52", List.of("72000"), 142_000, 48.0075, 0.1984),
            new Commune("72003", "Allonnes", false, null, "72", "52", List.of("72700"), 11_000, 47.9686, 0.1597),
            new Commune("34172", "Montpellier", false, null, "34", "76", List.of("34000"), 300_000, 43.6109, 3.8763),
            new Commune("34240", "Saint-Aunès", false, null, "34", "76", List.of("34130"), 3_500, 43.6359, 3.9621),
            new Commune("75056", "Paris", false, null, "75", "11", List.of("75001"), 2_100_000, 48.8566, 2.3522),
            new Commune("75115", "Paris 15e Arrondissement", true, "75056", "75", "11", List.of("75015"), 230_000,
                    48.8412, 2.3003),
            new Commune("69123", "Lyon", false, null, "69", "84", List.of("69001"), 520_000, 45.7640, 4.8357));
    static final List<Job> JOBS = List.of(new Job("M1855", "Développeur / Développeuse web", "M18", "M1805"),
            new Job("N1103", "Préparateur / Préparatrice de commandes", "N11", "N1103"),
            new Job("D1102", "Boulanger / Boulangère", "D11", "D1102"),
            new Job("J1506", "Infirmier / Infirmière en soins généraux", "J15", "J1506"),
            new Job("C1502", "Gestionnaire immobilier", "C15", "C1502"));
    static final List<Appellation> APPELLATIONS = List.of(
            new Appellation("38444", "Développeur / Développeuse back-end", "Développeur back-end", "M1855", false),
            new Appellation("11573", "Boulanger / Boulangère", "Boulanger", "D1102", true));
    static final Map<CodeList, List<CodeLabel>> LISTS = Map.of(
            CodeList.NATURES_CONTRATS, List.of(new CodeLabel("E1", "Contrat travail"),
                    new CodeLabel("E2", "Contrat apprentissage"), new CodeLabel("FS", "Cont. professionnalisation")),
            CodeList.TYPES_CONTRATS, List.of(new CodeLabel("CDI", "Contrat à durée indéterminée"),
                    new CodeLabel("CDD", "Contrat à durée déterminée"), new CodeLabel("MIS", "Mission intérimaire"),
                    new CodeLabel("SAI", "Contrat travail saisonnier"), new CodeLabel("LIB", "Profession libérale")),
            CodeList.GRANDS_DOMAINES, List.of(new CodeLabel("M", "Support à l'entreprise"),
                    new CodeLabel("M18", "Systèmes d'information et de télécommunication"),
                    new CodeLabel("C", "Banque / Assurance"), new CodeLabel("C15", "Immobilier"),
                    new CodeLabel("D", "Commerce / Vente"), new CodeLabel("N", "Transport / Logistique"),
                    new CodeLabel("J", "Santé")));

    @Override
    public List<Region> regions() {
        return REGIONS;
    }

    @Override
    public List<Department> departments() {
        return DEPARTMENTS;
    }

    @Override
    public List<Commune> communes() {
        return COMMUNES;
    }

    @Override
    public List<Job> jobs() {
        return JOBS;
    }

    @Override
    public List<Appellation> appellations() {
        return APPELLATIONS;
    }

    @Override
    public List<CodeLabel> codeList(CodeList list) {
        return LISTS.getOrDefault(list, List.of());
    }

    @Override
    public Optional<Region> region(String code) {
        return REGIONS.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Department> department(String code) {
        return DEPARTMENTS.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Commune> commune(String inseeCode) {
        return COMMUNES.stream().filter(c -> c.inseeCode().equals(inseeCode)).findFirst();
    }

    @Override
    public Optional<Job> job(String romeCode) {
        return JOBS.stream().filter(j -> j.romeCode().equals(romeCode)).findFirst();
    }

    @Override
    public Optional<Appellation> appellation(String code) {
        return APPELLATIONS.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    @Override
    public List<Job> findJobs(String text, int limit) {
        return List.of();
    }

    @Override
    public List<Commune> findCommunes(String text, int limit) {
        return List.of();
    }

    @Override
    public List<Dataset> datasets() {
        return List.of();
    }
}
