package fr.opus.referentials.impl;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as searches compare it: lower case, no accents, words separated by single spaces. */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Folding() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE"), Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Folded words of a query, with the usual abbreviations of place names spelled out. */
    static String[] words(String query) {
        String folded = fold(query);
        if (folded.isEmpty()) {
            return new String[0];
        }
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length; i++) {
            words[i] = switch (words[i]) {
                case "st" -> "saint";
                case "ste" -> "sainte";
                default -> words[i];
            };
        }
        return words;
    }
}
