package fr.opus.preselection.shell;

import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.Preselections;
import java.io.PrintStream;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * A candidacy and everything known of it: what the counsellor proposed, the correspondent's review and the
 * employer's feedback.
 */
@Command(scope = "opus", name = "candidacy-show",
        description = "Affiche une candidature de présélection : proposition, examen et retour de l'employeur")
@Service
@Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT})
public class CandidacyShowCommand extends OperatorCommand {

    @Reference
    Preselections preselections;

    @Argument(index = 0, name = "candidature", description = "Identifiant de la candidature", required = true)
    String candidacyId;

    @Override
    void run(Caller caller, PrintStream out) {
        Candidacy c = preselections.candidacy(caller, candidacyId.strip());
        out.println("Candidature " + c.id() + " : " + Texts.state(c.state())
                + (c.state() != null && c.state().open() ? " (en cours)" : ""));
        Texts.line(out, "Offre", c.offerId());
        Texts.line(out, "Niveau", Texts.level(c.level()));
        Texts.line(out, "Mise en relation (acte)", c.referralId());
        Texts.line(out, "Demandeur d'emploi", c.jobSeekerId());
        Texts.line(out, "Structure", c.partnerId());
        Texts.line(out, "Conseiller", c.counsellor());
        Texts.line(out, "Disponible à partir du", Texts.day(c.availableFrom()));
        Texts.line(out, "Note pondérée", Texts.score(c.weightedScore()));
        Texts.line(out, "Commentaire du conseiller", c.comment());
        Texts.line(out, "Proposée le", Texts.time(c.createdAt()));
        Texts.line(out, "Modifiée le", Texts.time(c.updatedAt()));

        out.println();
        out.println("Prérequis :");
        ShellTable prerequisites = new ShellTable();
        prerequisites.column("Prérequis").maxSize(70);
        prerequisites.column("Rempli");
        prerequisites.emptyTableText("aucun");
        new TreeMap<>(c.prerequisites()).forEach((item, met) -> prerequisites.addRow().addContent(item,
                Texts.yesNo(met)));
        prerequisites.print(out);

        out.println();
        Texts.paragraph(out, "Synthèse argumentée", c.synthesis());

        out.println();
        out.println("Notes par critère :");
        ShellTable scores = new ShellTable();
        scores.column("Critère").maxSize(60);
        scores.column("Note (0 à 5)").alignRight();
        scores.emptyTableText("aucune");
        new TreeMap<>(c.scores()).forEach((criterion, score) -> scores.addRow().addContent(criterion, score));
        scores.print(out);

        out.println();
        out.println("Évaluations :");
        ShellTable assessments = new ShellTable();
        assessments.column("Outil");
        assessments.column("Date");
        assessments.column("Résultat");
        assessments.column("Commentaire").maxSize(60);
        assessments.emptyTableText("aucune");
        for (Assessment a : c.assessments()) {
            assessments.addRow().addContent(Texts.tool(a.tool()), Texts.day(a.on()),
                    a.favourable() ? "favorable" : "défavorable", Texts.text(a.comment()));
        }
        assessments.print(out);

        out.println();
        out.println("Examen par le correspondant France Travail :");
        Texts.line(out, "Examinée par", c.reviewedBy());
        Texts.line(out, "Examinée le", Texts.time(c.reviewedAt()));
        Texts.line(out, "Note du correspondant", c.reviewNote());

        out.println();
        out.println("Retour de l'employeur :");
        EmployerFeedback f = c.feedback();
        if (f == null) {
            out.println("  aucun pour l'instant");
            return;
        }
        Texts.line(out, "Candidat reçu", Texts.yesNo(f.received()));
        Texts.line(out, "Recruté", f.hired() == null ? "décision en attente" : Texts.yesNo(f.hired()));
        Texts.line(out, "Motif", f.reason() == null ? null : Texts.reason(f.reason()));
        Texts.line(out, "Commentaire de l'employeur", f.comment());
        Texts.line(out, "Saisi par", f.recordedBy());
        Texts.line(out, "Saisi le", Texts.time(f.recordedAt()));
    }
}
