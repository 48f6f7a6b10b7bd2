package fr.opus.platform.api.security;

/** What a caller is in Opus. People hold one role; machine clients hold one of the two client roles. */
public enum Role {
    /** France Travail regional staff running the platform: conventions, RGC approval, modules, indicators. */
    REGIONAL_OPERATOR(false, false),
    /** France Travail agent in charge of offers (correspondant de l'offre). */
    FT_AGENT(false, false),
    /** RGC: the partner's account manager. */
    ACCOUNT_MANAGER(true, false),
    /** Partner user (conseiller, médiateur). */
    COUNSELLOR(true, false),
    /** A partner's application, authenticated with OAuth2 client credentials. */
    PARTNER_APPLICATION(true, true),
    /** France Travail's offer feed, a machine client. */
    FT_FEED(false, true);

    private final boolean partnerBound;
    private final boolean machine;

    Role(boolean partnerBound, boolean machine) {
        this.partnerBound = partnerBound;
        this.machine = machine;
    }

    /** Whether callers in this role act for one partner, within its convention. */
    public boolean partnerBound() {
        return partnerBound;
    }

    /** Whether this is a machine client's role rather than a person's. */
    public boolean machine() {
        return machine;
    }

    /** French label shown to people. */
    public String label() {
        return switch (this) {
            case REGIONAL_OPERATOR -> "Opérateur régional";
            case FT_AGENT -> "Agent France Travail";
            case ACCOUNT_MANAGER -> "Responsable de gestion de comptes (RGC)";
            case COUNSELLOR -> "Conseiller";
            case PARTNER_APPLICATION -> "Application partenaire";
            case FT_FEED -> "Flux des offres France Travail";
        };
    }
}
