package fr.opus.contacts.rest;

import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.TripartiteIndicators;
import java.util.List;
import java.util.Locale;

/** The indicators as CSV for a French spreadsheet: semicolons, decimal commas, CRLF line ends. */
final class IndicatorCsv {

    static final String ACTIVITY_HEADER = "partenaire;du;au;mises_en_contact;mises_en_relation;convocations;"
            + "presentations;recrutes;non_retenus;sans_reponse;en_cours";
    static final String TRIPARTITE_HEADER = "partenaire;du;au;offres;offres_contact_direct;part_contact_direct;"
            + "offres_preselection;offres_preselection_satisfaites_mer;part_satisfaites_mer;delai_moyen_jours";

    private IndicatorCsv() {
    }

    static String activity(List<PlacementActivity> lines) {
        StringBuilder out = new StringBuilder(ACTIVITY_HEADER).append("\r\n");
        for (PlacementActivity a : lines) {
            out.append(String.join(";", a.partnerId(), a.from().toString(), a.to().toString(),
                    String.valueOf(a.contacts()), String.valueOf(a.relations()), String.valueOf(a.summons()),
                    String.valueOf(a.presentations()), String.valueOf(a.hired()), String.valueOf(a.notRetained()),
                    String.valueOf(a.noAnswer()), String.valueOf(a.open()))).append("\r\n");
        }
        return out.toString();
    }

    static String tripartite(TripartiteIndicators t) {
        return TRIPARTITE_HEADER + "\r\n" + String.join(";", t.partnerId() == null ? "tous" : t.partnerId(),
                t.from().toString(), t.to().toString(), String.valueOf(t.offers()),
                String.valueOf(t.directContactOffers()), decimal(t.directContactShare()),
                String.valueOf(t.preselectedOffers()), String.valueOf(t.preselectedSatisfied()),
                decimal(t.preselectedSatisfiedShare()), decimal(t.meanDaysToSatisfy())) + "\r\n";
    }

    static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.FRANCE, "%.3f", value);
    }
}
