package fr.opus.referentials.api;

/** The plain code lists, each named as France Travail's API names its {@code referentiel}. */
public enum CodeList {
    /** ROME professional domains ({@code M18}). */
    DOMAINES,
    /** ROME themes ({@code 1}…{@code 17}). */
    THEMES,
    /** Contract types ({@code CDI}, {@code CDD}, {@code MIS}…). */
    TYPES_CONTRATS,
    /** Contract natures ({@code E1}, {@code E2}…). */
    NATURES_CONTRATS,
    /** NAF divisions, the {@code secteurActivite} values ({@code 62}). */
    SECTEURS_ACTIVITES,
    /** NAF sub-classes ({@code 62.02A}). */
    NAFS,
    /** The {@code grandDomaine} values of offer search ({@code M13}…). */
    GRANDS_DOMAINES,
    /** Offer qualification levels ({@code 1}…{@code 9}). */
    QUALIFICATIONS,
    /** Required experience ({@code D}, {@code S}, {@code E}). */
    EXPERIENCES
}
