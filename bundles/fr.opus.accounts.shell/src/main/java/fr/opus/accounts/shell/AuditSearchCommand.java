package fr.opus.accounts.shell;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "audit-search",
        description = "Journal d'audit : connexions, refus, lectures et changements de données personnelles")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class AuditSearchCommand extends OperatorCommand {

    @Reference
    AuditTrail audit;

    @Option(name = "-u", aliases = "--actor", description = "Identifiant de qui a agi")
    String actor;

    @Option(name = "-s", aliases = "--subject", description = "Identifiant de l'objet (compte, convention…)")
    String subject;

    @Option(name = "-a", aliases = "--action", description = "Action (ex. login, account.read)")
    String action;

    @Option(name = "-f", aliases = "--from", description = "Depuis ce jour (AAAA-MM-JJ)")
    String from;

    @Option(name = "-n", aliases = "--limit", description = "Nombre de lignes, les plus récentes d'abord (100)")
    int limit = 100;

    @Override
    void run(Caller caller, PrintStream out) {
        Instant since;
        try {
            since = from == null ? null : LocalDate.parse(from).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant();
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date attendue au format AAAA-MM-JJ : « "
                    + from + " ».", "--from");
        }
        ShellTable table = new ShellTable();
        table.column("Quand");
        table.column("Qui");
        table.column("Rôle");
        table.column("Adresse");
        table.column("Action");
        table.column("Objet");
        table.column("Résultat");
        table.column("Détail");
        for (AuditEvent e : audit.search(caller, new AuditQuery(actor, subject, action, since, null, limit))) {
            table.addRow().addContent(when(e.at()), text(e.actor()), text(e.actorRole()), text(e.address()),
                    e.action(), text(e.subjectType()) + " " + text(e.subjectId()), e.outcome(), text(e.detail()));
        }
        table.print(out);
    }
}
