package fr.opus.offers.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SIRET's check: 14 digits, Luhn's key, and La Poste's multiple-of-5 exception. */
class SiretTest {

    @Test
    void aLuhnValidSiretPassesAndOneWrongDigitIsCaught() {
        String siret = Siret.withCheckDigit("7329104650001");
        assertEquals(14, siret.length());
        assertTrue(Siret.valid(siret));
        assertTrue(Siret.valid(siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " "
                + siret.substring(9)), "as people type it, with spaces");
        char last = siret.charAt(13);
        String typo = siret.substring(0, 13) + (char) (last == '9' ? '0' : last + 1);
        String problem = Siret.problem(typo);
        assertTrue(problem.contains("clé de contrôle (formule de Luhn)"), problem);
        String swapped = siret.charAt(1) + "" + siret.charAt(0) + siret.substring(2);
        assertEquals(siret.charAt(0) != siret.charAt(1), !Siret.valid(swapped), "Luhn catches a swap of neighbours");
    }

    @Test
    void theLuhnKeyIsComputedAsInseeDoes() {
        // by hand, from the right, every second digit doubled: 7 + 0+0+0+0 + 9(18) + 8 + 5(14) + 6 + 1(10) + 4 + 6 + 2
        // + 2 = 50
        assertTrue(Siret.luhn("12345678900007"));
        assertFalse(Siret.luhn("12345678900008"));
        assertEquals("12345678900007", Siret.withCheckDigit("1234567890000"));
    }

    @Test
    void laPosteEstablishmentsAreValidWhenTheirDigitsAddUpToAMultipleOfFive() {
        assertTrue(Siret.valid("35600000000048"), "the head office also passes Luhn");
        String office = "35600000000001"; // 3+5+6+1 = 15
        assertFalse(Siret.luhn(office), "not a Luhn number");
        assertTrue(Siret.valid(office), "but a La Poste establishment: its digits sum to 15");
        String problem = Siret.problem("35600000000002"); // 16, and not Luhn either
        assertTrue(problem.contains("La Poste") && problem.contains("multiple de 5"), problem);
        assertFalse(Siret.valid("35700000000001"), "the exception is La Poste's SIREN only");
    }

    @Test
    void theShapeIsFourteenDigitsWithAFrenchReason() {
        assertTrue(Siret.problem("1234567890123").contains("exactement 14 chiffres"));
        assertTrue(Siret.problem("1234567890123A").contains("« 1234567890123A »"));
        assertTrue(Siret.problem(null).contains("obligatoire"));
        assertTrue(Siret.problem("  ").contains("obligatoire"));
        assertNull(Siret.normalise(" "));
        assertEquals("35600000000048", Siret.normalise("356 000 000 00048"));
    }
}
