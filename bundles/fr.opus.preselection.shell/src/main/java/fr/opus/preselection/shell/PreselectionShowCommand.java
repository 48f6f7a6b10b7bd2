package fr.opus.preselection.shell;

import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.Preselections;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * The preselection of an offer as France Travail follows it: the level, the requirements the correspondent set, the
 * employer's commitments and how far they are kept, then every partner's candidacies, oldest first.
 */
@Command(scope = "opus", name = "preselection-show",
        description = "Présélection d'une offre : niveau, exigences, engagements de l'employeur et candidatures")
@Service
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT})
public class PreselectionShowCommand extends OperatorCommand {

    @Reference
    Preselections preselections;

    @Argument(index = 0, name = "offre", description = "Identifiant France Travail de l'offre présélectionnée"
            + " (201WLXK)", required = true)
    @Completion(PreselectedOfferIdCompleter.class)
    String offerId;

    @Override
    void run(Caller caller, PrintStream out) {
        String offer = offerId.strip();
        OfferPreselection p = preselections.preselection(caller, offer);
        List<Candidacy> candidacies = preselections.candidacies(caller, offer);

        out.println("Présélection de l'offre " + p.offerId() + " : " + Texts.level(p.level()));
        Texts.line(out, "Exigences", !p.defined() ? "pas encore définies par le correspondant France Travail"
                : "définies" + (p.updatedAt() == null ? "" : ", modifiées le " + Texts.time(p.updatedAt())
                        + " par " + Texts.text(p.updatedBy())));
        Texts.line(out, "Candidats souhaités", p.candidatesWanted());
        Texts.line(out, "À examiner", Texts.count(p.proposed(), "candidature", "candidatures"));

        out.println();
        out.println("Prérequis (" + p.prerequisites().size() + ") :");
        if (p.prerequisites().isEmpty()) {
            out.println("  aucun");
        }
        p.prerequisites().forEach(item -> out.println("- " + item));
        if (p.level() != PreselectionLevel.VERIFICATION || !p.criteria().isEmpty()) {
            out.println();
            out.println("Critères complémentaires pondérés (" + p.criteria().size() + ") :");
            ShellTable criteria = new ShellTable();
            criteria.column("Critère");
            criteria.column("Poids").alignRight();
            criteria.emptyTableText("aucun");
            for (Criterion c : p.criteria()) {
                criteria.addRow().addContent(c.name(), c.weight());
            }
            criteria.print(out);
        }
        if (p.level() == PreselectionLevel.ASSESSMENT || !p.tools().isEmpty()) {
            out.println();
            out.println("Outils d'évaluation : " + (p.tools().isEmpty() ? "aucun"
                    : p.tools().stream().map(Texts::tool).collect(Collectors.joining(", "))));
        }

        out.println();
        printCommitments(p.commitments(), out);

        out.println();
        out.println("Candidatures (" + candidacies.size() + ") :");
        ShellTable table = new ShellTable();
        table.column("Candidature");
        table.column("Demandeur d'emploi");
        table.column("Structure");
        table.column("État");
        table.column("Note pondérée").alignRight();
        table.column("Retour de l'employeur").maxSize(90);
        table.emptyTableText("Aucune candidature sur l'offre " + p.offerId() + ".");
        for (Candidacy c : candidacies) {
            table.addRow().addContent(c.id(), c.jobSeekerId(), c.partnerId(), Texts.state(c.state()),
                    Texts.score(c.weightedScore()), Texts.feedback(c.feedback()));
        }
        table.print(out);
    }

    private static void printCommitments(Commitments c, PrintStream out) {
        out.println("Engagements de l'employeur :");
        if (c == null) {
            out.println("  " + Texts.NONE);
            return;
        }
        c.expected().forEach(item -> out.println("- " + item));
        out.println("Candidats transmis : " + c.transmitted() + ", avec le retour attendu : " + c.answered()
                + ", en retard : " + c.overdue() + " — engagements " + (c.kept() ? "tenus" : "non tenus"));
    }
}
