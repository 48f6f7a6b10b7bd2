package fr.opus.accounts.rest;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.accounts.api.PersonalData;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.PublicAccess;
import fr.opus.platform.api.security.Role;
import java.net.URI;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code /api/v1/accounts}: people's accounts, activation and one's own password. */
@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record NewAccount(Role role, String partnerId, String firstName, String lastName, String email) {
    }

    public record Reason(String reason) {
    }

    public record Activation(String token, String password) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** A rectification of one's identity (GDPR art. 16): the corrected name and e-mail, and why. */
    public record Rectification(String firstName, String lastName, String email, String reason) {
    }

    private final AccountDirectory accounts;

    @Context
    private HttpServletRequest request;

    @Activate
    public AccountResource(@Reference AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Response create(@Context SecurityContext security, NewAccount body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Le corps de la requête est vide.", null);
        }
        Account account = accounts.createAccount(Requests.caller(security), body.role(), body.partnerId(),
                new PersonDraft(body.firstName(), body.lastName(), body.email()));
        return Response.created(URI.create(OpusRest.API_V1 + "/accounts/" + account.id())).entity(account).build();
    }

    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public List<Account> list(@Context SecurityContext security, @QueryParam("partnerId") String partnerId) {
        return accounts.accounts(Requests.caller(security), partnerId);
    }

    @GET
    @Path("me")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Account me(@Context SecurityContext security) {
        return accounts.account(Requests.caller(security), Requests.caller(security).id());
    }

    @PUT
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public Response changePassword(@Context SecurityContext security, PasswordChange change) {
        PasswordChange c = change == null ? new PasswordChange(null, null) : change;
        accounts.changePassword(Requests.caller(security), c.currentPassword(), c.newPassword());
        return Response.noContent().build();
    }

    /** Sets the first password through the one-time link of the activation mail. */
    @POST
    @Path("activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicAccess
    public Account activate(Activation activation) {
        Activation a = activation == null ? new Activation(null, null) : activation;
        return accounts.activate(a.token(), a.password(), Requests.address(request));
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.COUNSELLOR, Role.FT_AGENT})
    public Account get(@Context SecurityContext security, @PathParam("id") String id) {
        return accounts.account(Requests.caller(security), id);
    }

    @POST
    @Path("{id}/deactivation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Account deactivate(@Context SecurityContext security, @PathParam("id") String id, Reason reason) {
        return accounts.deactivate(Requests.caller(security), id, reason == null ? null : reason.reason());
    }

    @POST
    @Path("{id}/reactivation")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Account reactivate(@Context SecurityContext security, @PathParam("id") String id) {
        return accounts.reactivate(Requests.caller(security), id);
    }

    @POST
    @Path("{id}/activation-mail")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Account resendActivation(@Context SecurityContext security, @PathParam("id") String id) {
        return accounts.resendActivation(Requests.caller(security), id);
    }

    /** Everything Opus holds about the account's holder (right of access): the person, their RGC, an operator. */
    @GET
    @Path("{id}/personal-data")
    @Permit({Role.REGIONAL_OPERATOR, Role.FT_AGENT, Role.ACCOUNT_MANAGER, Role.COUNSELLOR})
    public PersonalData personalData(@Context SecurityContext security, @PathParam("id") String id) {
        return accounts.personalData(Requests.caller(security), id);
    }

    /**
     * Corrects the holder's name or e-mail (right to rectification), at the person's request: whoever manages the
     * account (the RGC its counsellors, an operator the others), never the holder alone, as accounts are personal.
     */
    @PUT
    @Path("{id}/identity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER})
    public Account rectify(@Context SecurityContext security, @PathParam("id") String id, Rectification body) {
        if (body == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : {\"firstName\", \"lastName\", \"email\", \"reason\"}.", null);
        }
        return accounts.rectify(Requests.caller(security), id,
                new PersonDraft(body.firstName(), body.lastName(), body.email()), body.reason());
    }
}
