package fr.opus.offers.api;

/** How much of the employer partners and candidates may see (mode de diffusion). */
public enum Diffusion {
    /** Company name and contact are shown. */
    NOMINATIVE,
    /** Company name only; candidates apply through France Travail or the managing partner. */
    VISIBILITY,
    /** Neither name nor contact. */
    ANONYMOUS
}
