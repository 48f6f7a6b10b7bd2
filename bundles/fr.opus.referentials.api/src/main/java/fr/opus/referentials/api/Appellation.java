package fr.opus.referentials.api;

/**
 * A job title of the ROME (the {@code appellation} search parameter of France Travail's API).
 *
 * @param code       OGR code ({@code 38444})
 * @param label      full label with both genders
 * @param shortLabel short label
 * @param romeCode   the fiche it belongs to
 * @param principal  whether it is the fiche's main title
 */
public record Appellation(String code, String label, String shortLabel, String romeCode, boolean principal) {
}
