package fr.opus.accounts.shell;

import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.ServiceInfo;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "service-list",
        description = "Services que les conventions peuvent inclure : ceux des fonctionnalités installées")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ServiceListCommand extends OperatorCommand {

    @Reference
    PartnerDirectory partners;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Service");
        table.column("Libellé");
        table.column("Description");
        for (ServiceInfo s : partners.serviceCatalogue()) {
            table.addRow().addContent(s.id(), s.label(), s.description());
        }
        table.print(out);
    }
}
