package fr.opus.preselection.api;

import fr.opus.offers.api.PreselectionLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A candidate proposed on a preselected offer.
 *
 * @param id            the candidacy's id
 * @param offerId       the offer
 * @param referralId    the mise en relation it rests on (contacts capability)
 * @param jobSeekerId   the job seeker
 * @param partnerId     the partner whose counsellor proposed them
 * @param counsellor    login of that counsellor
 * @param level         the offer's level when proposed
 * @param state         where it stands
 * @param availableFrom from when the candidate is available
 * @param prerequisites the checklist as answered
 * @param synthesis     the argued synthesis, or {@code null}
 * @param scores        the score per criterion
 * @param weightedScore the weighted mean of the scores (0 to 5), or {@code null} without criteria
 * @param assessments   the assessment results
 * @param comment       the counsellor's note, or {@code null}
 * @param reviewedBy    login of the correspondent who reviewed it, or {@code null}
 * @param reviewNote    the correspondent's note (the reason when declined), or {@code null}
 * @param reviewedAt    when, or {@code null}
 * @param feedback      the employer's feedback, or {@code null}
 * @param createdAt     when proposed
 * @param updatedAt     last change
 */
public record Candidacy(String id, String offerId, String referralId, String jobSeekerId, String partnerId,
        String counsellor, PreselectionLevel level, CandidacyState state, LocalDate availableFrom,
        Map<String, Boolean> prerequisites, String synthesis, Map<String, Integer> scores, Double weightedScore,
        List<Assessment> assessments, String comment, String reviewedBy, String reviewNote, Instant reviewedAt,
        EmployerFeedback feedback, Instant createdAt, Instant updatedAt) {

    public Candidacy {
        prerequisites = Map.copyOf(prerequisites);
        scores = Map.copyOf(scores);
        assessments = List.copyOf(assessments);
    }
}
