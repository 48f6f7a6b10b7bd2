package fr.opus.accounts.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * The negotiated content of a convention, given when it is drafted and on each amendment.
 *
 * @param endsOn          last day of validity (it cannot outlast the partnership convention), or {@code null}
 * @param services        annex 1: identifiers of the services granted
 * @param accountQuota    annex 2: simultaneously active accounts allowed, RGC excluded
 * @param followUpManager annex 2: the partner's follow-up manager (name and function)
 * @param ftCorrespondent France Travail's correspondent for the convention
 */
public record ConventionTerms(LocalDate endsOn, Set<String> services, int accountQuota, String followUpManager,
        String ftCorrespondent) {

    public ConventionTerms {
        services = services == null ? Set.of() : Set.copyOf(services);
    }
}
