package fr.opus.preselection.api;

/** The assessment tools of an <i>évaluation</i> preselection. */
public enum AssessmentTool {
    /** Méthode de recrutement par simulation: exercises reproducing the job's tasks. */
    MRS("Méthode de recrutement par simulation (MRS)"),
    /** Évaluation en milieu de travail: a few days at the employer's or a similar workplace. */
    EMT("Évaluation en milieu de travail (EMT)"),
    /** Évaluation des compétences et des capacités professionnelles, by a training body. */
    ECCP("Évaluation des compétences et capacités professionnelles (ECCP)");

    private final String label;

    AssessmentTool(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
