package fr.opus.referentials.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommuneTest {

    private static Commune named(String name, List<String> postalCodes) {
        return new Commune("01001", name, false, null, "01", "84", postalCodes, 1, null, null);
    }

    @Test
    void ftLabelIsUpperCaseWithoutAccentsHyphensOrApostrophes() {
        assertEquals("L ABERGEMENT CLEMENCIAT", named("L'Abergement-Clémenciat", List.of()).ftLabel());
        assertEquals("SAINT ETIENNE", named("Saint-Étienne", List.of()).ftLabel());
        assertEquals("OEUILLY", named("Œuilly", List.of()).ftLabel());
    }

    @Test
    void mainPostalCodeIsTheFirst() {
        assertEquals("13001", named("Marseille", List.of("13001", "13002")).mainPostalCode());
        assertNull(named("Nulle part", List.of()).mainPostalCode());
    }
}
