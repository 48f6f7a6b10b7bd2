package fr.opus.platform.webhooks.rest;

import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.rest.OpusRest;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Permit;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.webhooks.Delivery;
import fr.opus.platform.webhooks.DeliveryStatus;
import fr.opus.platform.webhooks.IssuedSubscription;
import fr.opus.platform.webhooks.Subscription;
import fr.opus.platform.webhooks.WebhookDraft;
import fr.opus.platform.webhooks.Webhooks;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/webhooks}: the subscriptions through which partners' systems (and France Travail's) receive domain
 * events, and the receipt of each delivery. Who sees what is the {@link Webhooks} service's rule: another partner's
 * subscription answers 404.
 */
@Component(service = WebhookResource.class)
@JaxrsResource
@JaxrsExtensionSelect({OpusRest.JSON, OpusRest.PROBLEMS, OpusRest.AUTH})
@Path(OpusRest.API_V1 + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;

    @Activate
    public WebhookResource(@Reference Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Subscribes; the signing secret is in this answer only, which no cache may keep. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public Response create(@Context SecurityContext security, WebhookDraft draft) {
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : l'abonnement (url, events, description).", null);
        }
        IssuedSubscription issued = webhooks.subscribe(caller(security), draft);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.created(URI.create(OpusRest.API_V1 + "/webhooks/" + issued.subscription().id()))
                .entity(issued).cacheControl(noStore).build();
    }

    @GET
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public List<Subscription> list(@Context SecurityContext security, @QueryParam("partnerId") String partnerId) {
        return webhooks.subscriptions(caller(security), partnerId);
    }

    @GET
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public Subscription get(@Context SecurityContext security, @PathParam("id") String id) {
        return webhooks.subscription(caller(security), id);
    }

    /** Revokes the subscription; it and its deliveries stay readable. */
    @DELETE
    @Path("{id}")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public Subscription revoke(@Context SecurityContext security, @PathParam("id") String id) {
        return webhooks.revoke(caller(security), id);
    }

    @GET
    @Path("{id}/deliveries")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public List<Delivery> deliveries(@Context SecurityContext security, @PathParam("id") String id,
            @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        return webhooks.deliveries(caller(security), id, status(status), limit == null ? 0 : limit);
    }

    /** A FAILED delivery back to PENDING, due now: 202, the sender takes it at its next round. */
    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public Response retry(@Context SecurityContext security, @PathParam("id") String id,
            @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(webhooks.retry(caller(security), id, deliveryId)).build();
    }

    /** A {@code webhook.ping} event to this subscription only: 202 with its delivery, PENDING. */
    @POST
    @Path("{id}/ping")
    @Permit({Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER, Role.PARTNER_APPLICATION})
    public Response ping(@Context SecurityContext security, @PathParam("id") String id) {
        return Response.accepted(webhooks.ping(caller(security), id)).build();
    }

    static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Statut inconnu « " + status + " » : PENDING, DELIVERED ou FAILED.", "status");
        }
    }
}
