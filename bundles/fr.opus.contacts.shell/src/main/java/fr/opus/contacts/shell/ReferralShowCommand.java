package fr.opus.contacts.shell;

import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.Referrals;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** An act on an offer and its whole history, as France Travail sees it. */
@Command(scope = "opus", name = "referral-show",
        description = "Affiche un acte (mise en contact, mise en relation, convocation) et tout son historique")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ReferralShowCommand extends OperatorCommand {

    @Reference
    Referrals referrals;

    @Argument(index = 0, name = "acte", description = "Identifiant de l'acte", required = true)
    String referralId;

    @Override
    void run(Caller caller, PrintStream out) {
        Referral r = referrals.referral(caller, referralId.strip());
        out.println("Acte " + r.id() + " : " + r.kind().label());
        Texts.line(out, "Offre", r.offerId());
        Texts.line(out, "Demandeur d'emploi", r.jobSeekerId());
        Texts.line(out, "Structure", r.partnerId());
        Texts.line(out, "Conseiller (compte)", r.counsellorId());
        Texts.line(out, "État", r.state().label() + (r.state().open() ? " (en cours)" : ""));
        Texts.line(out, "Motif", r.reason() == null ? null : r.reason().label());
        Texts.line(out, "Créé le", Texts.time(r.createdAt()));
        Texts.line(out, "Modifié le", Texts.time(r.updatedAt()));
        out.println();
        out.println("Historique :");
        ShellTable table = new ShellTable();
        table.column("Quand");
        table.column("Par");
        table.column("De");
        table.column("Vers");
        table.column("Motif");
        table.column("Commentaire").maxSize(60);
        for (ReferralEvent e : r.history()) {
            table.addRow().addContent(Texts.time(e.at()), Texts.text(e.by()),
                    e.from() == null ? "création" : e.from().label(), e.to().label(), Texts.reason(e.reason()),
                    Texts.text(e.comment()));
        }
        table.print(out);
    }
}
