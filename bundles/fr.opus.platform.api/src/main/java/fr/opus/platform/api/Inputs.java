package fr.opus.platform.api;

import fr.opus.platform.api.privacy.SensitiveText;

/** The checks every capability applies to text a person typed, with the same French messages everywhere. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * A trimmed optional value of at most {@code max} characters; {@code null} when blank.
     *
     * @throws OpusException 400 {@link ProblemCodes#INVALID_PARAMETER} naming {@code field} when longer
     */
    public static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Ce texte tient en " + max
                    + " caractères au plus.", field);
        }
        return v;
    }

    /**
     * Free text (a note, a comment, a reason): {@link #optional}, then screened for what DOMAIN §9 forbids.
     *
     * @throws OpusException 422 {@link ProblemCodes#FORBIDDEN_PERSONAL_DATA} naming {@code field}
     */
    public static String screened(String value, int max, String field) {
        String v = optional(value, max, field);
        SensitiveText.check(v, field);
        return v;
    }
}
