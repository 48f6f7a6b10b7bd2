package fr.opus.offers.api;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search over active offers, with the filters of France Travail's {@code GET /v2/offres/search} (named here as
 * there). Every field is optional; filters combine with AND, values within one filter with OR — except
 * {@code keywords}, which must all match, and {@code typeContrat}/{@code natureContrat}, which combine with OR as
 * France Travail documents. Build one with {@link #builder()}; {@link Builder#build()} checks France Travail's
 * limits.
 */
public record OfferQuery(List<String> keywords, List<String> romeCodes, String appellation, String grandDomain,
        String domain, String theme, List<String> sectors, List<String> nafCodes, List<String> communes,
        Integer distanceKm, List<String> departments, boolean includeNeighbours, String region,
        List<String> contractTypes, List<String> contractNatures, String qualification, String experience,
        String experienceRequirement, Boolean fullTime, String weeklyDuration, Integer publishedSinceDays,
        Instant minCreationDate, Instant maxCreationDate, String origin, Boolean disabilityAccessible,
        Boolean shortOfCandidates, Boolean adaptedCompanies, Boolean disabilityCommittedEmployers, Sort sort,
        int first, int last) {

    /** Most offers in one page. */
    public static final int MAX_PAGE = 150;
    /** Highest first index. */
    public static final int MAX_FIRST = 3000;
    /** Highest last index. */
    public static final int MAX_LAST = 3149;
    /** Radius around a commune when none is given, in km (France Travail's default). */
    public static final int DEFAULT_DISTANCE_KM = 10;

    /** France Travail's {@code sort}: 0 relevance, 1 creation date, 2 distance. */
    public enum Sort { RELEVANCE, DATE, DISTANCE }

    public OfferQuery {
        keywords = List.copyOf(keywords);
        romeCodes = List.copyOf(romeCodes);
        sectors = List.copyOf(sectors);
        nafCodes = List.copyOf(nafCodes);
        communes = List.copyOf(communes);
        departments = List.copyOf(departments);
        contractTypes = List.copyOf(contractTypes);
        contractNatures = List.copyOf(contractNatures);
    }

    /** The number of offers asked for. */
    public int pageSize() {
        return last - first + 1;
    }

    /** The radius around {@link #communes()}, in km. */
    public int effectiveDistanceKm() {
        return distanceKm == null ? DEFAULT_DISTANCE_KM : distanceKm;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects and checks the filters. Lists are given already split. */
    public static final class Builder {
        private static final Pattern ROME = Pattern.compile("[A-N]\\d{4}");
        private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB]\\d{3}");
        private static final Pattern DEPARTMENT = Pattern.compile("\\d{2}|2[AB]|97\\d");
        private static final Pattern SECTOR = Pattern.compile("\\d{2}");
        private static final Pattern NAF = Pattern.compile("\\d{2}\\.\\d{2}[A-Z]");
        private static final Pattern APPELLATION = Pattern.compile("\\d{1,7}");
        private static final Pattern REGION = Pattern.compile("\\d{2}");
        private static final Pattern DOMAIN = Pattern.compile("[A-N]\\d{2}");
        private static final Pattern GRAND_DOMAIN = Pattern.compile("[A-N](1[3-8]|15)?");
        private static final Set<String> CONTRACT_TYPES =
                Set.of("CDI", "CDD", "MIS", "SAI", "CCE", "FRA", "LIB", "REP", "TTI", "DDI", "DIN", "DDT");
        private static final Pattern NATURE = Pattern.compile("[A-Z0-9]{2}");

        private List<String> keywords = List.of();
        private List<String> romeCodes = List.of();
        private String appellation;
        private String grandDomain;
        private String domain;
        private String theme;
        private List<String> sectors = List.of();
        private List<String> nafCodes = List.of();
        private List<String> communes = List.of();
        private Integer distanceKm;
        private List<String> departments = List.of();
        private boolean includeNeighbours;
        private String region;
        private List<String> contractTypes = List.of();
        private List<String> contractNatures = List.of();
        private String qualification;
        private String experience;
        private String experienceRequirement;
        private Boolean fullTime;
        private String weeklyDuration;
        private Integer publishedSinceDays;
        private Instant minCreationDate;
        private Instant maxCreationDate;
        private String origin;
        private Boolean disabilityAccessible;
        private Boolean shortOfCandidates;
        private Boolean adaptedCompanies;
        private Boolean disabilityCommittedEmployers;
        private Sort sort = Sort.RELEVANCE;
        private int first = 0;
        private int last = MAX_PAGE - 1;

        private Builder() {
        }

        public Builder keywords(List<String> v) { keywords = v; return this; }
        public Builder romeCodes(List<String> v) { romeCodes = v; return this; }
        public Builder appellation(String v) { appellation = v; return this; }
        public Builder grandDomain(String v) { grandDomain = v; return this; }
        public Builder domain(String v) { domain = v; return this; }
        public Builder theme(String v) { theme = v; return this; }
        public Builder sectors(List<String> v) { sectors = v; return this; }
        public Builder nafCodes(List<String> v) { nafCodes = v; return this; }
        public Builder communes(List<String> v) { communes = v; return this; }
        public Builder distanceKm(Integer v) { distanceKm = v; return this; }
        public Builder departments(List<String> v) { departments = v; return this; }
        public Builder includeNeighbours(boolean v) { includeNeighbours = v; return this; }
        public Builder region(String v) { region = v; return this; }
        public Builder contractTypes(List<String> v) { contractTypes = v; return this; }
        public Builder contractNatures(List<String> v) { contractNatures = v; return this; }
        public Builder qualification(String v) { qualification = v; return this; }
        public Builder experience(String v) { experience = v; return this; }
        public Builder experienceRequirement(String v) { experienceRequirement = v; return this; }
        public Builder fullTime(Boolean v) { fullTime = v; return this; }
        public Builder weeklyDuration(String v) { weeklyDuration = v; return this; }
        public Builder publishedSinceDays(Integer v) { publishedSinceDays = v; return this; }
        public Builder minCreationDate(Instant v) { minCreationDate = v; return this; }
        public Builder maxCreationDate(Instant v) { maxCreationDate = v; return this; }
        public Builder origin(String v) { origin = v; return this; }
        public Builder disabilityAccessible(Boolean v) { disabilityAccessible = v; return this; }
        public Builder shortOfCandidates(Boolean v) { shortOfCandidates = v; return this; }
        public Builder adaptedCompanies(Boolean v) { adaptedCompanies = v; return this; }
        public Builder disabilityCommittedEmployers(Boolean v) { disabilityCommittedEmployers = v; return this; }
        public Builder sort(Sort v) { sort = v == null ? Sort.RELEVANCE : v; return this; }

        /** The page, as France Travail's {@code range=first-last} (both included). */
        public Builder range(int firstIndex, int lastIndex) {
            first = firstIndex;
            last = lastIndex;
            return this;
        }

        /**
         * @throws OpusException 400 with the offending France Travail parameter as {@code field}
         */
        public OfferQuery build() {
            for (String k : keywords) {
                if (k.strip().length() < 2) {
                    throw invalid("motsCles", "Chaque mot clé doit compter au moins 2 caractères : « " + k + " ».");
                }
            }
            check("codeROME", romeCodes, 200, ROME, "un code ROME (une lettre et 4 chiffres, ex. M1805)");
            check("appellation", appellation, APPELLATION, "un code appellation ROME (ex. 38444)");
            check("grandDomaine", grandDomain, GRAND_DOMAIN, "un code de grand domaine (ex. M ou M18)");
            check("domaine", domain, DOMAIN, "un code de domaine professionnel (ex. M18)");
            check("theme", theme, Pattern.compile("\\d{1,3}"), "un code de thème (ex. 12)");
            check("secteurActivite", sectors, 2, SECTOR, "une division NAF de 2 chiffres (ex. 62)");
            check("codeNAF", nafCodes, 2, NAF, "un code NAF au format 99.99X (ex. 62.02A)");
            check("commune", communes, 5, INSEE, "un code INSEE de commune (ex. 75056)");
            check("departement", departments, 5, DEPARTMENT, "un code de département (ex. 75, 2A, 971)");
            check("region", region, REGION, "un code de région (ex. 84)");
            for (String t : contractTypes) {
                if (!CONTRACT_TYPES.contains(t)) {
                    throw invalid("typeContrat", "Type de contrat inconnu : « " + t + " ».");
                }
            }
            check("natureContrat", contractNatures, 50, NATURE, "un code de nature de contrat (ex. E1)");
            check("qualification", qualification, Pattern.compile("[09]"), "0 (non-cadre) ou 9 (cadre)");
            check("experience", experience, Pattern.compile("[0-3]"), "0, 1, 2 ou 3");
            check("experienceExigence", experienceRequirement, Pattern.compile("[DSE]"), "D, S ou E");
            check("dureeHebdo", weeklyDuration, Pattern.compile("[0-2]"), "0, 1 ou 2");
            check("origineOffre", origin, Pattern.compile("[12]"), "1 (France Travail) ou 2 (partenaire)");
            if (distanceKm != null && (distanceKm < 0 || distanceKm > 500)) {
                throw invalid("distance", "La distance doit être comprise entre 0 et 500 km.");
            }
            if (publishedSinceDays != null && publishedSinceDays < 1) {
                throw invalid("publieeDepuis", "Le nombre de jours doit être un entier positif.");
            }
            if (minCreationDate != null && maxCreationDate != null && minCreationDate.isAfter(maxCreationDate)) {
                throw invalid("minCreationDate", "La date minimale de création est postérieure à la date maximale.");
            }
            checkRange(first, last);
            return new OfferQuery(keywords.stream().map(String::strip).toList(), romeCodes, appellation, grandDomain,
                    domain, theme, sectors, nafCodes, communes, distanceKm, departments, includeNeighbours, region,
                    contractTypes, contractNatures, qualification, experience, experienceRequirement, fullTime,
                    weeklyDuration, publishedSinceDays, minCreationDate, maxCreationDate, origin,
                    disabilityAccessible, shortOfCandidates, adaptedCompanies, disabilityCommittedEmployers, sort,
                    first, last);
        }

        private static void checkRange(int first, int last) {
            if (first < 0 || last < first) {
                throw new OpusException(400, OfferProblemCodes.INVALID_RANGE,
                        "La plage doit être de la forme p-d avec p ≤ d (ex. 0-149).", "range");
            }
            if (last - first + 1 > MAX_PAGE) {
                throw new OpusException(400, OfferProblemCodes.INVALID_RANGE,
                        "La plage de résultats est limitée à " + MAX_PAGE + " offres par appel.", "range");
            }
            if (first > MAX_FIRST || last > MAX_LAST) {
                throw new OpusException(400, OfferProblemCodes.INVALID_RANGE, "L'index du premier élément ne doit pas"
                        + " dépasser " + MAX_FIRST + " et celui du dernier " + MAX_LAST + ".", "range");
            }
        }

        private static void check(String field, List<String> values, int max, Pattern pattern, String expected) {
            if (values.size() > max) {
                throw invalid(field, "Au plus " + max + " valeurs sont acceptées.");
            }
            values.forEach(v -> check(field, v, pattern, expected));
        }

        private static void check(String field, String value, Pattern pattern, String expected) {
            if (value != null && !pattern.matcher(value).matches()) {
                throw invalid(field, "Valeur « " + value + " » invalide : attendu " + expected + ".");
            }
        }

        private static OpusException invalid(String field, String detail) {
            return OpusException.invalid(ProblemCodes.INVALID_PARAMETER, detail, field);
        }
    }
}
