package fr.opus.accounts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.Address;
import fr.opus.accounts.api.Client;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.security.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Reads of the ACCOUNTS schema shared by the components, on the caller's connection. */
final class Store {

    /** Legal time of the conventions' dates. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Bumped after every committed change to partners, conventions, accounts, clients or tokens: authenticated
     * callers cached before are looked up again.
     */
    private static final AtomicLong GENERATION = new AtomicLong();

    private Store() {
    }

    static long generation() {
        return GENERATION.get();
    }

    static void changed() {
        GENERATION.incrementAndGet();
    }

    /** A convention row without its services: what access decisions need. */
    record ConventionRow(String id, String partnerId, ConventionStatus status, LocalDate signedOn, LocalDate endsOn,
            Instant noticeEndsAt, int accountQuota, int seatsUsed, String rgcAccountId, String followUpManager,
            String ftCorrespondent, int version, Instant updatedAt) {

        /** Whether the convention lets its partner work at {@code now}. */
        boolean inForceAt(Instant now) {
            if (status != ConventionStatus.ACTIVE && status != ConventionStatus.TERMINATING) {
                return false;
            }
            if (noticeEndsAt != null && !now.isBefore(noticeEndsAt)) {
                return false;
            }
            return endsOn == null || !LocalDate.ofInstant(now, PARIS).isAfter(endsOn);
        }

        /** The first instant the convention stops being in force by the clock alone, or {@code null}. */
        Instant deadline() {
            Instant end = endsOn == null ? null : endsOn.plusDays(1).atStartOfDay(PARIS).toInstant();
            if (noticeEndsAt == null) {
                return end;
            }
            return end == null || noticeEndsAt.isBefore(end) ? noticeEndsAt : end;
        }
    }

    static final String CONVENTION_COLUMNS = "ID, PARTNER_ID, STATUS, SIGNED_ON, ENDS_ON, NOTICE_ENDS_AT,"
            + " ACCOUNT_QUOTA, SEATS_USED, RGC_ACCOUNT_ID, FOLLOW_UP_MANAGER, FT_CORRESPONDENT, VERSION, UPDATED_AT";

    /** {@link #CONVENTION_COLUMNS} qualified by a table alias, for joins. */
    static String conventionColumns(String alias) {
        return alias + "." + CONVENTION_COLUMNS.replace(", ", ", " + alias + ".");
    }

    static ConventionRow conventionRow(ResultSet rs) throws SQLException {
        return new ConventionRow(rs.getString("ID"), rs.getString("PARTNER_ID"),
                ConventionStatus.valueOf(rs.getString("STATUS")), Jdbc.date(rs, "SIGNED_ON"),
                Jdbc.date(rs, "ENDS_ON"), Jdbc.instant(rs, "NOTICE_ENDS_AT"), rs.getInt("ACCOUNT_QUOTA"),
                rs.getInt("SEATS_USED"), rs.getString("RGC_ACCOUNT_ID"), rs.getString("FOLLOW_UP_MANAGER"),
                rs.getString("FT_CORRESPONDENT"), rs.getInt("VERSION"), Jdbc.instant(rs, "UPDATED_AT"));
    }

