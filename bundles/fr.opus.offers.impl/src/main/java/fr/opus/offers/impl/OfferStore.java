package fr.opus.offers.impl;

import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The OFFERS schema over plain JDBC: the feed writes batches of a few hundred rows and the index rebuild streams a
 * million, which JPA would only slow down. Every method takes its connection from the pool and gives it back.
 */
final class OfferStore {

    /** Largest stored JSON (the column's size). */
    static final int MAX_BODY = 32_672;

    private final DataSource dataSource;

    OfferStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The state of one stored offer: enough to decide what an event does. */
    record State(String id, OfferStatus status, long version) {
    }

    /**
     * A change to write: the offer after the event, its change sequence, and its facts (geography and dates, written
     * to columns for plain-SQL reporting and the baseline benchmark, and reused by the index), and its stored JSON
     * when the feed already made it ({@code null}: made here).
     */
    record Change(Offer offer, long seq, boolean insert, OfferFacts.Facts facts, String storedJson) {
    }

    /** A received event to remember, with what became of it. */
    record Received(OfferEvent event, EventOutcome.Result result) {
    }

    long maxChangeSeq() {
        return queryLong("SELECT COALESCE(MAX(CHANGE_SEQ), 0) FROM OFFERS.OFFER");
    }

    long eventCount() {
        return queryLong("SELECT COUNT(*) FROM OFFERS.FEED_EVENT");
    }

