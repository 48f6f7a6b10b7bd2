package fr.opus.referentials.api;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A commune, or a municipal arrondissement of Paris, Lyon or Marseille (France Travail locates offers there).
 *
 * @param inseeCode      5-character INSEE code ({@code 75115}, {@code 2A004})
 * @param name           official name
 * @param arrondissement whether this is an arrondissement municipal
 * @param parentCode     for an arrondissement, the commune it belongs to; otherwise {@code null}
 * @param postalCodes    postal codes, main first (may be empty)
 * @param population     population municipale, or {@code null} if unknown
 * @param latitude       WGS84, or {@code null} if unknown
 * @param longitude      WGS84, or {@code null} if unknown
 */
public record Commune(String inseeCode, String name, boolean arrondissement, String parentCode,
        String departmentCode, String regionCode, List<String> postalCodes, Integer population, Double latitude,
        Double longitude) {

    public Commune {
        postalCodes = List.copyOf(postalCodes);
    }

    /**
     * The name as France Travail's referentials write it: upper case, without accents, hyphens or apostrophes
     * ({@code L'Abergement-Clémenciat} → {@code L ABERGEMENT CLEMENCIAT}).
     */
    public String ftLabel() {
        String bare = Normalizer.normalize(name.replace("œ", "oe").replace("Œ", "OE"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return bare.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
    }

    /** The main postal code, or {@code null}. */
    public String mainPostalCode() {
        return postalCodes.isEmpty() ? null : postalCodes.get(0);
    }
}
