package fr.opus.referentials.api;

/**
 * A ROME 4.0 fiche métier.
 *
 * @param romeCode        letter + 4 digits ({@code M1805})
 * @param label           ROME 4.0 label
 * @param domainCode      professional domain ({@code M18})
 * @param parentRomeCode  the historic ROME v3 fiche it hangs under
 */
public record Job(String romeCode, String label, String domainCode, String parentRomeCode) {

    /** The grand domaine letter ({@code M}). */
    public String grandDomainCode() {
        return romeCode.substring(0, 1);
    }
}
