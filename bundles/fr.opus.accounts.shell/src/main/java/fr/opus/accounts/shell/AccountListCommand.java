package fr.opus.accounts.shell;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "opus", name = "account-list",
        description = "Comptes d'une structure partenaire et compteur de sièges, ou comptes France Travail sans argument")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class AccountListCommand extends OperatorCommand {

    @Reference
    AccountDirectory accounts;

    @Argument(name = "partenaire", description = "Identifiant de la structure partenaire")
    String partnerId;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Compte");
        table.column("Identifiant");
        table.column("Rôle");
        table.column("Nom");
        table.column("Statut");
        table.column("Dernière connexion");
        for (Account a : accounts.accounts(caller, partnerId)) {
            table.addRow().addContent(a.id(), a.login(), a.role().label(), a.firstName() + " " + a.lastName(),
                    a.status(), when(a.lastLoginAt()));
        }
        table.print(out);
        if (partnerId != null) {
            Seats seats = accounts.seats(caller, partnerId);
            out.println("Sièges occupés : " + seats.used() + " sur " + seats.quota() + " (RGC non compté)");
        }
    }
}
