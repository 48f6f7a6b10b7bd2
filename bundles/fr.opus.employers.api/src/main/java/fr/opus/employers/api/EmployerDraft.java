package fr.opus.employers.api;

/**
 * What France Travail sets on an employer entry.
 *
 * @param name    the company's name, required (200 characters at most)
 * @param nafCode NAF rev. 2 code ({@code 62.01Z}, or {@code 6201Z}), or {@code null}
 * @param address postal address (300 characters at most), or {@code null}
 */
public record EmployerDraft(String name, String nafCode, String address) {
}
