package fr.opus.accounts.api;

/** The kinds of partner structure. */
public enum PartnerKind {
    MISSION_LOCALE("Mission Locale"),
    CAP_EMPLOI("Cap Emploi"),
    MUNICIPAL_RELAY("Relais municipal pour l'emploi"),
    OTHER("Autre structure");

    private final String label;

    PartnerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
