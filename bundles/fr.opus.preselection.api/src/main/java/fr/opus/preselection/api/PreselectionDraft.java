package fr.opus.preselection.api;

import java.util.List;

/**
 * What the correspondent sets on a preselected offer, as negotiated with the employer.
 *
 * @param prerequisites    the checklist a candidate must meet (every level), at most 20 items
 * @param criteria         the weighted complementary criteria (<i>valorisation</i>: at least one), at most 10
 * @param tools            the assessment tools used (<i>évaluation</i>: at least one)
 * @param candidatesWanted how many candidates the employer wishes to receive, 1 to 50
 */
public record PreselectionDraft(List<String> prerequisites, List<Criterion> criteria, List<AssessmentTool> tools,
        Integer candidatesWanted) {

    public PreselectionDraft {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
