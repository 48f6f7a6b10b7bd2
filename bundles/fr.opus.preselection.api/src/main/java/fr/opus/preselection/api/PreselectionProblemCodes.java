package fr.opus.preselection.api;

/** Stable codes of the preselection module's problems. */
public final class PreselectionProblemCodes {

    /** The offer does not exist, is not active, or carries no preselection (404 / 409). */
    public static final String OFFER_NOT_PRESELECTED = "offer-not-preselected";
    /** The requirements set on an offer are malformed (400). */
    public static final String INVALID_PRESELECTION = "invalid-preselection";
    /** A proposal lacks what the level requires, or a prerequisite is not met (422). */
    public static final String REQUIREMENTS_NOT_MET = "preselection-requirements-not-met";
    /** The correspondent has not set the criteria or tools this level needs yet (409). */
    public static final String NOT_DEFINED = "preselection-not-defined";
    public static final String CANDIDACY_NOT_FOUND = "candidacy-not-found";
    /** The candidacy is not in a state that allows this step (409). */
    public static final String CANDIDACY_STATE = "candidacy-state";
    /** A feedback is malformed or lacks what the level requires (400). */
    public static final String INVALID_FEEDBACK = "invalid-feedback";

    private PreselectionProblemCodes() {
    }
}
