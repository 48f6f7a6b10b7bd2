package fr.opus.accounts.shell;

import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "partner-list", description = "Structures partenaires (Missions Locales, Cap Emploi…)")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class PartnerListCommand extends OperatorCommand {

    @Reference
    PartnerDirectory partners;

    @Option(name = "-r", aliases = "--region", description = "Code INSEE de la région (ex. 84)")
    String region;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Identifiant");
        table.column("Type");
        table.column("Nom");
        table.column("SAFIR");
        table.column("Région");
        for (Partner p : partners.partners(caller)) {
            if (region == null || region.equals(p.region())) {
                table.addRow().addContent(p.id(), p.kind(), p.name(), p.safirCode(), p.region());
            }
        }
        table.print(out);
    }
}
