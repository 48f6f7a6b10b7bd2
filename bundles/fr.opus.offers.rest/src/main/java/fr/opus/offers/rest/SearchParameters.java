package fr.opus.offers.rest;

import fr.opus.offers.api.OfferProblemCodes;
import fr.opus.offers.api.OfferQuery;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Reads France Travail's {@code /v2/offres/search} query parameters — names, comma-separated lists, booleans,
 * {@code range=p-d}, {@code sort=0|1|2}, dates {@code yyyy-MM-dd'T'HH:mm:ss'Z'} — into an {@link OfferQuery}.
 * A parameter France Travail has but Opus does not serve yet answers 400 rather than being silently ignored.
 */
final class SearchParameters {

    /** Parameters of France Travail's search that Opus understands. */
    static final Set<String> SUPPORTED = Set.of("motsCles", "codeROME", "appellation", "grandDomaine", "domaine",
            "theme", "secteurActivite", "codeNAF", "commune", "distance", "departement", "inclureLimitrophes",
            "region", "typeContrat", "natureContrat", "qualification", "experience", "experienceExigence",
            "tempsPlein", "dureeHebdo", "publieeDepuis", "minCreationDate", "maxCreationDate", "origineOffre",
            "accesTravailleurHandicape", "offresManqueCandidats", "entreprisesAdaptees", "employeursHandiEngages",
            "range", "sort");
    /** France Travail's parameters not served yet. */
    static final Set<String> NOT_YET = Set.of("paysContinent", "niveauFormation", "permis", "salaireMin",
            "periodeSalaire", "offresMRS", "partenaires", "modeSelectionPartenaires", "dureeHebdoMin",
            "dureeHebdoMax", "dureeContratMin", "dureeContratMax");

    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})-(\\d{1,6})");
    private static final DateTimeFormatter FT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private SearchParameters() {
    }

    static OfferQuery parse(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (NOT_YET.contains(p.getKey())) {
                throw new OpusException(400, OfferProblemCodes.UNSUPPORTED_PARAMETER, "Le paramètre "
                        + p.getKey() + " de l'API France Travail n'est pas encore pris en charge par Opus.",
                        p.getKey());
            }
            if (p.getValue().size() > 1) {
                throw invalid(p.getKey(), "Le paramètre est répété : séparez les valeurs par des virgules.");
            }
        }
        OfferQuery.Builder b = OfferQuery.builder()
                .keywords(list(params, "motsCles"))
                .romeCodes(list(params, "codeROME"))
                .appellation(one(params, "appellation"))
                .grandDomain(one(params, "grandDomaine"))
                .domain(one(params, "domaine"))
                .theme(one(params, "theme"))
                .sectors(list(params, "secteurActivite"))
                .nafCodes(list(params, "codeNAF"))
                .communes(list(params, "commune"))
                .distanceKm(integer(params, "distance"))
                .departments(list(params, "departement"))
                .includeNeighbours(Boolean.TRUE.equals(bool(params, "inclureLimitrophes")))
                .region(one(params, "region"))
                .contractTypes(list(params, "typeContrat"))
                .contractNatures(list(params, "natureContrat"))
                .qualification(one(params, "qualification"))
                .experience(one(params, "experience"))
                .experienceRequirement(one(params, "experienceExigence"))
                .fullTime(bool(params, "tempsPlein"))
                .weeklyDuration(one(params, "dureeHebdo"))
                .publishedSinceDays(integer(params, "publieeDepuis"))
                .minCreationDate(date(params, "minCreationDate"))
                .maxCreationDate(date(params, "maxCreationDate"))
                .origin(one(params, "origineOffre"))
                .disabilityAccessible(bool(params, "accesTravailleurHandicape"))
                .shortOfCandidates(bool(params, "offresManqueCandidats"))
                .adaptedCompanies(bool(params, "entreprisesAdaptees"))
                .disabilityCommittedEmployers(bool(params, "employeursHandiEngages"))
                .sort(sort(one(params, "sort")));
        String range = one(params, "range");
        if (range != null) {
            Matcher m = RANGE.matcher(range);
            if (!m.matches()) {
                throw new OpusException(400, OfferProblemCodes.INVALID_RANGE,
                        "La plage doit être de la forme p-d (ex. 0-149).", "range");
            }
            b.range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return b.build();
    }

    private static String one(MultivaluedMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static List<String> list(MultivaluedMap<String, String> params, String name) {
        String v = one(params, name);
        if (v == null) {
            return List.of();
        }
        List<String> values = Arrays.stream(v.split(",")).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw invalid(name, "Valeur vide dans la liste « " + v + " ».");
        }
        return values;
    }

    private static Integer integer(MultivaluedMap<String, String> params, String name) {
        String v = one(params, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw invalid(name, "Nombre entier attendu : « " + v + " ».");
        }
    }

    private static Boolean bool(MultivaluedMap<String, String> params, String name) {
        String v = one(params, name);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, "true ou false attendu : « " + v + " ».");
        };
    }

    private static Instant date(MultivaluedMap<String, String> params, String name) {
        String v = one(params, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v, FT_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(name, "Date attendue au format yyyy-MM-dd'T'hh:mm:ss'Z' (ex. 2026-11-01T00:00:00Z) : « "
                    + v + " ».");
        }
    }

    private static OfferQuery.Sort sort(String v) {
        if (v == null) {
            return OfferQuery.Sort.RELEVANCE;
        }
        return switch (v) {
            case "0" -> OfferQuery.Sort.RELEVANCE;
            case "1" -> OfferQuery.Sort.DATE;
            case "2" -> OfferQuery.Sort.DISTANCE;
            default -> throw invalid("sort", "0, 1 ou 2 attendu : « " + v + " ».");
        };
    }

    private static OpusException invalid(String field, String detail) {
        return OpusException.invalid(ProblemCodes.INVALID_PARAMETER, detail, field);
    }
}
