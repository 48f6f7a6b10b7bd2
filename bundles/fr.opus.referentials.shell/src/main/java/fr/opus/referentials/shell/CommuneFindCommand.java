package fr.opus.referentials.shell;

import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.ReferentialService;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "commune-find",
        description = "Cherche une commune par nom, code INSEE ou code postal")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class CommuneFindCommand implements Action {

    @Reference
    ReferentialService referentials;

    @Argument(index = 0, name = "texte", required = true, multiValued = true,
            description = "Nom ou début de nom (« st etienne »), code INSEE ou code postal")
    @Completion(CommuneNameCompleter.class)
    List<String> words;

    @Option(name = "-n", aliases = "--limit", description = "Nombre de résultats (20 par défaut)")
    int limit = 20;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        List<Commune> communes = referentials.findCommunes(String.join(" ", words), Math.max(1, Math.min(limit, 500)));
        if (communes.isEmpty()) {
            System.out.println("Aucune commune ne correspond à « " + String.join(" ", words) + " ».");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("INSEE");
        table.column("Commune");
        table.column("Codes postaux");
        table.column("Dépt");
        table.column("Région");
        table.column("Population").alignRight();
        communes.forEach(c -> table.addRow().addContent(c.inseeCode(), c.name(), String.join(" ", c.postalCodes()),
                c.departmentCode(), c.regionCode(), c.population() == null ? "" : c.population()));
        table.print(System.out);
        return null;
    }
}
