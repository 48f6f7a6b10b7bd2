package fr.opus.contacts.api;

/** Why an employer did not retain a candidate; {@link #shareable()} reasons may be told to the candidate. */
public enum RejectionReason {
    PROFILE_MISMATCH("Le profil ne correspond pas aux exigences du poste", true),
    EXPERIENCE_INSUFFICIENT("Expérience insuffisante pour ce poste", true),
    QUALIFICATION_MISSING("Diplôme ou habilitation requis manquant", true),
    POSITION_FILLED("Le poste a été pourvu par un autre candidat", true),
    AVAILABILITY("Disponibilité ou horaires incompatibles", true),
    MOBILITY("Lieu de travail trop éloigné ou mobilité insuffisante", true),
    DID_NOT_ATTEND("Le candidat ne s'est pas présenté à l'entretien", false),
    CANDIDATE_DECLINED("Le candidat a décliné l'offre", false),
    OTHER("Autre motif (précisé en commentaire)", false);

    private final String label;
    private final boolean shareable;

    RejectionReason(String label, boolean shareable) {
        this.label = label;
        this.shareable = shareable;
    }

    public String label() {
        return label;
    }

    /** Whether the reason may be passed on to the candidate as it stands. */
    public boolean shareable() {
        return shareable;
    }
}
