package fr.opus.platform.webhooks;

import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.DomainEventHandler;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional event outbox and its webhook sender.
 *
 * <p>{@link #publish} writes the event and one PENDING delivery per matching active subscription with the caller's
 * connection, in its transaction: a rolled-back change sends nothing. One sender thread then POSTs what is due,
 * signed ({@link Signature}). A 2xx answer marks the delivery DELIVERED with its receipt (status code, time,
 * duration); anything else, or no answer, is retried after a growing delay (1, 2, 4… minutes by default, at most one
 * hour) until {@code maxAttempts}, then the delivery is FAILED, counted in health until retried.
 *
 * <p>A subscription's deliveries go out in publication order, one at a time: while its oldest pending delivery waits
 * for a retry, the later ones wait behind it. Subscriptions take turns of about a second, so one subscription's dead
 * or slow receiver never reorders its own events and holds back another subscription's by one turn and one attempt
 * at most. Delivery is at least once: the receipts of a turn are recorded together at its end, and if Opus stops
 * before that, those events are sent again, with the same {@code Opus-Event-Id}, by which receivers recognise them.
 *
 * <p>The same outbox serves the in-process {@link DomainEventHandler} services of other bundles ({@link EventHandlers}):
 * {@link #publish} also writes one PENDING HANDLING row per handler registered at that moment whose types match,
 * whether or not a subscription wants the event, and the same poll loop calls the handlers with their due rows, with
 * the same retry delays and {@code maxAttempts}.
 */
@Component(service = {EventOutbox.class, HealthIndicator.class}, configurationPid = WebhookConfig.PID)
@Designate(ocd = WebhookConfig.class)
public class WebhookOutbox implements EventOutbox, HealthIndicator {

    static final String PING = "webhook.ping";
    static final long MAX_DELAY_SECONDS = 3600;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final int BATCH = 50;
    /** How long one subscription sends before the others get their turn (one attempt may run over it). */
    private static final Duration TURN = Duration.ofSeconds(1);
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final HttpSender http;
    private final Clock clock;
    private final int maxAttempts;
    private final long retryBaseSeconds;
    private final boolean allowHttp;
    private final ScheduledExecutorService sender;
    private final EventHandlers handlers;

    @Activate
    public WebhookOutbox(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=WEBHOOKS)") MigratedSchema schema, WebhookConfig config) {
        this(dataSource, new HttpSender(config.timeoutSeconds()), Clock.systemUTC(), config.maxAttempts(),
                config.retryBaseSeconds(), config.allowHttp(), config.pollSeconds());
        if (config.allowHttp()) {
            LOG.warn("Webhooks: allowHttp is on (PID {}): http:// URLs and internal addresses are called."
                    + " Tests and development only", WebhookConfig.PID);
        }
    }

    WebhookOutbox(DataSource dataSource, HttpSender http, Clock clock, int maxAttempts, int retryBaseSeconds,
            boolean allowHttp, int pollSeconds) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.http = http;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBaseSeconds = Math.max(0, retryBaseSeconds);
        this.allowHttp = allowHttp;
        this.handlers = new EventHandlers(jdbc, clock, this.maxAttempts, this::delaySeconds, TURN);
        if (pollSeconds > 0) {
            this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opus-webhooks-sender");
                t.setDaemon(true);
                return t;
            });
            sender.scheduleWithFixedDelay(this::sendAllDueQuietly, 1, pollSeconds, TimeUnit.SECONDS);
        } else {
            this.sender = null; // tests call sendDue() and handleDue() themselves
        }
    }

    /** A module's event handler: from now on, the events it asks for are kept for it, and its kept ones handled. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeHandler", updated = "updatedHandler")
    void addHandler(DomainEventHandler handler, Map<String, Object> properties) {
        handlers.add(handler, properties);
    }

    void updatedHandler(DomainEventHandler handler, Map<String, Object> properties) {
        handlers.update(handler, properties);
    }

    /** Its pending rows stay, for the next handler of the same name. */
    void removeHandler(DomainEventHandler handler) {
        handlers.remove(handler);
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (sender != null) {
            sender.shutdownNow();
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Webhooks: the sender did not stop within 10 s");
            }
        }
        http.close();
    }

    /** Whether the sender thread has stopped (or never ran). */
    boolean stopped() {
        return sender == null || sender.isTerminated();
    }

    // ------------------------------------------------------------------------------------------------- publishing

    @Override
    public void publish(Connection transaction, DomainEvent event) throws SQLException {
        Objects.requireNonNull(event, "event");
        List<String> partners = checked(event);
        String payload = EventJson.payload(event.data());
        // under the default isolation this waits for a concurrent transaction publishing the same id
        if (Jdbc.one(transaction, "SELECT 1 FROM WEBHOOKS.EVENT WHERE ID = ?", rs -> 1, event.id()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        try {
            Store.insertEvent(transaction, event.id(), event.type(), event.occurredAt(), event.subject(), partners,
                    payload, now);
        } catch (SQLException e) {
            if (Jdbc.duplicateKey(e)) {
                return; // published at the same instant by another transaction
            }
            throw e;
        }
        handlers.enqueue(transaction, event.id(), event.type(), now);
        String marks = partners.stream().map(p -> "?").collect(Collectors.joining(", "));
        List<String> subscriptions = new ArrayList<>();
        for (Store.SubscriptionRow row : Jdbc.list(transaction, "SELECT * FROM WEBHOOKS.SUBSCRIPTION WHERE ACTIVE"
                + " = TRUE AND (PARTNER_ID IS NULL OR PARTNER_ID IN (" + marks + "))", Store::subscriptionRow,
                partners.toArray())) {
            if (Store.matches(row.subscription().events(), event.type())) {
                subscriptions.add(row.subscription().id());
            }
        }
        if (subscriptions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = Jdbc.prepare(transaction, "INSERT INTO WEBHOOKS.DELIVERY (SUBSCRIPTION_ID,"
                + " EVENT_ID, STATUS, ATTEMPTS, CREATED_AT, NEXT_ATTEMPT_AT) VALUES (?, ?, 'PENDING', 0, ?, ?)",
                null, event.id(), now, now)) {
            for (String subscription : subscriptions) {
                insert.setString(1, subscription);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The event's partners, sorted; refuses what the tables cannot hold (a programming error of the caller). */
    private static List<String> checked(DomainEvent event) {
        if (event.id().isBlank() || event.id().length() > 100) {
            throw new IllegalArgumentException("An event id has 1 to 100 characters: " + event.id());
        }
        if (event.type().length() > 100 || !TYPE.matcher(event.type()).matches()) {
            throw new IllegalArgumentException("An event type is a dotted lower-case name: " + event.type());
        }
        if (event.subject().length() > 200) {
            throw new IllegalArgumentException("An event subject has at most 200 characters");
        }
        List<String> partners = event.partnerIds().stream().sorted().toList();
        for (String partner : partners) {
            if (partner == null || partner.isBlank() || partner.length() > 36 || partner.contains(",")) {
                throw new IllegalArgumentException("Not a partner id: " + partner);
            }
        }
        if (String.join(",", partners).length() > 2000) {
            throw new IllegalArgumentException("An event concerns too many partners: " + partners.size());
        }
        return partners;
    }

    // ---------------------------------------------------------------------------------------------------- sending

    private void sendAllDueQuietly() {
        boolean more = true;
        while (more && !Thread.currentThread().isInterrupted()) {
            // again at once while something was done: more may be due, and more may have been committed meanwhile
            more = quietly("sending", this::sendDue) + quietly("handling", this::handleDue) > 0;
        }
    }

    /** One round of one kind; a failed round (the database is down…) does not hold back the other kind. */
    private static int quietly(String what, IntSupplier round) {
        try {
            return round.getAsInt();
        } catch (RuntimeException e) {
            LOG.warn("Webhooks: {} round failed: {}", what, e.toString());
            return 0;
        }
    }

    /** One round of the in-process handlers: each registered one with something due, its due rows in order. */
    int handleDue() {
        return handlers.handleDue();
    }

    /** One round: for each subscription with something due, its due deliveries in order. Returns the attempts. */
    int sendDue() {
        Instant now = clock.instant();
        // the subscription whose due delivery is the oldest goes first
        List<String> subscriptions = jdbc.read(c -> Jdbc.list(c, "SELECT D.SUBSCRIPTION_ID, MIN(D.ID) AS OLDEST"
                + " FROM WEBHOOKS.DELIVERY D JOIN WEBHOOKS.SUBSCRIPTION S ON S.ID = D.SUBSCRIPTION_ID"
                + " WHERE D.STATUS = 'PENDING' AND D.NEXT_ATTEMPT_AT <= ? AND S.ACTIVE = TRUE"
                + " GROUP BY D.SUBSCRIPTION_ID ORDER BY OLDEST", rs -> rs.getString(1), now));
        int attempts = 0;
        for (String subscription : subscriptions) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            attempts += sendQueue(subscription);
        }
        return attempts;
    }

    /** A pending delivery with all it takes to send it. */
    private record Due(long id, String eventId, String type, Instant occurredAt, String subject,
            List<String> partnerIds, String payload, int attempts, Instant nextAttemptAt, String subscriptionId,
            String url, String secret) {

        @Override
        public String toString() {
            return "Due[delivery " + id + ", event " + eventId + "]";
        }
    }

    /**
     * One subscription's turn: its pending deliveries in order, slice after slice, until one fails, one is not yet
     * due, none is left, or the turn has lasted {@link #TURN} (then the other subscriptions go, and this one goes on
     * at the next round). The receipts of the turn are recorded together at its end.
     */
    private int sendQueue(String subscription) {
        long deadline = System.nanoTime() + TURN.toNanos();
        int attempts = 0;
        List<Receipt> receipts = new ArrayList<>();
        try {
            while (true) {
                List<Due> slice = slice(subscription);
                for (Due due : slice) {
                    if (due.nextAttemptAt().isAfter(clock.instant()) || Thread.currentThread().isInterrupted()) {
                        return attempts; // an earlier delivery waits for its next attempt: the later wait behind it
                    }
                    if (System.nanoTime() - deadline > 0) {
                        return attempts;
                    }
                    attempts++;
                    Receipt receipt = attempt(due);
                    if (receipt == null) {
                        return attempts;
                    }
                    receipts.add(receipt);
                }
                if (slice.size() < BATCH) {
                    return attempts;
                }
                record(receipts); // before reading the next slice, which must not see these again
            }
        } finally {
            record(receipts);
        }
    }

    private List<Due> slice(String subscription) {
        return jdbc.read(c -> Jdbc.list(c, "SELECT D.ID, D.ATTEMPTS, D.NEXT_ATTEMPT_AT, E.ID AS EVENT_ID,"
                + " E.EVENT_TYPE, E.OCCURRED_AT, E.SUBJECT, E.PARTNER_IDS, E.PAYLOAD, S.URL, S.SECRET"
                + " FROM WEBHOOKS.DELIVERY D JOIN WEBHOOKS.EVENT E ON E.ID = D.EVENT_ID"
                + " JOIN WEBHOOKS.SUBSCRIPTION S ON S.ID = D.SUBSCRIPTION_ID"
                + " WHERE D.SUBSCRIPTION_ID = ? AND D.STATUS = 'PENDING' AND S.ACTIVE = TRUE"
                + " ORDER BY D.ID FETCH FIRST " + BATCH + " ROWS ONLY",
                rs -> new Due(rs.getLong("ID"), rs.getString("EVENT_ID"), rs.getString("EVENT_TYPE"),
                        Jdbc.instant(rs, "OCCURRED_AT"), rs.getString("SUBJECT"),
                        Store.partnerIds(rs.getString("PARTNER_IDS")), rs.getString("PAYLOAD"), rs.getInt("ATTEMPTS"),
                        Jdbc.instant(rs, "NEXT_ATTEMPT_AT"), subscription, rs.getString("URL"),
                        rs.getString("SECRET")), subscription));
    }

    /** A 2xx answer, to be recorded. */
    private record Receipt(long deliveryId, Instant start, int status, Instant end, long durationMs) {
    }

    /**
     * Marks delivered, in one transaction, the deliveries whose receivers answered 2xx: one disk sync for a turn
     * rather than one per POST. Until then (about a second at most, plus one attempt) they are PENDING in the
     * database; if Opus stops in between, they are sent again, which receivers recognise by their event id.
     */
    private void record(List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        try {
            jdbc.tx(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE WEBHOOKS.DELIVERY SET STATUS = 'DELIVERED',"
                        + " ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, LAST_STATUS_CODE = ?, LAST_ERROR = NULL,"
                        + " DELIVERED_AT = ?, DURATION_MS = ? WHERE ID = ? AND STATUS = 'PENDING'")) {
                    for (Receipt r : receipts) {
                        update.setTimestamp(1, Timestamp.from(r.start()));
                        update.setInt(2, r.status());
                        update.setTimestamp(3, Timestamp.from(r.end()));
                        update.setLong(4, r.durationMs());
                        update.setLong(5, r.deliveryId());
                        update.addBatch();
                    }
                    return update.executeBatch();
                }
            });
        } finally {
            receipts.clear();
        }
    }

    /** One POST. Returns the receipt when the receiver took it; otherwise records the failure and returns null. */
    private Receipt attempt(Due due) {
        Instant start = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error;
        try {
            URI uri = new URI(due.url());
            Receivers.checkBeforeSending(uri, allowHttp);
            String body = EventJson.body(due.eventId(), due.type(), due.occurredAt(), due.subject(), due.partnerIds(),
                    due.payload());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Opus-Event-Id", due.eventId());
            headers.put("Opus-Event-Type", due.type());
            headers.put("Opus-Delivery-Id", String.valueOf(due.id()));
            headers.put(Signature.HEADER, Signature.sign(due.secret(), start, body));
            status = http.post(uri, headers, body);
            error = status >= 200 && status <= 299 ? null : "réponse HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the delivery stays PENDING, sent again at the next start
            return null;
        } catch (IOException | RuntimeException | URISyntaxException e) {
            error = describe(e);
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        Instant end = clock.instant();
        if (error == null) {
            return new Receipt(due.id(), start, status, end, durationMs);
        }
        Integer code = status;
        int attempts = due.attempts() + 1;
        boolean last = attempts >= maxAttempts;
        Instant next = start.plusSeconds(delaySeconds(attempts));
        String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.read(c -> Jdbc.update(c, "UPDATE WEBHOOKS.DELIVERY SET STATUS = ?, ATTEMPTS = ?, LAST_ATTEMPT_AT = ?,"
                + " NEXT_ATTEMPT_AT = ?, LAST_STATUS_CODE = ?, LAST_ERROR = ?, DURATION_MS = ?"
                + " WHERE ID = ? AND STATUS = 'PENDING'", last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                attempts, start, next, code, reason, durationMs, due.id()));
        // no URL here: a receiver may have put a token in its query string
        LOG.warn("Webhooks: delivery {} of event {} to subscription {} failed, attempt {}{}: {}", due.id(),
                due.eventId(), due.subscriptionId(), attempts, last ? " (the last: FAILED)" : "", reason);
        return null;
    }

    /** Seconds to wait after the n-th failed attempt: the base, doubled each time, at most an hour. */
    long delaySeconds(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        return Math.min(MAX_DELAY_SECONDS, retryBaseSeconds * factor);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + " : " + message;
    }

    // ----------------------------------------------------------------------------------------------------- health

    @Override
    public String name() {
        return "webhooks";
    }

    /** Counts only: health is public, so no URL, partner or subscription id appears here. */
    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", 0L);
        details.put("failed", 0L);
        try (Connection c = dataSource.getConnection()) {
            for (Object[] row : Jdbc.list(c, "SELECT D.STATUS, COUNT(*) FROM WEBHOOKS.DELIVERY D"
                    + " JOIN WEBHOOKS.SUBSCRIPTION S ON S.ID = D.SUBSCRIPTION_ID"
                    + " WHERE D.STATUS IN ('PENDING', 'FAILED') AND S.ACTIVE = TRUE GROUP BY D.STATUS",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                details.put(((String) row[0]).equals("PENDING") ? "pending" : "failed", row[1]);
            }
            details.put("subscriptions", Jdbc.one(c, "SELECT COUNT(*) FROM WEBHOOKS.SUBSCRIPTION WHERE ACTIVE = TRUE",
                    rs -> rs.getLong(1)).orElse(0L));
        } catch (SQLException e) {
            return Health.down(Map.of("error", "base de données indisponible"));
        }
        details.put("sender", sender == null ? "arrêté" : sender.isShutdown() ? "arrêté" : "actif");
        boolean degraded = ((Long) details.get("failed")) > 0;
        return new Health(degraded ? Health.Status.DEGRADED : Health.Status.UP, details);
    }
}
