package fr.opus.accounts.shell;

import fr.opus.accounts.api.Client;
import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** The operators' commands on machine clients (OAuth2 client credentials). */
final class ClientCommands {

    private ClientCommands() {
    }

    @Command(scope = "opus", name = "client-list", description = "Applications clientes d'une structure, ou toutes")
    @Service
    @Permit(Role.REGIONAL_OPERATOR)
    public static class ListClients extends OperatorCommand {

        @Reference
        ClientRegistry clients;

        @Argument(name = "partenaire", description = "Identifiant de la structure partenaire")
        String partnerId;

        @Override
        void run(Caller caller, PrintStream out) {
            ShellTable table = new ShellTable();
            table.column("client_id");
            table.column("Rôle");
            table.column("Structure");
            table.column("Nom");
            table.column("Portées");
            table.column("Actif");
            table.column("Dernier usage");
            for (Client c : clients.clients(caller, partnerId)) {
                table.addRow().addContent(c.clientId(), c.role(), text(c.partnerId()), c.name(),
                        String.join(" ", c.scopes()), c.active() ? "oui" : "non", when(c.lastUsedAt()));
            }
            table.print(out);
        }
    }

    @Command(scope = "opus", name = "client-issue",
            description = "Émet un client OAuth2 : le secret est affiché cette seule fois")
    @Service
    @Permit(Role.REGIONAL_OPERATOR)
    public static class IssueClient extends OperatorCommand {

        @Reference
        ClientRegistry clients;

        @Option(name = "-p", aliases = "--partner", description = "Structure partenaire (absent : flux France Travail)")
        String partnerId;

        @Option(name = "-n", aliases = "--name", description = "Nom de l'application", required = true)
        String name;

        @Option(name = "-s", aliases = "--scope", description = "Portée (ex. api_offresdemploiv2)", multiValued = true)
        List<String> scopes;

        @Override
        void run(Caller caller, PrintStream out) {
            Role role = partnerId == null ? Role.FT_FEED : Role.PARTNER_APPLICATION;
            IssuedClient issued = clients.issue(caller, role, partnerId, name,
                    scopes == null ? null : new LinkedHashSet<>(scopes));
            out.println("client_id     : " + issued.client().clientId());
            out.println("client_secret : " + issued.clientSecret());
            out.println("Portées       : " + String.join(" ", issued.client().scopes()));
            out.println("Transmettez le secret par un canal sûr : Opus n'en garde que l'empreinte.");
        }
    }

    @Command(scope = "opus", name = "client-revoke", description = "Révoque un client et tous ses jetons")
    @Service
    @Permit(Role.REGIONAL_OPERATOR)
    public static class RevokeClient extends OperatorCommand {

        @Reference
        ClientRegistry clients;

        @Argument(name = "client_id", required = true, description = "Identifiant du client")
        String clientId;

        @Override
        void run(Caller caller, PrintStream out) {
            Client c = clients.revoke(caller, clientId);
            out.println("Client " + c.clientId() + " révoqué.");
        }
    }
}
