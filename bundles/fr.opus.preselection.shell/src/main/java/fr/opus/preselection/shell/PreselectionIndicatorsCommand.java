package fr.opus.preselection.shell;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.Preselections;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The preselection figures of a period (DOMAIN §9): preselected offers satisfied and how fast, candidacies proposed,
 * transmitted and hired, and how far employers keep their feedback commitments.
 */
@Command(scope = "opus", name = "preselection-indicators",
        description = "Indicateurs de la présélection sur une période : offres satisfaites, délai, candidatures,"
                + " engagements tenus")
@Service
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT})
public class PreselectionIndicatorsCommand extends OperatorCommand {

    @Reference
    Preselections preselections;

    @Option(name = "-f", aliases = "--from", description = "Premier jour de la période, AAAA-MM-JJ (défaut : le 1er"
            + " du mois en cours)")
    String from;

    @Option(name = "-t", aliases = "--to", description = "Dernier jour de la période, inclus, AAAA-MM-JJ (défaut :"
            + " aujourd'hui)")
    String to;

    @Option(name = "-p", aliases = "--partner", description = "Identifiant d'une structure partenaire (défaut :"
            + " toutes)")
    String partnerId;

    /** Today is Paris's; a test sets another clock. */
    Clock clock = Clock.system(Texts.PARIS);

    @Override
    void run(Caller caller, PrintStream out) {
        LocalDate end = to == null ? LocalDate.now(clock) : day(to, "--to");
        LocalDate start = from == null ? end.withDayOfMonth(1) : day(from, "--from");
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        PreselectionIndicators i = preselections.indicators(caller, start, end, partner);

        out.println("Présélection du " + Texts.day(i.from()) + " au " + Texts.day(i.to())
                + (i.partnerId() == null ? ", toutes structures" : ", structure " + i.partnerId()) + " :");
        ShellTable table = new ShellTable();
        table.column("Indicateur");
        table.column("Valeur").alignRight();
        table.addRow().addContent("Offres présélectionnées ayant reçu une candidature", i.offers());
        table.addRow().addContent("dont satisfaites (un candidat transmis recruté)",
                i.satisfied() + (i.satisfiedShare() == null ? "" : " (" + Texts.percent(i.satisfiedShare()) + ")"));
        table.addRow().addContent("Délai moyen de satisfaction", i.meanDaysToSatisfy() == null ? Texts.NONE
                : Texts.decimal(i.meanDaysToSatisfy(), 1) + " jours");
        table.addRow().addContent("Candidatures proposées", i.proposed());
        table.addRow().addContent("dont transmises à l'employeur", i.transmitted());
        table.addRow().addContent("dont recrutées", i.hired());
        table.addRow().addContent("Retours de l'employeur conformes aux engagements",
                Texts.percent(i.commitmentsKeptShare()));
        table.print(out);
    }

    private static LocalDate day(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date attendue au format AAAA-MM-JJ : « "
                    + text.strip() + " ».", option);
        }
    }
}
