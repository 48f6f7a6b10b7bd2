package fr.opus.offers.impl;

import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.Siret;
import fr.opus.offers.api.SupportLevel;
import fr.opus.referentials.api.Appellation;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fictitious but realistic offers. Offer {@code i} is always the same (its random source is seeded by {@code i}),
 * so a benchmark can regenerate what it loaded. No real person appears: contacts are services, not people.
 */
final class DemoOfferGenerator {

    private static final String[] COMPANY_KINDS = {"Boulangerie", "Transports", "Garage", "Résidence", "Hôtel",
        "Restaurant", "Cabinet", "Atelier", "Clinique", "Supermarché", "Bureau d'études", "Entreprise", "Agence",
        "Menuiserie", "Pharmacie", "Ferme", "Imprimerie", "Logistique"};
    private static final String[] COMPANY_NAMES = {"du Centre", "des Halles", "Martin & Fils", "Horizon",
        "Les Tilleuls", "du Port", "Saint-Michel", "Atlantique", "des Alpes", "Lumière", "Bellevue", "du Moulin",
        "Arc-en-ciel", "Océane", "Le Fournil", "Mistral", "Les Cèdres", "Cap Avenir"};
    private static final String[] MISSIONS = {"accueillir et conseiller la clientèle", "préparer et suivre les"
        + " commandes", "assurer l'entretien du matériel", "travailler en équipe avec les autres services",
        "respecter les règles d'hygiène et de sécurité", "tenir à jour les tableaux de suivi",
        "participer aux inventaires", "proposer des améliorations de l'organisation"};
    private static final String[] QUALITIES = {"Sens de l'organisation", "Travail en équipe", "Autonomie",
        "Rigueur", "Capacité d'adaptation", "Réactivité", "Sens de la communication"};
    private static final String[][] QUALIFICATIONS = {{"1", "Manoeuvre"}, {"2", "Ouvrier spécialisé"},
        {"3", "Ouvrier qualifié (P1,P2)"}, {"4", "Ouvrier qualifié (P3,P4,OHQ)"}, {"5", "Employé non qualifié"},
        {"6", "Employé qualifié"}, {"7", "Technicien"}, {"8", "Agent de maîtrise"}, {"9", "Cadre"}};

    private final List<Appellation> appellations;
    private final Map<String, Job> jobs;
    private final List<Commune> communes;
    private final long[] cumulativePopulation;
    private final List<CodeLabel> sectors;
    private final Instant now;

    DemoOfferGenerator(ReferentialService referentials, Instant now) {
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.appellations = referentials.appellations();
        this.jobs = referentials.jobs().stream().collect(Collectors.toMap(Job::romeCode, Function.identity()));
        Set<String> split = referentials.communes().stream().filter(Commune::arrondissement)
                .map(Commune::parentCode).collect(Collectors.toSet());
        this.communes = referentials.communes().stream()
                .filter(c -> c.latitude() != null && c.population() != null && c.population() > 0)
                .filter(c -> !split.contains(c.inseeCode()))
                .toList();
        this.cumulativePopulation = new long[communes.size()];
        long sum = 0;
        for (int i = 0; i < communes.size(); i++) {
            sum += communes.get(i).population();
            cumulativePopulation[i] = sum;
        }
        this.sectors = referentials.codeList(CodeList.SECTEURS_ACTIVITES);
        if (appellations.isEmpty() || communes.isEmpty()) {
            throw new IllegalStateException("Reference data missing: no appellations or communes");
        }
    }

    static String id(long index) {
        String base36 = Long.toString(index, 36).toUpperCase(Locale.ROOT);
        return "D" + "0".repeat(Math.max(0, 6 - base36.length())) + base36;
    }

    OfferEvent creation(long index) {
        Offer offer = offer(index);
        return new OfferEvent("demo-" + offer.id() + "-1", OfferEventType.CREATED, offer.id(), 1L, now, offer);
    }

