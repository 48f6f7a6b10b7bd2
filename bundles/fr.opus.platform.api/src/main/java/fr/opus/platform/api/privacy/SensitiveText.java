package fr.opus.platform.api.privacy;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screens the free text people type (job seekers' notes, comments, reasons for a deactivation or a rectification) for
 * the categories of personal
 * data DOMAIN §9 forbids Opus to hold: health, racial or ethnic origin, religious, philosophical or political
 * opinions, union membership, sex life, social or personal difficulties. It catches obvious cases by their usual
 * French words, refuses them with a French explanation naming the word, and stores nothing; it does not pretend to
 * catch everything: the counsellor stays responsible, as the message says.
 */
public final class SensitiveText {

    /** A forbidden category and the words that obviously belong to it (folded: lower case, no accents). */
    private record Category(String label, Pattern words) {
    }

    private static final List<Category> CATEGORIES = List.of(
            category("une donnée de santé", "maladie", "malade", "cancer", "diabete", "diabetique", "depression",
                    "depressif", "depressive", "vih", "sida", "seropositif", "seropositive", "enceinte", "grossesse",
                    "handicap", "handicape", "handicapee", "rqth", "invalidite", "hospitalise", "hospitalisee",
                    "hospitalisation", "psychiatrique", "psychiatre", "alcoolique", "alcoolisme", "toxicomane",
                    "toxicomanie", "addiction", "arret maladie", "traitement medical", "epilepsie", "epileptique"),
            category("l'origine raciale ou ethnique", "origine ethnique", "ethnie", "ethnique", "race", "racial",
                    "raciale", "couleur de peau"),
            category("une conviction religieuse ou philosophique", "religion", "religieux", "religieuse", "musulman",
                    "musulmane", "chretien", "chretienne", "catholique", "protestant", "protestante", "juif", "juive",
                    "bouddhiste", "athee", "ramadan", "porte le voile", "voilee"),
            category("une opinion politique", "opinion politique", "opinions politiques", "parti politique",
                    "militant politique", "militante politique", "vote pour", "extreme droite", "extreme gauche"),
            category("l'appartenance syndicale", "syndique", "syndiquee", "syndicat", "syndicaliste",
                    "delegue syndical", "deleguee syndicale", "cgt", "cfdt"),
            category("la vie ou l'orientation sexuelle", "homosexuel", "homosexuelle", "gay", "lesbienne",
                    "bisexuel", "bisexuelle", "transgenre", "orientation sexuelle", "vie sexuelle"),
            category("une difficulté sociale ou personnelle", "sdf", "sans domicile", "sans abri", "sans-abri",
                    "surendettement", "surendette", "surendettee", "dettes", "violences conjugales",
                    "casier judiciaire", "incarcere", "incarceree", "prison", "detenu", "detenue", "divorce",
                    "expulsion locative", "precarite"));

    private SensitiveText() {
    }

    private static Category category(String label, String... words) {
        StringBuilder alternatives = new StringBuilder();
        for (String word : words) {
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(word).replace(" ", "\\E[\\s-]+\\Q"));
        }
        return new Category(label, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])"));
    }

    /** The forbidden category {@code text} obviously mentions and the words as typed, if any. */
    public static Optional<String[]> finding(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        // fold character by character, remembering where each folded character came from, to quote the original
        StringBuilder folded = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 3 + 1];
        for (int i = 0; i < text.length(); i++) {
            String f = fold(String.valueOf(text.charAt(i)));
            for (int k = 0; k < f.length(); k++) {
                origin[folded.length()] = i;
                folded.append(f.charAt(k));
            }
        }
        for (Category category : CATEGORIES) {
            Matcher m = category.words().matcher(folded);
            if (m.find()) {
                return Optional.of(new String[] {category.label(),
                        text.substring(origin[m.start()], origin[m.end() - 1] + 1)});
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses {@code text} (named {@code field}) when it obviously holds a forbidden category: a 422 problem with code
     * {@link ProblemCodes#FORBIDDEN_PERSONAL_DATA} and a French explanation quoting the words.
     */
    public static void check(String text, String field) {
        finding(text).ifPresent(found -> {
            throw new OpusException(422, ProblemCodes.FORBIDDEN_PERSONAL_DATA, "Ce texte semble mentionner "
                    + found[0] + " (« " + found[1] + " ») : la loi interdit à Opus de conserver ce type d'information"
                    + " (santé, origine, convictions, opinions, appartenance syndicale, vie sexuelle, difficultés"
                    + " sociales ou personnelles). Reformulez en ne gardant que ce qui sert la recherche d'emploi ;"
                    + " rien n'a été enregistré.", field);
        });
    }

    /** Lower case without accents, as the screen compares words. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
