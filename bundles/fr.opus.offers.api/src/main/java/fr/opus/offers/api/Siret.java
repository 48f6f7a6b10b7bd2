package fr.opus.offers.api;

/**
 * The SIRET of an establishment (INSEE's Sirene register): the 9 digits of the company's SIREN, then the 5 of the
 * establishment's NIC. Its last digit is a Luhn check digit over all 14; La Poste is the one exception: its
 * establishments (SIREN {@value #LA_POSTE_SIREN}) share the SIREN of the head office, and INSEE numbers them so that
 * the sum of the 14 digits is a multiple of 5 (the head office itself also passes Luhn).
 *
 * <p>Here because France Travail's feed carries the SIRET on the {@link Offer} and checks it; the employers
 * capability checks what people type with the same rule.
 */
public final class Siret {

    /** La Poste's SIREN, whose establishments follow the multiple-of-5 rule instead of Luhn. */
    public static final String LA_POSTE_SIREN = "356000000";

    private Siret() {
    }

    /** The value as people type it ({@code 123 456 789 00012}) without spaces, or {@code null} when blank. */
    public static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.replace(" ", "").replace("\u00a0", "").strip();
    }

    /** Whether {@code value} (once {@link #normalise normalised}) is a valid SIRET. */
    public static boolean valid(String value) {
        return problem(value) == null;
    }

    /**
     * Why {@code value} (once {@link #normalise normalised}) is not a valid SIRET, in French for people, or
     * {@code null} when it is one.
     */
    public static String problem(String value) {
        String siret = normalise(value);
        if (siret == null) {
            return "Le SIRET est obligatoire : 14 chiffres, les 9 du SIREN de l'entreprise puis les 5 du NIC de"
                    + " l'établissement.";
        }
        if (siret.length() != 14 || !digits(siret)) {
            return "Un SIRET compte exactement 14 chiffres (9 du SIREN, puis 5 du NIC de l'établissement) : « "
                    + value.strip() + " » n'en est pas un.";
        }
        if (luhn(siret)) {
            return null;
        }
        if (siret.startsWith(LA_POSTE_SIREN)) {
            return digitSum(siret) % 5 == 0 ? null : "Le SIRET « " + siret + " » est invalide : pour un"
                    + " établissement de La Poste (SIREN 356 000 000), la somme de ses 14 chiffres doit être un"
                    + " multiple de 5. Vérifiez-le sur l'avis de situation Sirene de l'établissement.";
        }
        return "Le SIRET « " + siret + " » est invalide : sa clé de contrôle (formule de Luhn) ne correspond pas,"
                + " un chiffre est sans doute faux ou inversé. Vérifiez-le sur l'avis de situation Sirene de"
                + " l'établissement.";
    }

    /** {@code digits} followed by the digit that makes the whole pass Luhn's check (for generated identifiers). */
    public static String withCheckDigit(String digits) {
        if (!digits(digits)) {
            throw new IllegalArgumentException("digits expected: " + digits);
        }
        for (char d = '0'; d <= '9'; d++) {
            if (luhn(digits + d)) {
                return digits + d;
            }
        }
        throw new IllegalStateException("unreachable: one digit always completes a Luhn number");
    }

    /** Luhn's check: from the right, every second digit doubled (less 9 above 9); the sum is a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
