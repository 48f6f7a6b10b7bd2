package fr.opus.accounts.impl;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The append-only audit trail in {@code ACCOUNTS.AUDIT_EVENT}. Changes are audited inside their own transaction
 * ({@link #insert}); reads and refusals are audited on their own connection.
 */
@Component(service = AuditTrail.class)
public class AuditLog implements AuditTrail {

    static final int MAX_LIMIT = 1000;
    /** The actor of what Opus does by itself. */
    static final String SYSTEM = "system";
    private final Jdbc jdbc;
    private final Clock clock;

    @Activate
    public AuditLog(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=ACCOUNTS)") MigratedSchema schema) {
        this(dataSource, Clock.systemUTC());
    }

    AuditLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public void record(Caller by, String address, String action, String subjectType, String subjectId,
            boolean success, String detail) {
        jdbc.read(c -> {
            insert(c, clock.instant(), by, address, action, subjectType, subjectId, success, detail);
            return null;
        });
    }

    /** Audits with the caller's connection, inside its transaction. */
    static void insert(Connection c, Instant at, Caller by, String address, String action, String subjectType,
            String subjectId, boolean success, String detail) throws SQLException {
        write(c, at, by == null ? null : by.login(), by == null ? null : by.role(), by == null ? null : by.partnerId(),
                address != null ? address : by == null ? null : by.address(), action, subjectType, subjectId, success,
                detail);
    }

    /**
     * Audits what Opus did on its own (the life-cycle jobs, an automatic termination) with actor {@value #SYSTEM}, no
     * role and no address, inside the transaction of the change.
     */
    static void insertSystem(Connection c, Instant at, String action, String subjectType, String subjectId,
            String detail) throws SQLException {
        write(c, at, SYSTEM, null, null, null, action, subjectType, subjectId, true, detail);
    }

    private static void write(Connection c, Instant at, String actor, Role role, String partnerId, String address,
            String action, String subjectType, String subjectId, boolean success, String detail) throws SQLException {
        Jdbc.update(c, "INSERT INTO ACCOUNTS.AUDIT_EVENT (OCCURRED_AT, ACTOR, ACTOR_ROLE, ACTOR_PARTNER, ADDRESS, ACTION,"
                        + " SUBJECT_TYPE, SUBJECT_ID, OUTCOME, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                at, actor, role, partnerId, truncate(address, 64), action, subjectType, subjectId,
                success ? "success" : "failure", truncate(detail, 1000));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public List<AuditEvent> search(Caller by, AuditQuery query) {
        if (!by.is(Role.REGIONAL_OPERATOR)) {
            throw OpusException.forbidden(ProblemCodes.FORBIDDEN, "Seuls les opérateurs régionaux consultent le journal.");
        }
        int limit = query.limit() <= 0 ? 100 : query.limit();
        if (limit > MAX_LIMIT) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER,
                    "Au plus " + MAX_LIMIT + " lignes par recherche.", "limit");
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM ACCOUNTS.AUDIT_EVENT WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" AND ACTOR = ?");
            params.add(query.actor());
        }
        if (query.subjectId() != null) {
            sql.append(" AND SUBJECT_ID = ?");
            params.add(query.subjectId());
        }
        if (query.action() != null) {
            sql.append(" AND ACTION = ?");
            params.add(query.action());
        }
        if (query.from() != null) {
            sql.append(" AND OCCURRED_AT >= ?");
            params.add(query.from());
        }
        if (query.to() != null) {
            sql.append(" AND OCCURRED_AT < ?");
            params.add(query.to());
        }
        sql.append(" ORDER BY ID DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        List<AuditEvent> events = jdbc.read(c -> Jdbc.list(c, sql.toString(), AuditLog::event, params.toArray()));
        record(by, null, "audit.search", null, null, true, query.toString());
        return events;
    }

    static AuditEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("ID"), Jdbc.instant(rs, "OCCURRED_AT"), rs.getString("ACTOR"),
                rs.getString("ACTOR_ROLE"), rs.getString("ACTOR_PARTNER"), rs.getString("ADDRESS"),
                rs.getString("ACTION"), rs.getString("SUBJECT_TYPE"), rs.getString("SUBJECT_ID"),
                rs.getString("OUTCOME"), rs.getString("DETAIL"));
    }
}
