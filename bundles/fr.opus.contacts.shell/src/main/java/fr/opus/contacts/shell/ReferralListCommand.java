package fr.opus.contacts.shell;

import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.Referrals;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Every act on an offer, whichever partner made it, oldest first. */
@Command(scope = "opus", name = "referral-list",
        description = "Actes sur une offre (mises en contact, mises en relation, convocations), toutes structures")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ReferralListCommand extends OperatorCommand {

    @Reference
    Referrals referrals;

    @Option(name = "-o", aliases = "--offer", description = "Identifiant France Travail de l'offre (201WLXK)",
            required = true)
    @Completion(OfferIdCompleter.class)
    String offerId;

    @Override
    void run(Caller caller, PrintStream out) {
        String offer = offerId.strip();
        List<Referral> found = referrals.onOffer(caller, offer);
        ShellTable table = new ShellTable();
        table.column("Acte");
        table.column("Type");
        table.column("Demandeur d'emploi");
        table.column("Structure");
        table.column("Conseiller");
        table.column("État");
        table.column("Motif");
        table.column("Créé le");
        table.column("Modifié le");
        table.emptyTableText("Aucun acte sur l'offre " + offer + ".");
        for (Referral r : found) {
            table.addRow().addContent(r.id(), r.kind().label(), r.jobSeekerId(), r.partnerId(), r.counsellorId(),
                    r.state().label(), Texts.reason(r.reason()), Texts.time(r.createdAt()),
                    Texts.time(r.updatedAt()));
        }
        table.print(out);
        if (!found.isEmpty()) {
            long open = found.stream().filter(r -> r.state().open()).count();
            out.println(Texts.count(found.size(), "acte", "actes") + " sur l'offre " + offer + ", dont "
                    + open + " en cours");
        }
    }
}
