package fr.opus.referentials.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void accentsAndCaseAreFoldedAway() {
        assertEquals("developpeur developpeuse informatique",
                Folding.fold("Développeur / Développeuse INFORMATIQUE"));
        assertEquals("saint etienne", Folding.fold("Saint-Étienne"));
        assertEquals("ile de france", Folding.fold("Île-de-France"));
    }

    @Test
    void ligaturesAreSpelledOut() {
        assertEquals("chef de projet maitrise d oeuvre", Folding.fold("Chef de projet maîtrise d'œuvre"));
        assertEquals("oeuvre", Folding.fold("ŒUVRE"));
        assertEquals("laetitia", Folding.fold("Lætitia"));
    }

    @Test
    void punctuationRunsCollapseToOneSpaceAndEdgesAreTrimmed() {
        assertEquals("l abergement clemenciat", Folding.fold("  L'Abergement--Clémenciat ! "));
        assertEquals("a b", Folding.fold("a , ; / b"));
    }

    @Test
    void nullAndPunctuationOnlyFoldToEmpty() {
        assertEquals("", Folding.fold(null));
        assertEquals("", Folding.fold(" -/' "));
    }

    @Test
    void wordsSpellOutPlaceNameAbbreviations() {
        assertArrayEquals(new String[] {"saint", "etienne"}, Folding.words("St Etienne"));
        assertArrayEquals(new String[] {"sainte", "foy", "les", "lyon"}, Folding.words("Ste-Foy-lès-Lyon"));
        assertArrayEquals(new String[] {"stains"}, Folding.words("Stains"));
    }

    @Test
    void blankQueryHasNoWords() {
        assertEquals(0, Folding.words("  ").length);
        assertEquals(0, Folding.words(null).length);
    }
}
