package fr.opus.accounts.impl;

import fr.opus.accounts.api.AccessToken;
import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.Client;
import fr.opus.accounts.api.ClientRegistry;
import fr.opus.accounts.api.IssuedClient;
import fr.opus.accounts.api.OAuthException;
import fr.opus.accounts.api.Sessions;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Authenticator;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who is calling: bearer tokens of people and clients, passwords with progressive lockout, and the OAuth2
 * client-credentials grant as France Travail's token endpoint answers it.
 *
 * <p>A resolved caller is cached until the first of: its token's expiry, its convention's end (notice end or end
 * date), or any change to partners, conventions, accounts, clients or tokens ({@link Store#generation()}). So a
 * termination, a deactivation or a revocation takes effect on the very next request, and an ordinary request costs
 * one map lookup.
 *
 * <p>Configured by PID {@code fr.opus.accounts}, whose metatype the {@link AccountManager} declares.
 */
@Component(service = {Authenticator.class, Sessions.class, ClientRegistry.class}, configurationPid = AccountsConfig.PID)
public class AccessManager implements Authenticator, Sessions, ClientRegistry {

    private static final int CACHE_MAX = 20_000;
    /** How long a verified password is remembered for HTTP Basic scripts, so they do not pay the KDF each call. */
    private static final Duration BASIC_MEMORY = Duration.ofMinutes(5);

    private record Cached(Caller caller, Instant until, long generation) {
    }

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionValidity;
    private final Duration clientTokenValidity;
    private final int lockoutThreshold;
    private final Duration lockoutMax;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Map<String, Cached> passwords = new ConcurrentHashMap<>();
    private final byte[] cacheKey = Secrets.bytes(32);

    @Activate
    public AccessManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource, AccountsConfig config,
            @Reference(target = "(opus.schema=ACCOUNTS)") MigratedSchema schema) {
        this(dataSource, Clock.systemUTC(), config);
    }

    AccessManager(DataSource dataSource, Clock clock, AccountsConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.hasher = new PasswordHasher(new PasswordHasher.Cost(config.argon2MemoryKiB(), config.argon2Iterations(), 1));
        this.sessionValidity = Duration.ofMinutes(config.sessionMinutes());
        this.clientTokenValidity = Duration.ofSeconds(config.clientTokenSeconds());
        this.lockoutThreshold = config.lockoutThreshold();
        this.lockoutMax = Duration.ofMinutes(config.lockoutMaxMinutes());
    }

    // ------------------------------------------------------------------------------------------ authentication

    @Override
    public Caller bearer(String token, String remoteAddress) {
        Instant now = clock.instant();
        String hash = Secrets.sha256(token);
        Cached cached = tokens.get(hash);
        if (cached != null && cached.generation() == Store.generation() && now.isBefore(cached.until())) {
            return cached.caller().from(remoteAddress);
        }
        long generation = Store.generation();
        Cached resolved = jdbc.read(c -> {
            Optional<TokenRow> row = Jdbc.one(c, "SELECT SUBJECT_KIND, SUBJECT_ID, SCOPES, EXPIRES_AT FROM"
                    + " ACCOUNTS.ACCESS_TOKEN WHERE TOKEN_HASH = ? AND REVOKED_AT IS NULL AND EXPIRES_AT > ?",
                    rs -> new TokenRow(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "EXPIRES_AT")),
                    hash, now);
            if (row.isEmpty()) {
                return null;
            }
            TokenRow t = row.get();
            Set<String> scopes = new LinkedHashSet<>(Store.splitScopes(t.scopes()));
            return "A".equals(t.kind())
                    ? personCaller(c, t.subjectId(), now, t.expiresAt(), remoteAddress, generation)
                    : clientCaller(c, t.subjectId(), scopes, now, t.expiresAt(), remoteAddress, generation);
        });
        if (resolved == null) {
            AuditLogs.write(jdbc, clock, null, remoteAddress, "token.refused", null, null, false,
                    "jeton inconnu, expiré ou révoqué");
            throw new OpusException(401, SecurityProblemCodes.INVALID_TOKEN,
                    "Jeton d'accès inconnu, expiré ou révoqué : demandez-en un nouveau.", "Authorization");
        }
        remember(tokens, hash, resolved);
        return resolved.caller();
    }

    private record TokenRow(String kind, String subjectId, String scopes, Instant expiresAt) {
    }

    @Override
    public Caller password(String login, String password, String remoteAddress) {
        Instant now = clock.instant();
        String key = passwordKey(login, password);
        Cached cached = passwords.get(key);
        if (cached != null && cached.generation() == Store.generation() && now.isBefore(cached.until())) {
            return cached.caller().from(remoteAddress);
        }
        Cached resolved = verifyPassword(login, password, remoteAddress, now, Store.generation());
        remember(passwords, key, resolved);
        return resolved.caller();
    }

    /** Checks a password with lockout; records the login. Throws 401 when refused. */
    private Cached verifyPassword(String login, String password, String remoteAddress, Instant now,
            long generation) {
        String cleanLogin = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Store.AccountRow row = cleanLogin.isEmpty() || cleanLogin.length() > 40 ? null
                : jdbc.read(c -> Store.accountByLogin(c, cleanLogin)).orElse(null);
        if (row != null && row.lockedUntil() != null && now.isBefore(row.lockedUntil())) {
            AuditLogs.write(jdbc, clock, null, remoteAddress, "login.locked", "account", row.account().id(), false,
                    cleanLogin);
            throw new OpusException(401, SecurityProblemCodes.ACCOUNT_LOCKED,
                    "Trop d'échecs de connexion : ce compte est verrouillé jusqu'à "
                            + java.time.format.DateTimeFormatter.ofPattern("HH'h'mm").withZone(Store.PARIS)
                            .format(row.lockedUntil()) + ". Réessayez ensuite ou demandez de l'aide à votre RGC.",
                    null);
        }
        boolean ok = password != null && password.length() <= PasswordPolicy.MAX_LENGTH
                && hasher.verify(password, row == null ? null : row.passwordHash());
        if (!ok || row == null) {
            if (row != null) {
                recordFailure(row, now);
            }
            AuditLogs.write(jdbc, clock, null, remoteAddress, "login.failed", "account",
                    row == null ? null : row.account().id(), false, cleanLogin);
            throw refused();
        }
        if (row.account().status() != AccountStatus.ACTIVE) {
            AuditLogs.write(jdbc, clock, null, remoteAddress, "login.inactive", "account", row.account().id(), false,
                    cleanLogin);
            throw refused();
        }
        String rehash = hasher.outdated(row.passwordHash()) ? hasher.hash(password) : null;
        jdbc.tx(c -> {
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET FAILED_LOGINS = 0, LOCKED_UNTIL = NULL, LAST_LOGIN_AT = ?,"
                    + " PASSWORD_HASH = COALESCE(?, PASSWORD_HASH) WHERE ID = ?", now, rehash, row.account().id());
            return null;
        });
        Cached resolved = jdbc.read(c -> personCaller(c, row.account().id(), now, now.plus(BASIC_MEMORY),
                remoteAddress, generation));
        if (resolved == null) {
            throw refused(); // e.g. an RGC account no longer designated on the convention
        }
        return resolved;
    }

    private void recordFailure(Store.AccountRow row, Instant now) {
        int failures = row.failedLogins() + 1;
        Instant lockedUntil = null;
        if (failures >= lockoutThreshold) {
            long minutes = Math.min(lockoutMax.toMinutes(), 1L << Math.min(20, failures - lockoutThreshold));
            lockedUntil = now.plus(Duration.ofMinutes(minutes));
        }
        Instant until = lockedUntil;
        jdbc.tx(c -> Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET FAILED_LOGINS = FAILED_LOGINS + 1, LOCKED_UNTIL = ?"
                + " WHERE ID = ?", until, row.account().id()));
    }

    private static OpusException refused() {
        return new OpusException(401, SecurityProblemCodes.UNAUTHORIZED, "Identifiant ou mot de passe incorrect.", null);
    }

    /** A person's caller, or an exception when the account or its partner's convention does not allow access now. */
    private Cached personCaller(Connection c, String accountId, Instant now, Instant tokenExpiry, String address,
            long generation) throws SQLException {
        Store.AccountRow row = Store.account(c, accountId).orElse(null);
        if (row == null || row.account().status() != AccountStatus.ACTIVE) {
            return null;
        }
        var account = row.account();
        if (!account.role().partnerBound()) {
            return new Cached(new Caller(account.id(), account.login(), account.role(), null, null, account.region(),
                    Set.of(), Set.of(), address), tokenExpiry, generation);
        }
        return partnerCaller(c, account.id(), account.login(), account.role(), account.partnerId(), Set.of(), now,
                tokenExpiry, address, generation);
    }

    private Cached clientCaller(Connection c, String clientId, Set<String> scopes, Instant now, Instant tokenExpiry,
            String address, long generation) throws SQLException {
        Store.ClientRow row = Store.client(c, clientId).orElse(null);
        if (row == null || !row.client().active()) {
            return null;
        }
        Client client = row.client();
        if (!client.role().partnerBound()) {
            return new Cached(new Caller(client.clientId(), client.clientId(), client.role(), null, null, null, Set.of(),
                    scopes, address), tokenExpiry, generation);
        }
        return partnerCaller(c, client.clientId(), client.clientId(), client.role(), client.partnerId(), scopes, now,
                tokenExpiry, address, generation);
    }

    private Cached partnerCaller(Connection c, String id, String login, Role role, String partnerId,
            Set<String> scopes, Instant now, Instant tokenExpiry, String address, long generation) throws SQLException {
        Store.ConventionRow convention = Store.currentConvention(c, partnerId).filter(r -> r.inForceAt(now))
                .orElseThrow(() -> new OpusException(401, SecurityProblemCodes.CONVENTION_NOT_IN_FORCE,
                        "La convention de votre structure n'est pas en vigueur : l'accès à Opus est fermé.", null));
        if (role == Role.ACCOUNT_MANAGER && !id.equals(convention.rgcAccountId())) {
            return null;
        }
        String region = Store.partner(c, partnerId).orElseThrow().region();
        Caller caller = new Caller(id, login, role, partnerId, convention.id(), region, Store.services(c, convention.id()),
                scopes, address);
        Instant deadline = convention.deadline();
        Instant until = deadline != null && deadline.isBefore(tokenExpiry) ? deadline : tokenExpiry;
        return new Cached(caller, until, generation);
    }

    private static void remember(Map<String, Cached> cache, String key, Cached value) {
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private String passwordKey(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            mac.update(String.valueOf(login).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ sessions

    @Override
    public AccessToken login(String login, String password, String remoteAddress) {
        Instant now = clock.instant();
        Caller caller = verifyPassword(login, password, remoteAddress, now, Store.generation()).caller();
        AccessToken token = issueToken("A", caller.id(), Set.of(), sessionValidity, now);
        AuditLogs.write(jdbc, clock, caller, null, "login.success", "account", caller.id(), true, null);
        return token;
    }

    @Override
    public void logout(Caller by, String token) {
        Instant now = clock.instant();
        jdbc.tx(c -> Jdbc.update(c, "UPDATE ACCOUNTS.ACCESS_TOKEN SET REVOKED_AT = ? WHERE TOKEN_HASH = ?"
                + " AND SUBJECT_ID = ?", now, Secrets.sha256(token), by.id()));
        Store.changed();
        AuditLogs.write(jdbc, clock, by, null, "login.logout", "account", by.id(), true, null);
    }

    private AccessToken issueToken(String kind, String subjectId, Set<String> scopes, Duration validity, Instant now) {
        String token = Secrets.token();
        jdbc.tx(c -> Jdbc.update(c, "INSERT INTO ACCOUNTS.ACCESS_TOKEN (TOKEN_HASH, SUBJECT_KIND, SUBJECT_ID, SCOPES,"
                        + " ISSUED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?, ?)", Secrets.sha256(token), kind, subjectId,
                String.join(" ", scopes), now, now.plus(validity)));
        return new AccessToken(token, validity.toSeconds(), scopes);
    }

    // ------------------------------------------------------------------------------------------------- clients

    @Override
    public IssuedClient issue(Caller by, Role role, String partnerId, String name, Set<String> scopes) {
        ConventionManager.requireOperator(by);
        if (role != Role.PARTNER_APPLICATION && role != Role.FT_FEED) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Le rôle d'un client est PARTNER_APPLICATION ou FT_FEED.", "role");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Le nom de l'application est obligatoire (200 caractères au plus).", "name");
        }
        Set<String> allowed = role == Role.FT_FEED ? FEED_SCOPES : PARTNER_SCOPES;
        Set<String> granted = scopes == null || scopes.isEmpty() ? allowed : new LinkedHashSet<>(scopes);
        if (!allowed.containsAll(granted)) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Portées possibles pour ce client : " + String.join(" ", new java.util.TreeSet<>(allowed)) + ".",
                    "scopes");
        }
        String partner = role == Role.PARTNER_APPLICATION ? partnerId : null;
        if (role == Role.PARTNER_APPLICATION && partner == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Une application partenaire est rattachée à une structure (partnerId).", "partnerId");
        }
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z0-9]+", "").toLowerCase(Locale.ROOT);
        slug = slug.length() > 30 ? slug.substring(0, 30) : slug;
        String clientId = (role == Role.FT_FEED ? "FT_FEED_" : "PAR_") + slug + "_"
                + HexFormat.of().formatHex(Secrets.bytes(16));
        String secret = Secrets.token();
        String secretHash = hasher.hash(secret);
        Instant now = clock.instant();
        Client client = jdbc.tx(c -> {
            if (partner != null) {
                if (Store.partner(c, partner).isEmpty()) {
                    throw ConventionManager.partnerNotFound();
                }
                if (Store.liveConvention(c, partner).isEmpty()) {
                    throw OpusException.conflict(AccountProblemCodes.NO_CONVENTION_IN_FORCE,
                            "Cette structure n'a pas de convention : aucune application ne peut lui être ouverte.", null);
                }
            }
            Jdbc.update(c, "INSERT INTO ACCOUNTS.CLIENT (ID, ROLE, PARTNER_ID, NAME, SECRET_HASH, SCOPES, STATUS,"
                            + " CREATED_AT, CREATED_BY) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", clientId, role, partner,
                    name.strip(), secretHash, String.join(" ", granted), now, by.login());
            AuditLog.insert(c, now, by, null, "client.issue", "client", clientId, true, name);
            return Store.client(c, clientId).orElseThrow().client();
        });
        return new IssuedClient(client, secret);
    }

    @Override
    public List<Client> clients(Caller by, String partnerId) {
        if (!by.is(Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "La liste des applications est réservée au RGC et à l'opérateur régional.");
        }
        String partner = AccountManager.ownOr(by, partnerId); // another partner's clients: 404, as for accounts
        return jdbc.read(c -> partner == null
                ? Jdbc.list(c, "SELECT * FROM ACCOUNTS.CLIENT ORDER BY CREATED_AT", rs -> Store.clientRow(rs).client())
                : Jdbc.list(c, "SELECT * FROM ACCOUNTS.CLIENT WHERE PARTNER_ID = ? ORDER BY CREATED_AT",
                        rs -> Store.clientRow(rs).client(), partner));
    }

    @Override
    public Client revoke(Caller by, String clientId) {
        ConventionManager.requireOperator(by);
        Instant now = clock.instant();
        Client client = jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE ACCOUNTS.CLIENT SET STATUS = 'REVOKED' WHERE ID = ?", clientId) == 0) {
                throw OpusException.notFound(AccountProblemCodes.CLIENT_NOT_FOUND, "Aucun client ne porte cet identifiant.");
            }
            AccountManager.revokeTokens(c, clientId, now);
            AuditLog.insert(c, now, by, null, "client.revoke", "client", clientId, true, null);
            return Store.client(c, clientId).orElseThrow().client();
        });
        Store.changed();
        return client;
    }

    @Override
    public AccessToken token(String grantType, String clientId, String clientSecret, String scope,
            String remoteAddress) {
        if (grantType == null || grantType.isBlank()) {
            throw new OAuthException("invalid_request", "Missing grant_type");
        }
        if (!"client_credentials".equals(grantType)) {
            throw new OAuthException("unsupported_grant_type", "Grant type is not supported");
        }
        if (clientId == null || clientSecret == null || clientId.length() > 80 || clientSecret.length() > 200) {
            throw new OAuthException("invalid_client", "Client authentication failed");
        }
        Instant now = clock.instant();
        Store.ClientRow row = jdbc.read(c -> Store.client(c, clientId)).orElse(null);
        boolean ok = hasher.verify(clientSecret, row == null ? null : row.secretHash());
        if (!ok || !row.client().active()) {
            AuditLogs.write(jdbc, clock, null, remoteAddress, "client.token-refused", "client", clientId, false, null);
            throw new OAuthException("invalid_client", "Client authentication failed");
        }
        Client client = row.client();
        if (client.role().partnerBound() && jdbc.read(c -> Store.currentConvention(c, client.partnerId()))
                .filter(r -> r.inForceAt(now)).isEmpty()) {
            AuditLogs.write(jdbc, clock, null, remoteAddress, "client.token-refused", "client", clientId, false,
                    "convention non en vigueur");
            throw new OAuthException("invalid_client", "Client authentication failed");
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String s : Store.splitScopes(scope)) {
            if (!s.startsWith("application_")) {
                asked.add(s);
            }
        }
        if (!client.scopes().containsAll(asked)) {
            throw new OAuthException("invalid_scope", "Invalid scope");
        }
        Set<String> granted = asked.isEmpty() ? client.scopes() : asked;
        AccessToken token = issueToken("C", clientId, granted, clientTokenValidity, now);
        jdbc.tx(c -> Jdbc.update(c, "UPDATE ACCOUNTS.CLIENT SET LAST_USED_AT = ? WHERE ID = ?", now, clientId));
        AuditLogs.write(jdbc, clock, null, remoteAddress, "client.token", "client", clientId, true, null);
        return token;
    }
}