    static Optional<ConventionRow> convention(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT " + CONVENTION_COLUMNS + " FROM ACCOUNTS.CONVENTION WHERE ID = ?",
                Store::conventionRow, id);
    }

    /** The partner's convention that is active or terminating (at most one), whatever the clock says. */
    static Optional<ConventionRow> currentConvention(Connection c, String partnerId) throws SQLException {
        return Jdbc.one(c, "SELECT " + CONVENTION_COLUMNS + " FROM ACCOUNTS.CONVENTION WHERE PARTNER_ID = ?"
                + " AND STATUS IN ('ACTIVE', 'TERMINATING')", Store::conventionRow, partnerId);
    }

    /** The partner's newest convention not terminated (in force or draft), where its RGC is designated. */
    static Optional<ConventionRow> liveConvention(Connection c, String partnerId) throws SQLException {
        Optional<ConventionRow> current = currentConvention(c, partnerId);
        if (current.isPresent()) {
            return current;
        }
        return Jdbc.one(c, "SELECT " + CONVENTION_COLUMNS + " FROM ACCOUNTS.CONVENTION WHERE PARTNER_ID = ?"
                + " AND STATUS = 'DRAFT' ORDER BY UPDATED_AT DESC FETCH FIRST 1 ROWS ONLY", Store::conventionRow,
                partnerId);
    }

    static Set<String> services(Connection c, String conventionId) throws SQLException {
        return new LinkedHashSet<>(Jdbc.list(c, "SELECT SERVICE_ID FROM ACCOUNTS.CONVENTION_SERVICE"
                + " WHERE CONVENTION_ID = ? ORDER BY SERVICE_ID", rs -> rs.getString(1), conventionId));
    }

    static Partner partner(ResultSet rs) throws SQLException {
        return new Partner(rs.getString("ID"), PartnerKind.valueOf(rs.getString("KIND")), rs.getString("NAME"),
                rs.getString("SAFIR_CODE"), rs.getString("REGION"),
                new Address(rs.getString("STREET"), rs.getString("POSTAL_CODE"), rs.getString("CITY")),
                Jdbc.instant(rs, "CREATED_AT"), Jdbc.instant(rs, "UPDATED_AT"));
    }

    static Optional<Partner> partner(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM ACCOUNTS.PARTNER WHERE ID = ?", Store::partner, id);
    }

    /** An account row with the secrets that never leave the bundle. */
    record AccountRow(Account account, String passwordHash, int failedLogins, Instant lockedUntil) {
    }

    static AccountRow accountRow(ResultSet rs) throws SQLException {
        Account account = new Account(rs.getString("ID"), rs.getString("LOGIN"), Role.valueOf(rs.getString("ROLE")),
                rs.getString("PARTNER_ID"), rs.getString("REGION"), rs.getString("FIRST_NAME"),
                rs.getString("LAST_NAME"), rs.getString("EMAIL"), AccountStatus.valueOf(rs.getString("STATUS")),
                Jdbc.instant(rs, "CREATED_AT"), Jdbc.instant(rs, "LAST_LOGIN_AT"),
                Jdbc.instant(rs, "STATUS_CHANGED_AT"), rs.getString("STATUS_REASON"));
        return new AccountRow(account, rs.getString("PASSWORD_HASH"), rs.getInt("FAILED_LOGINS"),
                Jdbc.instant(rs, "LOCKED_UNTIL"));
    }

    static Optional<AccountRow> account(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE ID = ?", Store::accountRow, id);
    }

    static Optional<AccountRow> accountByLogin(Connection c, String login) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE LOGIN = ?", Store::accountRow, login);
    }

    /** A client row with its secret's hash. */
    record ClientRow(Client client, String secretHash) {
    }

    static ClientRow clientRow(ResultSet rs) throws SQLException {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(rs.getString("SCOPES").split(" ")));
        Client client = new Client(rs.getString("ID"), Role.valueOf(rs.getString("ROLE")), rs.getString("PARTNER_ID"),
                rs.getString("NAME"), scopes, "ACTIVE".equals(rs.getString("STATUS")), Jdbc.instant(rs, "CREATED_AT"),
                Jdbc.instant(rs, "LAST_USED_AT"));
        return new ClientRow(client, rs.getString("SECRET_HASH"));
    }

    static Optional<ClientRow> client(Connection c, String clientId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM ACCOUNTS.CLIENT WHERE ID = ?", Store::clientRow, clientId);
    }

    /** Whether a counsellor in this state holds a seat of the quota. */
    static boolean holdsSeat(Role role, AccountStatus status) {
        return role == Role.COUNSELLOR && status != AccountStatus.DEACTIVATED;
    }

    static List<String> splitScopes(String scopes) {
        return scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.trim().split("\\s+"));
    }
}
