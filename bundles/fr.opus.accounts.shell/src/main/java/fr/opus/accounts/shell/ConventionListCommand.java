package fr.opus.accounts.shell;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "convention-list",
        description = "Conventions d'une structure : statut, services (annexe 1), quota et sièges (annexe 2), RGC")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ConventionListCommand extends OperatorCommand {

    @Reference
    PartnerDirectory partners;

    @Argument(name = "partenaire", description = "Identifiant de la structure partenaire", required = true)
    String partnerId;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Convention");
        table.column("Statut");
        table.column("Signée le");
        table.column("Fin");
        table.column("Services");
        table.column("Sièges").alignRight();
        table.column("RGC");
        table.column("Version").alignRight();
        for (Convention c : partners.conventions(caller, partnerId)) {
            String services = c.services().stream()
                    .map(s -> s.available() ? s.id() : s.id() + " (indisponible)")
                    .collect(Collectors.joining(", "));
            table.addRow().addContent(c.id(), c.status(), text(c.signedOn()), text(c.endsOn()), services,
                    c.seatsUsed() + "/" + c.accountQuota(), text(c.rgcAccountId()), c.version());
        }
        table.print(out);
    }
}
