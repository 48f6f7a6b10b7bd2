package fr.opus.preselection.api;

import java.util.List;

/**
 * The employer's commitments under the offer's level and how far they are kept.
 *
 * @param expected     what the employer committed to, in French, per the level
 * @param transmitted  candidates transmitted to the employer
 * @param answered     transmitted candidates with the feedback the level requires
 * @param overdue      transmitted candidates still without it after the allowed delay
 * @param kept         whether every transmitted candidate has the feedback the level requires
 */
public record Commitments(List<String> expected, int transmitted, int answered, int overdue, boolean kept) {

    public Commitments {
        expected = List.copyOf(expected);
    }
}
