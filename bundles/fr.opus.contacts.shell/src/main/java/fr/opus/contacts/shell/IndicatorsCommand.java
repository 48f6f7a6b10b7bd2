package fr.opus.contacts.shell;

import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The placement indicators of a period (DOMAIN §9): one activity line per partner, then the tripartite figures; or,
 * with {@code --csv}, the CSV of {@code GET /api/v1/indicators/activity?format=csv} (with {@code --tripartite}, of
 * {@code …/tripartite?format=csv}) for a French spreadsheet: same header, same cells.
 */
@Command(scope = "opus", name = "indicators",
        description = "Indicateurs de placement d'une période : activité par structure et indicateurs tripartites")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class IndicatorsCommand extends OperatorCommand {

    /** The activity CSV's header, as over REST; one line per partner follows, {@code ;}-separated. */
    static final String CSV_HEADER = "partenaire;du;au;mises_en_contact;mises_en_relation;convocations;presentations;"
            + "recrutes;non_retenus;sans_reponse;en_cours";
    /** The tripartite CSV's header, as over REST; one line follows, for one partner or {@code tous}. */
    static final String TRIPARTITE_CSV_HEADER = "partenaire;du;au;offres;offres_contact_direct;part_contact_direct;"
            + "offres_preselection;offres_preselection_satisfaites_mer;part_satisfaites_mer;delai_moyen_jours";

    @Reference
    Indicators indicators;

    @Option(name = "-f", aliases = "--from", description = "Premier jour de la période, AAAA-MM-JJ (défaut : le 1er"
            + " du mois en cours)")
    String from;

    @Option(name = "-t", aliases = "--to", description = "Dernier jour de la période, inclus, AAAA-MM-JJ (défaut :"
            + " aujourd'hui)")
    String to;

    @Option(name = "-p", aliases = "--partner", description = "Identifiant d'une structure partenaire (défaut :"
            + " toutes)")
    String partnerId;

    @Option(name = "-c", aliases = "--csv", description = "En CSV (séparateur ;, virgule décimale) plutôt qu'en"
            + " tableau : l'activité, ou avec --tripartite les indicateurs tripartites")
    boolean csv;

    @Option(name = "-T", aliases = "--tripartite", description = "Seulement les indicateurs tripartites")
    boolean tripartiteOnly;

    /** Today is Paris's; a test sets another clock. */
    Clock clock = Clock.system(Texts.PARIS);

    @Override
    void run(Caller caller, PrintStream out) {
        LocalDate end = to == null ? LocalDate.now(clock) : day(to, "--to");
        LocalDate start = from == null ? end.withDayOfMonth(1) : day(from, "--from");
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        String period = " du " + Texts.day(start) + " au " + Texts.day(end)
                + (partner == null ? ", toutes structures" : ", structure " + partner) + " :";
        if (!tripartiteOnly) {
            List<PlacementActivity> activity = indicators.activity(caller, start, end, partner);
            if (csv) {
                printCsv(activity, out);
                return;
            }
            out.println("Activité" + period);
            printActivity(activity, out);
            out.println();
        }
        TripartiteIndicators tripartite = indicators.tripartite(caller, start, end, partner);
        if (csv) {
            printCsv(tripartite, out);
            return;
        }
        out.println("Indicateurs tripartites" + period);
        printTripartite(tripartite, out);
    }

    private static LocalDate day(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date attendue au format AAAA-MM-JJ : « "
                    + text.strip() + " ».", option);
        }
    }

    static void printCsv(List<PlacementActivity> activity, PrintStream out) {
        out.println(CSV_HEADER);
        for (PlacementActivity a : activity) {
            out.println(Stream.of(a.partnerId(), a.from(), a.to(), a.contacts(), a.relations(), a.summons(),
                    a.presentations(), a.hired(), a.notRetained(), a.noAnswer(), a.open())
                    .map(Texts::csv).collect(Collectors.joining(";")));
        }
    }

    static void printCsv(TripartiteIndicators t, PrintStream out) {
        out.println(TRIPARTITE_CSV_HEADER);
        out.println(Stream.of(t.partnerId() == null ? "tous" : t.partnerId(), t.from(), t.to(), t.offers(),
                t.directContactOffers(), Texts.csvDecimal(t.directContactShare()), t.preselectedOffers(),
                t.preselectedSatisfied(), Texts.csvDecimal(t.preselectedSatisfiedShare()),
                Texts.csvDecimal(t.meanDaysToSatisfy())).map(Texts::csv).collect(Collectors.joining(";")));
    }

    private static void printActivity(List<PlacementActivity> activity, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Structure");
        for (String figure : List.of("Mises en contact", "Mises en relation", "Convocations", "Présentations",
                "Recrutés", "Non retenus", "Sans réponse", "En cours")) {
            table.column(figure).alignRight();
        }
        table.emptyTableText("Aucun acte sur la période.");
        long[] total = new long[8];
        for (PlacementActivity a : activity) {
            long[] figures = {a.contacts(), a.relations(), a.summons(), a.presentations(), a.hired(),
                    a.notRetained(), a.noAnswer(), a.open()};
            var row = table.addRow();
            row.addContent(a.partnerId());
            for (int i = 0; i < figures.length; i++) {
                row.addContent(figures[i]);
                total[i] += figures[i];
            }
        }
        if (activity.size() > 1) {
            var row = table.addRow();
            row.addContent("Total");
            for (long figure : total) {
                row.addContent(figure);
            }
        }
        table.print(out);
    }

    private static void printTripartite(TripartiteIndicators t, PrintStream out) {
        figure(out, "Offres ayant reçu un acte", String.valueOf(t.offers()));
        figure(out, "dont employeur joignable directement", t.directContactOffers() + share(t.directContactShare()));
        figure(out, "Offres avec présélection", String.valueOf(t.preselectedOffers()));
        figure(out, "dont satisfaites par une mise en relation",
                t.preselectedSatisfied() + share(t.preselectedSatisfiedShare()));
        figure(out, "Délai moyen de satisfaction", t.meanDaysToSatisfy() == null ? Texts.NONE
                : Texts.decimal(t.meanDaysToSatisfy(), 1) + " jours");
    }

    private static String share(Double share) {
        return share == null ? "" : " (" + Texts.percent(share) + ")";
    }

    private static void figure(PrintStream out, String label, String value) {
        out.printf("  %-44s %s%n", label + " :", value);
    }
}
