package fr.opus.accounts.soap;

import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.accounts.soap.SoapTypes.CompteType;
import fr.opus.accounts.soap.SoapTypes.NouveauCompteType;
import fr.opus.accounts.soap.SoapTypes.SiegesType;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.soap.OpusFault;
import fr.opus.platform.soap.SoapEndpoints;
import java.util.List;
import java.util.function.Supplier;
import javax.jws.WebService;
import org.apache.cxf.endpoint.Server;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@link AccountPort} at {@code /soap/accounts}. Each operation carries the same roles as its REST
 * counterpart; whose accounts the caller may see or change is decided by {@link AccountDirectory}, as over REST
 * (another partner's account is "not found").
 */
@Component(service = {})
@WebService(serviceName = "AccountService", portName = "AccountPort",
        endpointInterface = "fr.opus.accounts.soap.AccountPort", targetNamespace = AccountPort.NAMESPACE)
public class AccountEndpoint implements AccountPort {

    static final String ADDRESS = "/accounts";

    private final AccountDirectory accounts;
    private final Supplier<Caller> caller;
    private final Server server;

    @Activate
    public AccountEndpoint(@Reference AccountDirectory accounts, @Reference Authenticator authenticator) {
        this.accounts = accounts;
        this.caller = SoapEndpoints::caller;
        this.server = SoapEndpoints.publish(AccountPort.class, this, ADDRESS, authenticator);
    }

    /** Unpublished, for unit tests: the caller comes from {@code caller}. */
    AccountEndpoint(AccountDirectory accounts, Supplier<Caller> caller) {
        this.accounts = accounts;
        this.caller = caller;
        this.server = null;
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public CompteType moi() throws OpusFault {
        return call(() -> CompteType.of(accounts.account(caller.get(), caller.get().id())));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public List<CompteType> comptes(String partnerId) throws OpusFault {
        return call(() -> accounts.accounts(caller.get(), blankToNull(partnerId)).stream().map(CompteType::of)
                .toList());
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public CompteType compte(String accountId) throws OpusFault {
        return call(() -> CompteType.of(accounts.account(caller.get(), required(accountId))));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public SiegesType sieges(String partnerId) throws OpusFault {
        return call(() -> SiegesType.of(accounts.seats(caller.get(), blankToNull(partnerId))));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public CompteType creerCompte(NouveauCompteType account) throws OpusFault {
        return call(() -> {
            if (account == null || account.role == null) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON, "Le rôle du compte est obligatoire :"
                        + " OPERATEUR_REGIONAL, AGENT_FRANCE_TRAVAIL, RGC ou CONSEILLER.", "role");
            }
            return CompteType.of(accounts.createAccount(caller.get(), account.role.role,
                    blankToNull(account.partenaire), new PersonDraft(account.prenom, account.nom, account.email)));
        });
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public CompteType desactiverCompte(String accountId, String reason) throws OpusFault {
        return call(() -> CompteType.of(accounts.deactivate(caller.get(), required(accountId), reason)));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public CompteType reactiverCompte(String accountId) throws OpusFault {
        return call(() -> CompteType.of(accounts.reactivate(caller.get(), required(accountId))));
    }

    @Override
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public CompteType renvoyerActivation(String accountId) throws OpusFault {
        return call(() -> CompteType.of(accounts.resendActivation(caller.get(), required(accountId))));
    }

    private static <T> T call(Supplier<T> operation) throws OpusFault {
        try {
            return operation.get();
        } catch (OpusException e) {
            throw OpusFault.of(e);
        }
    }

    private static String required(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "L'identifiant du compte est obligatoire.",
                    "id");
        }
        return accountId.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
