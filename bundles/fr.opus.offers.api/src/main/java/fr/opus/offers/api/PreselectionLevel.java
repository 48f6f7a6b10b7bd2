package fr.opus.offers.api;

/** Preselection done before candidates are proposed: vérification, valorisation, évaluation. */
public enum PreselectionLevel {
    VERIFICATION,
    ENDORSEMENT,
    ASSESSMENT
}
