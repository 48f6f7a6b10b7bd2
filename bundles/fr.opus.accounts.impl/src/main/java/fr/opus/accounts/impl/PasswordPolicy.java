package fr.opus.accounts.impl;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy of the CNIL's 2022 recommendation (délibération n° 2022-100), case of a password used alone:
 * about 80 bits of entropy, which the CNIL illustrates as at least 12 characters of the four kinds (lower case,
 * upper case, digits, signs), or 14 characters of three kinds, or a passphrase of at least 7 words. Opus adds:
 * not the login nor the holder's names, and not one of the commonest passwords.
 */
final class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("motdepasse", "password", "azertyuiop", "qwertyuiop",
            "soleil", "doudou", "bonjour", "marseille", "francetravail", "poleemploi", "opus", "azerty", "qwerty",
            "motdepasseopus", "changeme", "admin", "karaf", "bienvenue");

    private PasswordPolicy() {
    }

    /** The French reason {@code password} is refused, or empty when it is acceptable. */
    static Optional<String> refusal(String password, String... personal) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Le mot de passe est obligatoire.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Le mot de passe dépasse " + MAX_LENGTH + " caractères.");
        }
        String folded = fold(password);
        for (String p : personal) {
            if (p != null && p.length() >= 3 && folded.contains(fold(p))) {
                return Optional.of("Le mot de passe ne doit contenir ni votre identifiant ni votre nom.");
            }
        }
        String letters = folded.replaceAll("[^a-z]", "");
        if (COMMON.contains(letters)) {
            return Optional.of("Ce mot de passe est trop courant, même avec des chiffres ou des signes ajoutés.");
        }
        if (passphraseWords(password) >= 7) {
            return Optional.empty();
        }
        int kinds = kinds(password);
        int length = password.codePointCount(0, password.length());
        if ((length >= 12 && kinds == 4) || (length >= 14 && kinds >= 3)) {
            return Optional.empty();
        }
        return Optional.of("Le mot de passe est trop faible : il faut au moins 12 caractères mêlant minuscules,"
                + " majuscules, chiffres et caractères spéciaux, ou 14 caractères de trois de ces types, ou une"
                + " phrase de passe d'au moins 7 mots.");
    }

    static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char ch = password.charAt(i);
            if (Character.isLowerCase(ch)) {
                lower = true;
            } else if (Character.isUpperCase(ch)) {
                upper = true;
            } else if (Character.isDigit(ch)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** Distinct words of at least 3 letters, separated by spaces or signs. */
    static int passphraseWords(String password) {
        Set<String> words = new java.util.HashSet<>();
        for (String word : fold(password).split("[^\\p{L}]+")) {
            if (word.length() >= 3) {
                words.add(word);
            }
        }
        return words.size();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
