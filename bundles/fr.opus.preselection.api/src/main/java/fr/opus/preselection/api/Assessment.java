package fr.opus.preselection.api;

import java.time.LocalDate;

/**
 * The result of one assessment tool for a candidate (<i>évaluation</i>).
 *
 * @param tool       the tool
 * @param on         when the assessment took place (not in the future)
 * @param favourable whether the result is favourable
 * @param comment    what the assessor noted, or {@code null} (no DOMAIN §9 category)
 */
public record Assessment(AssessmentTool tool, LocalDate on, boolean favourable, String comment) {
}