    Offer offer(long index) {
        SplittableRandom r = new SplittableRandom(0x0b5L * 31 + index);
        Appellation appellation = appellations.get(r.nextInt(appellations.size()));
        Job job = jobs.get(appellation.romeCode());
        Commune commune = commune(r);
        String contract = pick(r, new String[] {"CDI", "CDD", "MIS", "SAI", "LIB", "CDI", "CDD", "CDI", "MIS"});
        int months = 1 + r.nextInt(12);
        String contractLabel = switch (contract) {
            case "CDI" -> "Contrat à durée indéterminée";
            case "CDD" -> "Contrat à durée déterminée - " + months + " Mois";
            case "MIS" -> "Intérim - " + months + " Mois";
            case "SAI" -> "Saisonnier - " + months + " Mois";
            default -> "Profession libérale";
        };
        int natureDraw = r.nextInt(100);
        String nature = natureDraw < 6 ? "Contrat apprentissage" : natureDraw < 9 ? "Cont. professionnalisation"
                : "Contrat travail";
        int exp = r.nextInt(10);
        String expReq = exp < 4 ? "D" : exp < 7 ? "S" : "E";
        String expLabel = exp < 4 ? "Débutant accepté" : (1 + r.nextInt(5)) + " An(s)";
        String[] qualification = QUALIFICATIONS[r.nextInt(10) == 0 ? 8 : r.nextInt(8)];
        boolean fullTime = r.nextInt(5) > 0;
        int minPay = 1_800 + r.nextInt(25) * 50;
        String title = appellation.shortLabel() != null ? appellation.shortLabel() : appellation.label();
        CodeLabel sector = sectors.isEmpty() ? null : sectors.get(r.nextInt(sectors.size()));
        String company = pick(r, COMPANY_KINDS) + " " + pick(r, COMPANY_NAMES);
        String domain = company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".example";
        Instant created = now.minus(Duration.ofMinutes(r.nextInt(30 * 24 * 60)));
        OfferContent content = OfferContent.builder()
                .title(title + " (H/F)")
                .description(description(r, title, commune, fullTime))
                .creationDate(created.toString())
                .updateDate(created.toString())
                .workplace(new OfferContent.Workplace(commune.departmentCode() + " - " + commune.name(),
                        commune.latitude(), commune.longitude(), commune.mainPostalCode(), commune.inseeCode()))
                .romeCode(job.romeCode()).romeLabel(job.label()).appellationLabel(appellation.label())
                .company(new OfferContent.Company(company, "Entreprise de " + commune.name(), null,
                        "https://www." + domain, false))
                .contractType(contract).contractTypeLabel(contractLabel).contractNature(nature)
                .experienceRequirement(expReq).experienceLabel(expLabel)
                .salary(new OfferContent.Salary("Mensuel de " + minPay + ".0 Euros à " + (minPay + 300)
                        + ".0 Euros sur 12.0 mois", null, null, null, List.of()))
                .workingHoursLabel(fullTime ? "35H/semaine\nTravail en journée" : "24H/semaine")
                .workingTimeKind(fullTime ? "Temps plein" : "Temps partiel")
                .workStudy(!"Contrat travail".equals(nature))
                .contact(new OfferContent.Contact(company, "Service recrutement", null, null, null,
                        "recrutement@" + domain, null, null, null))
                .agency(new OfferContent.Agency(null, null))
                .positions(1 + (r.nextInt(10) == 0 ? r.nextInt(4) : 0))
                .disabilityAccessible(r.nextInt(10) == 0)
                .qualification(qualification[0], qualification[1])
                .naf(null, sector == null ? null : sector.code(), sector == null ? null : sector.label())
                .professionalQualities(List.of(new OfferContent.ProfessionalQuality(pick(r, QUALITIES), null)))
                .origin(new OfferContent.Origin("1", null, List.of()))
                .shortOfCandidates(r.nextInt(8) == 0)
                .adaptedCompany(false)
                .disabilityCommittedEmployer(r.nextInt(20) == 0)
                .build();
        int diffusionDraw = r.nextInt(100);
        Diffusion diffusion = diffusionDraw < 60 ? Diffusion.NOMINATIVE : diffusionDraw < 85 ? Diffusion.VISIBILITY
                : Diffusion.ANONYMOUS;
        PreselectionLevel preselection = r.nextInt(5) == 0 ? PreselectionLevel.values()[r.nextInt(3)] : null;
        ManagingPartner partner = r.nextInt(10) == 0 ? new ManagingPartner(
                String.format("%05d", 10_000 + r.nextInt(80_000)), "Mission Locale de " + commune.name(),
                "offres@ml-" + commune.inseeCode() + ".example", null) : null;
        Correspondent correspondent = new Correspondent("Équipe entreprise", "entreprise." + commune.departmentCode()
                + "@francetravail.example", null, null, "Agence France Travail de " + commune.name());
        return new Offer(id(index), null, 1, now, diffusion,
                preselection == null && r.nextInt(3) > 0 ? SupportLevel.SUPPORT : SupportLevel.ACCOMPANIMENT,
                preselection, correspondent, partner, appellation.code(), content,
                siret(company, commune.departmentCode()));
    }

    /**
     * A made-up but valid SIRET for a company name in a department: one establishment per name and department, so
     * that an employer of the demo has several offers. Derived from the name and the department only, not from the
     * offer's random source, so that adding it changed none of the other generated values.
     */
    static String siret(String company, String department) {
        long siren = Math.floorMod((long) company.hashCode() * 1_000_003L, 100_000_000L);
        String head = Siret.withCheckDigit(String.format("%08d", siren));
        if (head.equals(Siret.LA_POSTE_SIREN)) {
            head = Siret.withCheckDigit(String.format("%08d", siren + 1));
        }
        int nic = Math.floorMod(department.hashCode(), 9_000) + 1;
        return Siret.withCheckDigit(head + String.format("%04d", nic));
    }

    private static String description(SplittableRandom r, String title, Commune commune, boolean fullTime) {
        List<String> missions = new ArrayList<>(List.of(MISSIONS));
        StringBuilder b = new StringBuilder("Nous recherchons un(e) ").append(title.toLowerCase(Locale.FRENCH))
                .append(" pour notre établissement de ").append(commune.name()).append(".\nVos missions :\n");
        for (int i = 0; i < 3; i++) {
            b.append("- ").append(missions.remove(r.nextInt(missions.size()))).append("\n");
        }
        b.append(fullTime ? "Poste à temps plein, du lundi au vendredi." : "Poste à temps partiel.");
        return b.toString();
    }

    private Commune commune(SplittableRandom r) {
        long target = r.nextLong(cumulativePopulation[cumulativePopulation.length - 1]);
        int i = java.util.Arrays.binarySearch(cumulativePopulation, target + 1);
        return communes.get(i >= 0 ? i : -i - 1);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
