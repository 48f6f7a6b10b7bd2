package fr.opus.preselection.api;

import fr.opus.offers.api.PreselectionLevel;
import java.time.Instant;
import java.util.List;

/**
 * The preselection of one offer: its level (from France Travail's offer), what the correspondent set for it, and
 * where the candidacies and the employer's commitments stand.
 *
 * @param offerId          France Travail's offer id
 * @param level            the level the offer carries
 * @param defined          whether the correspondent has set the requirements (until then: no prerequisite,
 *                         criterion or tool, and an <i>évaluation</i> or <i>valorisation</i> takes no candidate)
 * @param prerequisites    the checklist
 * @param criteria         the weighted criteria
 * @param tools            the assessment tools
 * @param candidatesWanted how many candidates the employer wishes, or {@code null}
 * @param proposed         candidacies awaiting the correspondent's review
 * @param commitments      the employer's commitments
 * @param updatedBy        login of who last set the requirements, or {@code null}
 * @param updatedAt        when, or {@code null}
 */
public record OfferPreselection(String offerId, PreselectionLevel level, boolean defined, List<String> prerequisites,
        List<Criterion> criteria, List<AssessmentTool> tools, Integer candidatesWanted, int proposed,
        Commitments commitments, String updatedBy, Instant updatedAt) {

    public OfferPreselection {
        prerequisites = List.copyOf(prerequisites);
        criteria = List.copyOf(criteria);
        tools = List.copyOf(tools);
    }
}
