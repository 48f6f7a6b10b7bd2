package fr.opus.referentials.shell;

import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import fr.opus.referentials.api.ReferentialService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "referential-status",
        description = "Liste les jeux de données de référence chargés, leur source et leur date de chargement")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ReferentialStatusCommand implements Action {

    @Reference
    ReferentialService referentials;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Jeu");
        table.column("Lignes").alignRight();
        table.column("Chargé le");
        table.column("Source");
        referentials.datasets().forEach(d -> table.addRow().addContent(d.name(), d.rows(), d.loadedAt(), d.source()));
        table.print(System.out);
        return null;
    }
}
