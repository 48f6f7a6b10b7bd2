package fr.opus.preselection.api;

import java.time.LocalDate;

/**
 * Preselection figures over a period (DOMAIN §9), for one partner or all.
 *
 * @param from                  first day
 * @param to                    last day
 * @param partnerId             the partner, or {@code null} for every partner
 * @param offers                preselected offers with a candidacy proposed in the period
 * @param satisfied             of those, offers where a transmitted candidate was hired
 * @param satisfiedShare        satisfied / offers, or {@code null} when there is no offer
 * @param meanDaysToSatisfy     mean days from an offer's first candidacy to its first hire, or {@code null}
 * @param proposed              candidacies proposed in the period
 * @param transmitted           of those, transmitted to the employer
 * @param hired                 of those, hired
 * @param commitmentsKeptShare  share of transmitted candidacies with the feedback their level requires, or
 *                              {@code null} when none was transmitted
 */
public record PreselectionIndicators(LocalDate from, LocalDate to, String partnerId, int offers, int satisfied,
        Double satisfiedShare, Double meanDaysToSatisfy, int proposed, int transmitted, int hired,
        Double commitmentsKeptShare) {
}
