package fr.opus.employers.api;

/** An employer in a list of search results. */
public record EmployerSummary(String siret, String name, String nafCode, String address) {
}
