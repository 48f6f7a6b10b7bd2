package fr.opus.offers.api;

/** The service France Travail gives the employer: baseline support (appui) or accompaniment (accompagnement). */
public enum SupportLevel {
    SUPPORT,
    ACCOMPANIMENT
}