    Map<OfferStatus, Long> countByStatus() {
        Map<OfferStatus, Long> counts = new EnumMap<>(OfferStatus.class);
        for (OfferStatus s : OfferStatus.values()) {
            counts.put(s, 0L);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT STATUS, COUNT(*) FROM OFFERS.OFFER GROUP BY STATUS")) {
            while (rs.next()) {
                counts.put(OfferStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw failure("count offers", e);
        }
    }

    /** The event ids among {@code ids} already received. */
    Set<String> knownEvents(Connection c, Collection<String> ids) throws SQLException {
        Set<String> known = new HashSet<>();
        forEachKey(c, "SELECT EVENT_ID FROM OFFERS.FEED_EVENT WHERE EVENT_ID = ?", ids,
                rs -> known.add(rs.getString(1)));
        return known;
    }

    /** The stored state of the offers among {@code ids}. */
    Map<String, State> states(Connection c, Collection<String> ids) throws SQLException {
        Map<String, State> states = new HashMap<>();
        forEachKey(c, "SELECT ID, STATUS, VERSION FROM OFFERS.OFFER WHERE ID = ?", ids, rs -> states.put(
                rs.getString(1), new State(rs.getString(1), OfferStatus.valueOf(rs.getString(2)), rs.getLong(3))));
        return states;
    }

    Optional<Offer> find(String id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw failure("read offer " + id, e);
        }
    }

    Optional<Offer> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT STATUS, VERSION, BODY FROM OFFERS.OFFER WHERE ID = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(OfferJson.fromStored(rs.getString(3), OfferStatus.valueOf(rs.getString(1)),
                                rs.getLong(2)))
                        : Optional.empty();
            }
        }
    }

    /** The active offers published (or last changed) at or before the instant. */
    List<String> activeIds(Instant publishedBefore) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ID FROM OFFERS.OFFER WHERE STATUS = 'ACTIVE' AND COALESCE(CREATED_AT, CHANGED_AT) <= ?"
                        + " ORDER BY ID")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(publishedBefore));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("list the active offers", e);
        }
    }

    /** Every offer of an establishment, in any status, newest change first (index OFFER_SIRET). */
    List<Offer> bySiret(String siret) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT STATUS, VERSION, BODY FROM OFFERS.OFFER WHERE SIRET = ? ORDER BY CHANGE_SEQ DESC")) {
            ps.setString(1, siret);
            List<Offer> offers = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offers.add(OfferJson.fromStored(rs.getString(3), OfferStatus.valueOf(rs.getString(1)),
                            rs.getLong(2)));
                }
            }
            return offers;
        } catch (SQLException e) {
            throw failure("read the offers of SIRET " + siret, e);
        }
    }

    /** Writes one batch's changes and events in the caller's transaction. */
    void write(Connection c, List<Change> changes, List<Received> received, Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO OFFERS.OFFER (STATUS, VERSION, CHANGE_SEQ,"
                + " CHANGED_AT, CREATED_AT, ROME_CODE, COMMUNE, DEPARTMENT, REGION, CONTRACT_TYPE, TITLE, BODY, SIRET,"
                + " ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE OFFERS.OFFER SET STATUS = ?, VERSION = ?,"
                        + " CHANGE_SEQ = ?, CHANGED_AT = ?, CREATED_AT = ?, ROME_CODE = ?, COMMUNE = ?,"
                        + " DEPARTMENT = ?, REGION = ?, CONTRACT_TYPE = ?, TITLE = ?, BODY = ?, SIRET = ?"
                        + " WHERE ID = ?")) {
            int inserts = 0;
            int updates = 0;
            for (Change change : changes) {
                PreparedStatement ps = change.insert() ? insert : update;
                bind(ps, change);
                ps.addBatch();
                if (change.insert()) {
                    inserts++;
                } else {
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
        if (!received.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO OFFERS.FEED_EVENT (EVENT_ID, OFFER_ID,"
                    + " EVENT_TYPE, VERSION, OCCURRED_AT, RECEIVED_AT, RESULT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp at = Timestamp.from(receivedAt);
                for (Received r : received) {
                    ps.setString(1, r.event().eventId());
                    ps.setString(2, r.event().offerId());
                    ps.setString(3, r.event().type().name());
                    ps.setLong(4, r.event().version());
                    ps.setTimestamp(5, Timestamp.from(r.event().occurredAt()));
                    ps.setTimestamp(6, at);
                    ps.setString(7, r.result().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, Change change) throws SQLException {
        Offer o = change.offer();
        OfferFacts.Facts f = change.facts();
        ps.setString(1, o.status().name());
        ps.setLong(2, o.version());
        ps.setLong(3, change.seq());
        ps.setTimestamp(4, Timestamp.from(o.changedAt()));
        if (f.createdAt() == null) {
            ps.setNull(5, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(5, Timestamp.from(f.createdAt()));
        }
        ps.setString(6, o.content().romeCode());
        ps.setString(7, f.commune());
        ps.setString(8, f.department());
        ps.setString(9, f.region());
        ps.setString(10, o.content().contractType());
        String title = o.content().title();
        ps.setString(11, title == null || title.length() <= 300 ? title : title.substring(0, 300));
        ps.setString(12, change.storedJson() != null ? change.storedJson() : OfferJson.toStored(o));
        ps.setString(13, o.siret());
        ps.setString(14, o.id());
    }

    /**
     * Streams the offers changed after {@code afterSeq}, in change order (all offers for 0), to rebuild or catch up
     * the index.
     */
    void changedSince(long afterSeq, boolean activeOnly, Consumer<StoredOffer> sink) {
        String sql = "SELECT STATUS, VERSION, CHANGE_SEQ, BODY FROM OFFERS.OFFER WHERE CHANGE_SEQ > ?"
                + (activeOnly ? " AND STATUS = 'ACTIVE'" : "") + " ORDER BY CHANGE_SEQ";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, afterSeq);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new StoredOffer(OfferJson.fromStored(rs.getString(4),
                            OfferStatus.valueOf(rs.getString(1)), rs.getLong(2)), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("read changed offers", e);
        }
    }

    /** An offer read back with its change sequence. */
    record StoredOffer(Offer offer, long seq) {
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a primary-key lookup once per key with one prepared statement. Not an {@code IN (?, ?, …)} list: Derby
     * plans those from table statistics that lag behind a table the feed is filling, and then scans the whole table
     * for every batch (measured: ingestion fell from thousands to hundreds of events per second as the table grew).
     */
    private static void forEachKey(Connection c, String sql, Collection<String> keys, RowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String key : keys) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            }
        }
    }

    private long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("Database failure (" + what + "): " + e.getMessage(), e);
    }
}
