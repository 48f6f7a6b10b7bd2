package fr.opus.referentials.shell;

import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ShellGuard;
import fr.opus.referentials.api.Job;
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

@Command(scope = "opus", name = "rome-find",
        description = "Cherche un métier ROME par code (M18, M1805) ou par mots du libellé et des appellations")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class RomeFindCommand implements Action {

    @Reference
    ReferentialService referentials;

    @Argument(index = 0, name = "texte", required = true, multiValued = true,
            description = "Code ROME ou début de code, ou mots (accents et majuscules ignorés)")
    @Completion(RomeCodeCompleter.class)
    List<String> words;

    @Option(name = "-n", aliases = "--limit", description = "Nombre de résultats (20 par défaut)")
    int limit = 20;

    @Override
    public Object execute() {
        if (!ShellGuard.allows(this, System.err)) {
            return null;
        }
        List<Job> jobs = referentials.findJobs(String.join(" ", words), Math.max(1, Math.min(limit, 500)));
        if (jobs.isEmpty()) {
            System.out.println("Aucun métier ne correspond à « " + String.join(" ", words) + " ».");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Métier");
        table.column("Domaine");
        jobs.forEach(j -> table.addRow().addContent(j.romeCode(), j.label(), j.domainCode()));
        table.print(System.out);
        return null;
    }
}
