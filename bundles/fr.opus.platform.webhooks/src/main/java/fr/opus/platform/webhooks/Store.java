package fr.opus.platform.webhooks;

import fr.opus.platform.api.persistence.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The SQL of the WEBHOOKS schema shared by the outbox, its sender and the subscriptions manager. */
final class Store {

    /** A delivery row with its event's type, as {@link #delivery(ResultSet)} reads it. */
    static final String DELIVERY_SELECT = "SELECT D.*, E.EVENT_TYPE FROM WEBHOOKS.DELIVERY D"
            + " JOIN WEBHOOKS.EVENT E ON E.ID = D.EVENT_ID";

    /**
     * One entry of an event-type filter (a subscription's, an in-process handler's): {@code referral.state-changed},
     * or {@code referral.*} for every type under {@code referral.}.
     */
    static final Pattern TYPE_FILTER = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*(\\.\\*)?");

    /** A subscription and, for the sender's eyes only, its secret. */
    record SubscriptionRow(Subscription subscription, String secret) {

        @Override
        public String toString() {
            return "SubscriptionRow[" + subscription + "]";
        }
    }

    private Store() {
    }

    static void insertEvent(Connection c, String id, String type, Instant occurredAt, String subject,
            List<String> partnerIds, String payload, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO WEBHOOKS.EVENT (ID, EVENT_TYPE, OCCURRED_AT, SUBJECT, PARTNER_IDS, PAYLOAD,"
                + " PUBLISHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", id, type, occurredAt, subject,
                String.join(",", partnerIds), payload, now);
    }

    static long insertDelivery(Connection c, String subscriptionId, String eventId, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO WEBHOOKS.DELIVERY (SUBSCRIPTION_ID, EVENT_ID, STATUS, ATTEMPTS, CREATED_AT,"
                + " NEXT_ATTEMPT_AT) VALUES (?, ?, 'PENDING', 0, ?, ?)", subscriptionId, eventId, now, now);
        return Jdbc.one(c, "SELECT ID FROM WEBHOOKS.DELIVERY WHERE SUBSCRIPTION_ID = ? AND EVENT_ID = ?",
                rs -> rs.getLong(1), subscriptionId, eventId).orElseThrow();
    }

    static Optional<SubscriptionRow> subscription(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM WEBHOOKS.SUBSCRIPTION WHERE ID = ?", Store::subscriptionRow, id);
    }

    static SubscriptionRow subscriptionRow(ResultSet rs) throws SQLException {
        return new SubscriptionRow(subscription(rs), rs.getString("SECRET"));
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString("ID"), rs.getString("PARTNER_ID"), rs.getString("URL"),
                types(rs.getString("EVENT_TYPES")), rs.getString("DESCRIPTION"), rs.getBoolean("ACTIVE"),
                rs.getString("CREATED_BY"), Jdbc.instant(rs, "CREATED_AT"), rs.getString("REVOKED_BY"),
                Jdbc.instant(rs, "REVOKED_AT"));
    }

    static Optional<Delivery> delivery(Connection c, long id) throws SQLException {
        return Jdbc.one(c, DELIVERY_SELECT + " WHERE D.ID = ?", Store::delivery, id);
    }

    static Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("LAST_STATUS_CODE");
        Integer lastStatusCode = rs.wasNull() ? null : code;
        long duration = rs.getLong("DURATION_MS");
        Long durationMs = rs.wasNull() ? null : duration;
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("STATUS"));
        return new Delivery(rs.getLong("ID"), rs.getString("SUBSCRIPTION_ID"), rs.getString("EVENT_ID"),
                rs.getString("EVENT_TYPE"), status, rs.getInt("ATTEMPTS"), Jdbc.instant(rs, "CREATED_AT"),
                Jdbc.instant(rs, "LAST_ATTEMPT_AT"),
                status == DeliveryStatus.PENDING ? Jdbc.instant(rs, "NEXT_ATTEMPT_AT") : null, lastStatusCode,
                rs.getString("LAST_ERROR"), Jdbc.instant(rs, "DELIVERED_AT"), durationMs);
    }

    /** The partners of a stored event: comma-separated, empty for none. */
    static List<String> partnerIds(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    /** The stored form of an event-type filter: space-separated, empty for every type. */
    static String typesColumn(List<String> types) {
        return String.join(" ", types);
    }

    static List<String> types(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.strip().split(" "));
    }

    /** Whether a filter lets an event type through: empty lets all; {@code referral.*} every {@code referral.…}. */
    static boolean matches(List<String> filter, String type) {
        if (filter.isEmpty()) {
            return true;
        }
        for (String pattern : filter) {
            if (pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
