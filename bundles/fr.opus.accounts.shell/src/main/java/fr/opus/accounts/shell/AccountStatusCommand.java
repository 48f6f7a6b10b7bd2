package fr.opus.accounts.shell;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** Switches an account off (its tokens stop at once, its seat is freed) or back on. */
@Command(scope = "opus", name = "account-status",
        description = "Désactive (--off, avec motif) ou réactive (--on) un compte")
@Service
@Permit(Role.REGIONAL_OPERATOR)
public class AccountStatusCommand extends OperatorCommand {

    @Reference
    AccountDirectory accounts;

    @Argument(name = "compte", description = "Identifiant du compte", required = true)
    String accountId;

    @Option(name = "--off", description = "Désactiver le compte")
    boolean off;

    @Option(name = "--on", description = "Réactiver le compte (si un siège est libre)")
    boolean on;

    @Option(name = "-m", aliases = "--reason", description = "Motif de la désactivation")
    String reason;

    @Override
    void run(Caller caller, PrintStream out) {
        if (on == off) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Précisez --off (désactiver, avec --reason) ou --on (réactiver).", "--on/--off");
        }
        Account a = off ? accounts.deactivate(caller, accountId, reason) : accounts.reactivate(caller, accountId);
        out.println("Compte " + a.login() + " : " + a.status());
    }
}
