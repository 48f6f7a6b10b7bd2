package fr.opus.preselection.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A counsellor's proposal of one of their partner's job seekers on a preselected offer, with what the level asks.
 *
 * @param jobSeekerId   the job seeker (contacts capability)
 * @param interested    the job seeker is interested in the offer (required: true)
 * @param availableFrom from when they are available (required, at most a year ahead)
 * @param prerequisites each prerequisite of the offer, checked as met (every one must be true)
 * @param synthesis     <i>valorisation</i> and <i>évaluation</i>: the argued synthesis, 50 to 4000 characters
 * @param scores        <i>valorisation</i>: a score of 0 to 5 for each criterion of the offer
 * @param assessments   <i>évaluation</i>: a favourable result for each tool of the offer
 * @param comment       a note for the correspondent, or {@code null}
 */
public record CandidacyDraft(String jobSeekerId, Boolean interested, LocalDate availableFrom,
        Map<String, Boolean> prerequisites, String synthesis, Map<String, Integer> scores,
        List<Assessment> assessments, String comment) {

    public CandidacyDraft {
        prerequisites = prerequisites == null ? Map.of() : Map.copyOf(prerequisites);
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }
}
