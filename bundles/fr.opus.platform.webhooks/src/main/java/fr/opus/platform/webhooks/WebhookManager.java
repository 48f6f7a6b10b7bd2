package fr.opus.platform.webhooks;

import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Webhook subscriptions in the WEBHOOKS schema. A partner's account manager (RGC) and applications act for their own
 * partner only: another partner's subscription, or a France Travail-wide one, answers 404 as if it did not exist.
 * Regional operators see and manage all, and alone subscribe for every partner at once. Creations, revocations,
 * retries and pings are audited — never with the secret, nor with the URL beyond its scheme and host (a receiver
 * may carry a token in its query string).
 */
@Component(service = Webhooks.class, configurationPid = WebhookConfig.PID)
public class WebhookManager implements Webhooks {

    /** Active subscriptions a partner (or France Travail, for its platform-wide ones) may hold. */
    static final int MAX_ACTIVE = 10;
    static final int MAX_EVENTS = 20;
    static final int MAX_DESCRIPTION = 200;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private static final Set<Role> MANAGERS = EnumSet.of(Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER,
            Role.PARTNER_APPLICATION);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final PartnerDirectory partners;
    private final Clock clock;
    private final boolean allowHttp;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public WebhookManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=WEBHOOKS)") MigratedSchema schema, @Reference AuditTrail audit,
            @Reference PartnerDirectory partners, WebhookConfig config) {
        this(dataSource, audit, partners, Clock.systemUTC(), config.allowHttp());
    }

    WebhookManager(DataSource dataSource, AuditTrail audit, PartnerDirectory partners, Clock clock,
            boolean allowHttp) {
        this.jdbc = new Jdbc(dataSource);
        this.audit = audit;
        this.partners = partners;
        this.clock = clock;
        this.allowHttp = allowHttp;
    }

    @Override
    public IssuedSubscription subscribe(Caller by, WebhookDraft draft) {
        manager(by);
        if (draft == null) {
            throw OpusException.invalid(ProblemCodes.MALFORMED_BODY,
                    "Corps attendu : l'abonnement (url, events, description).", null);
        }
        String partnerId = owner(by, draft.partnerId());
        URI url = Receivers.validate(draft.url(), allowHttp);
        List<String> events = events(draft.events());
        String description = description(draft.description());
        String secret = newSecret();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Subscription created = jdbc.tx(c -> {
            long active = Jdbc.one(c, "SELECT COUNT(*) FROM WEBHOOKS.SUBSCRIPTION WHERE ACTIVE = TRUE AND "
                    + (partnerId == null ? "PARTNER_ID IS NULL" : "PARTNER_ID = ?"), rs -> rs.getLong(1),
                    partnerId == null ? new Object[0] : new Object[] {partnerId}).orElse(0L);
            if (active >= MAX_ACTIVE) {
                throw OpusException.conflict(WebhookProblemCodes.WEBHOOK_LIMIT_REACHED, (partnerId == null
                        ? "France Travail a déjà " : "Votre structure a déjà ") + active + " abonnements actifs, le"
                        + " maximum : révoquez-en un avant d'en créer un autre.", null);
            }
            Jdbc.update(c, "INSERT INTO WEBHOOKS.SUBSCRIPTION (ID, PARTNER_ID, URL, SECRET, EVENT_TYPES, DESCRIPTION,"
                    + " CREATED_BY, CREATED_AT, ACTIVE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)", id, partnerId,
                    url.toString(), secret, Store.typesColumn(events), description, by.login(), now);
            return Store.subscription(c, id).orElseThrow().subscription();
        });
        audit.record(by, null, "webhook.create", "webhook", id, true, "destinataire " + origin(url)
                + (partnerId == null ? ", tous les partenaires" : ", partenaire " + partnerId)
                + (events.isEmpty() ? ", tous les événements" : ", événements " + String.join(" ", events)));
        return new IssuedSubscription(created, secret);
    }

    @Override
    public List<Subscription> subscriptions(Caller by, String partnerId) {
        manager(by);
        String wanted = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        if (by.role().partnerBound()) {
            if (wanted != null && !wanted.equals(by.partnerId())) {
                return List.of(); // another partner's: nothing to see, whether it exists or not
            }
            wanted = by.partnerId();
        }
        String partner = wanted;
        return jdbc.read(c -> partner == null
                ? Jdbc.list(c, "SELECT * FROM WEBHOOKS.SUBSCRIPTION ORDER BY CREATED_AT DESC, ID", Store::subscription)
                : Jdbc.list(c, "SELECT * FROM WEBHOOKS.SUBSCRIPTION WHERE PARTNER_ID = ? ORDER BY CREATED_AT DESC, ID",
                        Store::subscription, partner));
    }

    @Override
    public Subscription subscription(Caller by, String subscriptionId) {
        manager(by);
        return jdbc.read(c -> visible(c, by, subscriptionId));
    }

    @Override
    public Subscription revoke(Caller by, String subscriptionId) {
        manager(by);
        Instant now = clock.instant();
        boolean[] changed = {false};
        Subscription revoked = jdbc.tx(c -> {
            Subscription subscription = visible(c, by, subscriptionId);
            if (subscription.active()) {
                Jdbc.update(c, "UPDATE WEBHOOKS.SUBSCRIPTION SET ACTIVE = FALSE, REVOKED_BY = ?, REVOKED_AT = ?"
                        + " WHERE ID = ? AND ACTIVE = TRUE", by.login(), now, subscriptionId);
                changed[0] = true;
            }
            return Store.subscription(c, subscriptionId).orElseThrow().subscription();
        });
        if (changed[0]) {
            audit.record(by, null, "webhook.revoke", "webhook", subscriptionId, true, null);
        }
        return revoked;
    }

    @Override
    public List<Delivery> deliveries(Caller by, String subscriptionId, DeliveryStatus status, int limit) {
        manager(by);
        int max = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return jdbc.read(c -> {
            visible(c, by, subscriptionId);
            String order = " ORDER BY D.ID DESC FETCH FIRST " + max + " ROWS ONLY";
            return status == null
                    ? Jdbc.list(c, Store.DELIVERY_SELECT + " WHERE D.SUBSCRIPTION_ID = ?" + order, Store::delivery,
                            subscriptionId)
                    : Jdbc.list(c, Store.DELIVERY_SELECT + " WHERE D.SUBSCRIPTION_ID = ? AND D.STATUS = ?" + order,
                            Store::delivery, subscriptionId, status);
        });
    }

    @Override
    public Delivery retry(Caller by, String subscriptionId, long deliveryId) {
        manager(by);
        Instant now = clock.instant();
        Delivery retried = jdbc.tx(c -> {
            active(visible(c, by, subscriptionId));
            Delivery delivery = Store.delivery(c, deliveryId)
                    .filter(d -> d.subscriptionId().equals(subscriptionId))
                    .orElseThrow(() -> OpusException.notFound(WebhookProblemCodes.DELIVERY_NOT_FOUND,
                            "Cet abonnement n'a pas de livraison n° " + deliveryId + "."));
            if (delivery.status() != DeliveryStatus.FAILED) {
                throw OpusException.conflict(WebhookProblemCodes.DELIVERY_NOT_FAILED, "Seule une livraison en échec"
                        + " (FAILED) peut être relancée ; celle-ci est " + delivery.status() + ".", null);
            }
            Jdbc.update(c, "UPDATE WEBHOOKS.DELIVERY SET STATUS = 'PENDING', ATTEMPTS = 0, NEXT_ATTEMPT_AT = ?"
                    + " WHERE ID = ? AND STATUS = 'FAILED'", now, deliveryId);
            return Store.delivery(c, deliveryId).orElseThrow();
        });
        audit.record(by, null, "webhook.retry", "webhook", subscriptionId, true, "livraison " + deliveryId);
        return retried;
    }

    @Override
    public Delivery ping(Caller by, String subscriptionId) {
        manager(by);
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        Delivery delivery = jdbc.tx(c -> {
            Subscription subscription = active(visible(c, by, subscriptionId));
            List<String> concerned = subscription.partnerId() == null ? List.of() : List.of(subscription.partnerId());
            Store.insertEvent(c, eventId, WebhookOutbox.PING, now, subscriptionId, concerned, "{}", now);
            return Store.delivery(c, Store.insertDelivery(c, subscriptionId, eventId, now)).orElseThrow();
        });
        audit.record(by, null, "webhook.ping", "webhook", subscriptionId, true, "événement " + eventId);
        return delivery;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static void manager(Caller by) {
        if (!MANAGERS.contains(by.role())) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Votre rôle (" + by.role().label()
                    + ") ne permet pas de gérer les webhooks.");
        }
    }

    /** The subscription, if the caller may know of it; otherwise 404, exactly as for one that does not exist. */
    private static Subscription visible(Connection c, Caller by, String subscriptionId) throws SQLException {
        return (subscriptionId == null ? Optional.<Store.SubscriptionRow>empty()
                : Store.subscription(c, subscriptionId))
                .map(Store.SubscriptionRow::subscription)
                .filter(s -> !by.role().partnerBound()
                        || s.partnerId() != null && s.partnerId().equals(by.partnerId()))
                .orElseThrow(() -> OpusException.notFound(WebhookProblemCodes.WEBHOOK_NOT_FOUND,
                        "Aucun abonnement webhook « " + subscriptionId + " »."));
    }

    private static Subscription active(Subscription subscription) {
        if (!subscription.active()) {
            throw OpusException.conflict(WebhookProblemCodes.WEBHOOK_REVOKED,
                    "Cet abonnement a été révoqué : plus rien ne lui est envoyé.", null);
        }
        return subscription;
    }

    /** The partner the subscription is for: the caller's own, or the operator's choice (none: every partner). */
    private String owner(Caller by, String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested.strip();
        if (by.role().partnerBound()) {
            if (wanted != null && !wanted.equals(by.partnerId())) {
                throw OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK, "Un abonnement reçoit les"
                        + " événements de votre structure : laissez partnerId vide.", "partnerId");
            }
            return by.partnerId();
        }
        if (wanted != null) {
            try {
                partners.partner(by, wanted);
            } catch (OpusException e) {
                if (e.status() != 404) {
                    throw e;
                }
                throw OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK,
                        "Aucune structure partenaire n'a l'identifiant « " + wanted + " ».", "partnerId");
            }
        }
        return wanted;
    }

    private static List<String> events(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> types = new TreeSet<>();
        for (String type : requested) {
            String t = type == null ? "" : type.strip();
            if (t.length() > 100 || !Store.TYPE_FILTER.matcher(t).matches()) {
                throw OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK, "« " + t + " » n'est pas un type"
                        + " d'événement : un nom en minuscules à points (referral.state-changed), ou referral.*"
                        + " pour tous ceux qui commencent par referral.", "events");
            }
            types.add(t);
        }
        if (types.size() > MAX_EVENTS) {
            throw OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK, "Au plus " + MAX_EVENTS + " types"
                    + " d'événements par abonnement ; une liste vide les reçoit tous.", "events");
        }
        return new ArrayList<>(types);
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.strip();
        if (text.length() > MAX_DESCRIPTION || CONTROL.matcher(text).find()) {
            throw OpusException.invalid(WebhookProblemCodes.INVALID_WEBHOOK, "La description tient en une ligne"
                    + " d'au plus " + MAX_DESCRIPTION + " caractères.", "description");
        }
        return text;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code https://host:port}: what the audit trail keeps of a URL. */
    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }
}
