package fr.opus.contacts.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.TripartiteIndicators;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IndicatorCsvTest {

    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-03-31");

    @Test
    void activityIsAHeaderThenOneSemicolonLinePerPartnerEachEndedByCrLf() {
        String csv = IndicatorCsv.activity(List.of(
                new PlacementActivity("p-1", FROM, TO, 12, 4, 1, 6, 3, 5, 2, 7),
                new PlacementActivity("p-2", FROM, TO, 0, 0, 0, 0, 0, 0, 0, 0)));

        assertEquals("partenaire;du;au;mises_en_contact;mises_en_relation;convocations;presentations;recrutes;"
                + "non_retenus;sans_reponse;en_cours\r\n"
                + "p-1;2026-01-01;2026-03-31;12;4;1;6;3;5;2;7\r\n"
                + "p-2;2026-01-01;2026-03-31;0;0;0;0;0;0;0;0\r\n", csv);
    }

    @Test
    void activityWithoutPartnersIsTheHeaderAlone() {
        assertEquals(IndicatorCsv.ACTIVITY_HEADER + "\r\n", IndicatorCsv.activity(List.of()));
    }

    @Test
    void tripartiteGivesTheSharesWithThreeDecimalsAndADecimalComma() {
        String csv = IndicatorCsv.tripartite(new TripartiteIndicators("p-1", FROM, TO, 8, 4, 4, 1, 12.25));

        assertEquals("partenaire;du;au;offres;offres_contact_direct;part_contact_direct;offres_preselection;"
                + "offres_preselection_satisfaites_mer;part_satisfaites_mer;delai_moyen_jours\r\n"
                + "p-1;2026-01-01;2026-03-31;8;4;0,500;4;1;0,250;12,250\r\n", csv);
    }

    @Test
    void tripartiteLeavesACellEmptyWhereThereIsNoValueAndNamesAllPartnersTous() {
        String none = IndicatorCsv.tripartite(new TripartiteIndicators(null, FROM, TO, 0, 0, 0, 0, null));
        String unsatisfied = IndicatorCsv.tripartite(new TripartiteIndicators(null, FROM, TO, 3, 1, 2, 0, null));

        assertEquals(IndicatorCsv.TRIPARTITE_HEADER + "\r\ntous;2026-01-01;2026-03-31;0;0;;0;0;;\r\n", none);
        assertEquals(IndicatorCsv.TRIPARTITE_HEADER + "\r\ntous;2026-01-01;2026-03-31;3;1;0,333;2;0;0,000;\r\n",
                unsatisfied);
    }

    @Test
    void decimalsUseTheFrenchCommaWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("0,500", IndicatorCsv.decimal(0.5));
            assertEquals("1234,568", IndicatorCsv.decimal(1234.5678));
            assertEquals("", IndicatorCsv.decimal(null));
        } finally {
            Locale.setDefault(before);
        }
    }
}
