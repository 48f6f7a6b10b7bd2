package fr.opus.offers.impl;

import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.ReferentialService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What search needs to know about an offer beyond its text: its geography from the commune, its ROME domains and
 * themes, and the buckets France Travail filters on (experience, qualification, working time).
 */
final class OfferFacts {

    /** Everything derived for one offer. Strings may be {@code null} when unknown. */
    record Facts(String commune, String parentCommune, String department, String region, Double latitude,
            Double longitude, String domain, List<String> grandDomains, List<String> themes, String natureCode,
            String qualification, String experience, Boolean fullTime, String weeklyDuration, Instant createdAt) {
    }

    private static final Pattern YEARS = Pattern.compile("(\\d+)\\s*an", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTHS = Pattern.compile("(\\d+)\\s*mois", Pattern.CASE_INSENSITIVE);

    private final ReferentialService referentials;
    private final Map<String, List<String>> themesByRome;
    private final Map<String, String> natureByLabel;
    private final Set<String> natureCodes;
    private final Set<String> grandDomainCodes;

    OfferFacts(ReferentialService referentials) {
        this.referentials = referentials;
        this.themesByRome = readThemes();
        List<CodeLabel> natures = referentials.codeList(CodeList.NATURES_CONTRATS);
        this.natureByLabel = natures.stream().collect(Collectors.toMap(n -> fold(n.label()), CodeLabel::code,
                (a, b) -> a));
        this.natureCodes = natures.stream().map(CodeLabel::code).collect(Collectors.toSet());
        this.grandDomainCodes = referentials.codeList(CodeList.GRANDS_DOMAINES).stream().map(CodeLabel::code)
                .collect(Collectors.toSet());
    }

    Facts of(Offer offer) {
        OfferContent c = offer.content();
        OfferContent.Workplace place = c.workplace();
        Optional<Commune> commune = Optional.ofNullable(place == null ? null : place.inseeCode())
                .flatMap(referentials::commune);
        Double lat = place != null && place.latitude() != null ? place.latitude()
                : commune.map(Commune::latitude).orElse(null);
        Double lon = place != null && place.longitude() != null ? place.longitude()
                : commune.map(Commune::longitude).orElse(null);
        String rome = c.romeCode();
        String domain = rome != null && rome.length() >= 3 ? rome.substring(0, 3) : null;
        List<String> grandDomains = new ArrayList<>(2);
        if (rome != null && !rome.isEmpty()) {
            grandDomains.add(rome.substring(0, 1));
            if (domain != null && grandDomainCodes.contains(domain)) {
                grandDomains.add(domain);
            }
        }
        Instant created = c.creationDate() == null ? offer.changedAt() : c.createdAt();
        return new Facts(commune.map(Commune::inseeCode).orElse(place == null ? null : place.inseeCode()),
                commune.map(Commune::parentCode).orElse(null),
                commune.map(Commune::departmentCode).orElse(null),
                commune.map(Commune::regionCode).orElse(null),
                lat, lon, domain, grandDomains,
                rome == null ? List.of() : themesByRome.getOrDefault(rome, List.of()),
                natureCode(c.contractNature()),
                "9".equals(c.qualificationCode()) ? "9" : "X",
                experience(c.experienceRequirement(), c.experienceLabel()),
                fullTime(c.workingTimeKind()),
                weeklyDuration(c.workingTimeKind()),
                created);
    }

    /** The nature code of a nature label ("Contrat travail" → E1); a code is returned as is. */
    String natureCode(String nature) {
        if (nature == null) {
            return null;
        }
        return natureCodes.contains(nature) ? nature : natureByLabel.get(fold(nature));
    }

    /** France Travail's experience buckets: 1 less than a year, 2 one to three years, 3 more than three. */
    static String experience(String requirement, String label) {
        if (label != null) {
            Matcher years = YEARS.matcher(label);
            if (years.find()) {
                int n = Integer.parseInt(years.group(1));
                return n < 1 ? "1" : n <= 3 ? "2" : "3";
            }
            Matcher months = MONTHS.matcher(label);
            if (months.find()) {
                int n = Integer.parseInt(months.group(1));
                return n < 12 ? "1" : n <= 36 ? "2" : "3";
            }
        }
        return "D".equals(requirement) ? "1" : "0";
    }

    static Boolean fullTime(String kind) {
        String k = fold(kind);
        return k.contains("plein") ? Boolean.TRUE : k.contains("partiel") ? Boolean.FALSE : null;
    }

    static String weeklyDuration(String kind) {
        Boolean full = fullTime(kind);
        return full == null ? "0" : full ? "1" : "2";
    }

    static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .strip();
    }

    private static Map<String, List<String>> readThemes() {
        Map<String, List<String>> byRome = new HashMap<>();
        try (InputStream in = OfferFacts.class.getResourceAsStream("/offers/rome_themes.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(",");
                if (parts.length == 2) {
                    String theme = String.valueOf(Integer.parseInt(parts[0].strip()));
                    byRome.computeIfAbsent(parts[1].strip(), k -> new ArrayList<>()).add(theme);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rome_themes.csv unreadable", e);
        }
        return byRome;
    }
}
