package fr.opus.contacts.api;

import java.time.LocalDate;

/**
 * The indicators France Travail and its partners review together (DOMAIN §9), over the offers that received an act in
 * the period, for one partner or all.
 *
 * @param offers                     offers that received at least one act
 * @param directContactOffers        those whose employer can be contacted directly (nominative, without preselection)
 * @param preselectedOffers          offers with preselection among them
 * @param preselectedSatisfied       preselected offers satisfied by a mise en relation (a hire through one)
 * @param meanDaysToSatisfy          mean days from the first act on a preselected offer to the hire through a mise
 *                                   en relation, or {@code null} when none was satisfied
 */
public record TripartiteIndicators(String partnerId, LocalDate from, LocalDate to, long offers,
        long directContactOffers, long preselectedOffers, long preselectedSatisfied, Double meanDaysToSatisfy) {

    /** Share of offers whose employer can be contacted directly, from 0 to 1, or {@code null} without offers. */
    public Double directContactShare() {
        return offers == 0 ? null : (double) directContactOffers / offers;
    }

    /** Share of preselected offers satisfied by a mise en relation, or {@code null} without preselected offers. */
    public Double preselectedSatisfiedShare() {
        return preselectedOffers == 0 ? null : (double) preselectedSatisfied / preselectedOffers;
    }
}
