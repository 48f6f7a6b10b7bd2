package fr.opus.accounts.shell;

import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionService;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * Switches services of annex 1 on or off on a convention in one call, against the convention as it stands then (an
 * operator switching another service at the same time keeps their change): a new version, as over REST; a service
 * already on, or already off, changes nothing.
 */
@Command(scope = "opus", name = "convention-services",
        description = "Ajoute ou retire des services (annexe 1) d'une convention ; chaque changement est versionné")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class ConventionServicesCommand extends OperatorCommand {

    @Reference
    PartnerDirectory partners;

    @Argument(index = 0, name = "convention", description = "Identifiant de la convention", required = true)
    String conventionId;

    @Option(name = "-a", aliases = "--add", description = "Service à ajouter (ex. preselection)", multiValued = true)
    List<String> add;

    @Option(name = "-d", aliases = "--remove", description = "Service à retirer", multiValued = true)
    List<String> remove;

    @Option(name = "-m", aliases = "--reason", description = "Motif du changement (versionné)", required = true)
    String reason;

    @Override
    void run(Caller caller, PrintStream out) {
        Convention changed = partners.changeServices(caller, conventionId, set(add), set(remove), reason);
        out.println("Convention " + changed.id() + " version " + changed.version() + " : "
                + changed.services().stream().map(ConventionService::id).collect(Collectors.joining(", ")));
    }

    private static Set<String> set(List<String> services) {
        return services == null ? Set.of() : new LinkedHashSet<>(services);
    }
}
