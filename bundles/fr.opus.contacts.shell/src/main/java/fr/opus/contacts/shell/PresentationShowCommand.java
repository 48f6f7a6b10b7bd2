package fr.opus.contacts.shell;

import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Presentations;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** A presentation of candidates: where the employer's mail and each candidate's notice stand. */
@Command(scope = "opus", name = "presentation-show",
        description = "Affiche une présentation de candidats : courrier à l'employeur et avis à chaque candidat")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class PresentationShowCommand extends OperatorCommand {

    @Reference
    Presentations presentations;

    @Argument(index = 0, name = "presentation", description = "Identifiant de la présentation", required = true)
    String presentationId;

    @Override
    void run(Caller caller, PrintStream out) {
        Presentation p = presentations.presentation(caller, presentationId.strip());
        out.println("Présentation " + p.id() + " : " + Texts.count(p.candidates().size(), "candidat", "candidats"));
        Texts.line(out, "Offre", p.offerId());
        Texts.line(out, "Structure", p.partnerId());
        Texts.line(out, "Conseiller (compte)", p.counsellorId());
        Texts.line(out, "Créée le", Texts.time(p.createdAt()));
        Texts.line(out, "Liste envoyée à", Texts.recipient(p.recipient()));
        Texts.line(out, "Courrier", Texts.delivery(p.employerMail()));
        if (p.employerMail() != null) {
            Texts.line(out, "Dernière erreur", p.employerMail().error());
        }
        out.println();
        ShellTable table = new ShellTable();
        table.column("Candidat");
        table.column("Demandeur d'emploi");
        table.column("Acte");
        table.column("Canal");
        table.column("Avis au candidat");
        table.column("Dernière erreur").maxSize(50);
        for (Presentation.Candidate c : p.candidates()) {
            table.addRow().addContent(Texts.text(c.firstName()) + " " + Texts.text(c.lastName()), c.jobSeekerId(),
                    Texts.text(c.referralId()), c.channel() == null ? Texts.NONE : c.channel().label(),
                    Texts.delivery(c.notice()), Texts.text(c.notice() == null ? null : c.notice().error()));
        }
        table.print(out);
    }
}
