package fr.opus.accounts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountProblemCodes;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.PersonDraft;
import fr.opus.accounts.api.PersonalData;
import fr.opus.accounts.api.Seat;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.SecurityProblemCodes;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * People's accounts. The quota of annex 2 is a counter on the convention row, moved only by a conditional update
 * inside the transaction that creates or reactivates the account: concurrent creations queue on the row's lock
 * and those beyond the quota are refused.
 */
@Component(service = AccountDirectory.class, configurationPid = AccountsConfig.PID)
@Designate(ocd = AccountsConfig.class)
public class AccountManager implements AccountDirectory {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}' .-]{0,99}");

    private final Jdbc jdbc;
    private final ConventionManager conventions;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final String publicUrl;
    private final Duration activationValidity;

    @Activate
    public AccountManager(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference ConventionManager conventions, @Reference MailOutbox outbox, AccountsConfig config) {
        this(dataSource, conventions, outbox, Clock.systemUTC(), config);
    }

    AccountManager(DataSource dataSource, ConventionManager conventions, MailOutbox outbox, Clock clock,
            AccountsConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.conventions = conventions;
        this.outbox = outbox;
        this.clock = clock;
        this.hasher = new PasswordHasher(new PasswordHasher.Cost(config.argon2MemoryKiB(), config.argon2Iterations(), 1));
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        this.activationValidity = Duration.ofHours(config.activationHours());
    }

    @Override
    public Account createAccount(Caller by, Role role, String partnerId, PersonDraft person) {
        if (role == null || role.machine()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Le rôle du compte est obligatoire : REGIONAL_OPERATOR, FT_AGENT, ACCOUNT_MANAGER ou COUNSELLOR.",
                    "role");
        }
        boolean operatorMade = role == Role.REGIONAL_OPERATOR || role == Role.FT_AGENT || role == Role.ACCOUNT_MANAGER;
        if (operatorMade ? !isOperator(by) : !(by != null && by.is(Role.ACCOUNT_MANAGER, Role.REGIONAL_OPERATOR))) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, operatorMade
                    ? "Seul un opérateur régional crée ce type de compte (et désigne le RGC)."
                    : "Seul le RGC de la structure crée les comptes des conseillers.");
        }
        String partner = role.partnerBound() ? ownOr(by, partnerId) : null;
        if (role.partnerBound() && partner == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "La structure partenaire du compte est obligatoire.", "partnerId");
        }
        if (partner != null && !by.mayActFor(partner)) {
            throw ConventionManager.partnerNotFound();
        }
        PersonDraft clean = validate(person);
        Instant now = clock.instant();
        Account created = jdbc.tx(c -> {
            Store.ConventionRow convention = null;
            if (partner != null) {
                if (Store.partner(c, partner).isEmpty()) {
                    throw ConventionManager.partnerNotFound();
                }
                convention = role == Role.ACCOUNT_MANAGER
                        ? Store.liveConvention(c, partner).orElseThrow(() -> OpusException.conflict(
                                AccountProblemCodes.NO_CONVENTION_IN_FORCE,
                                "Le RGC est désigné sur une convention : rédigez d'abord celle de cette structure.", null))
                        : inForce(c, partner, now);
                if (role == Role.COUNSELLOR) {
                    takeSeat(c, convention);
                }
            }
            String id = UUID.randomUUID().toString();
            String login = insertAccount(c, id, role, partner, clean, now, by.login());
            if (role == Role.ACCOUNT_MANAGER) {
                designateRgc(c, by, convention, id, now);
            }
            Account account = Store.account(c, id).orElseThrow().account();
            sendActivation(c, account, now);
            AuditLog.insert(c, now, by, null, "account.create", "account", id, true, role + " " + login);
            return account;
        });
        Store.changed();
        return created;
    }

    /** Replaces the convention's RGC: the previous one's account is switched off. */
    private void designateRgc(Connection c, Caller by, Store.ConventionRow convention, String accountId, Instant now)
            throws SQLException {
        if (convention.rgcAccountId() != null) {
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = 'DEACTIVATED', STATUS_CHANGED_AT = ?,"
                    + " STATUS_REASON = ? WHERE ID = ? AND STATUS <> 'DEACTIVATED'", now,
                    "Remplacé comme RGC par un nouveau responsable désigné", convention.rgcAccountId());
            revokeTokens(c, convention.rgcAccountId(), now);
        }
        Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET RGC_ACCOUNT_ID = ? WHERE ID = ?", accountId, convention.id());
        conventions.version(c, by, convention.id(), now, "Désignation et agrément du RGC", "convention.rgc");
    }

    private String insertAccount(Connection c, String id, Role role, String partnerId, PersonDraft person,
            Instant now, String createdBy) throws SQLException {
        String base = loginBase(person);
        for (int n = 1; ; n++) {
            String login = n == 1 ? base : base + n;
            if (Store.accountByLogin(c, login).isPresent()) {
                continue;
            }
            Jdbc.update(c, "INSERT INTO ACCOUNTS.ACCOUNT (ID, LOGIN, ROLE, PARTNER_ID, FIRST_NAME, LAST_NAME, EMAIL,"
                            + " STATUS, CREATED_AT, CREATED_BY, STATUS_CHANGED_AT) VALUES (?, ?, ?, ?, ?, ?, ?,"
                            + " 'PENDING_ACTIVATION', ?, ?, ?)", id, login, role, partnerId, person.firstName(),
                    person.lastName(), person.email(), now, createdBy, now);
            return login;
        }
    }

    /** {@code jdupont}: initial of the first name and the last name, folded to lower-case ASCII letters. */
    static String loginBase(PersonDraft person) {
        String first = ascii(person.firstName());
        String last = ascii(person.lastName());
        String base = (first.isEmpty() ? "" : first.substring(0, 1)) + last;
        if (base.length() < 3) {
            base = (base + "opus").substring(0, Math.max(3, base.length()));
        }
        base = base.length() > 20 ? base.substring(0, 20) : base;
        // names the audit trail gives to Opus itself and to the local console: never a person's login
        return RESERVED_LOGINS.contains(base) ? base + "1" : base;
    }

    /** Actors of the audit trail that are not people. */
    static final java.util.Set<String> RESERVED_LOGINS = java.util.Set.of("system", "console", "operateur-systeme");

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private void sendActivation(Connection c, Account account, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE ACCOUNTS.ACTIVATION SET USED_AT = ? WHERE ACCOUNT_ID = ? AND USED_AT IS NULL", now,
                account.id());
        int sequence = Jdbc.one(c, "SELECT COUNT(*) FROM ACCOUNTS.ACTIVATION WHERE ACCOUNT_ID = ?",
                rs -> rs.getInt(1), account.id()).orElse(0) + 1;
        String token = Secrets.token();
        Instant expires = now.plus(activationValidity);
        Jdbc.update(c, "INSERT INTO ACCOUNTS.ACTIVATION (TOKEN_HASH, ACCOUNT_ID, CREATED_AT, EXPIRES_AT)"
                + " VALUES (?, ?, ?, ?)", Secrets.sha256(token), account.id(), now, expires);
        outbox.enqueue(c, Mails.activation(account, publicUrl + "/activation#" + token, expires, sequence));
    }

    private static Store.ConventionRow inForce(Connection c, String partnerId, Instant now) throws SQLException {
        return Store.currentConvention(c, partnerId).filter(r -> r.inForceAt(now))
                .orElseThrow(() -> OpusException.conflict(AccountProblemCodes.NO_CONVENTION_IN_FORCE,
                        "Cette structure n'a pas de convention en vigueur : aucun compte ne peut y être ouvert.", null));
    }

    /** Takes one seat of the quota, or refuses: the conditional update is the atomic check. */
    private static void takeSeat(Connection c, Store.ConventionRow convention) throws SQLException {
        int taken = Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET SEATS_USED = SEATS_USED + 1"
                + " WHERE ID = ? AND SEATS_USED < ACCOUNT_QUOTA", convention.id());
        if (taken == 0) {
            throw OpusException.conflict(AccountProblemCodes.QUOTA_REACHED,
                    "Le nombre de comptes actifs autorisés par la convention (" + convention.accountQuota()
                            + ", RGC exclu) est atteint : désactivez un compte avant d'en ouvrir un autre.", null);
        }
    }

    private static void freeSeat(Connection c, String partnerId) throws SQLException {
        Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET SEATS_USED = SEATS_USED - 1 WHERE PARTNER_ID = ?"
                + " AND STATUS IN ('ACTIVE', 'TERMINATING') AND SEATS_USED > 0", partnerId);
    }

    static void revokeTokens(Connection c, String subjectId, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE ACCOUNTS.ACCESS_TOKEN SET REVOKED_AT = ? WHERE SUBJECT_ID = ? AND REVOKED_AT IS NULL",
                now, subjectId);
    }

    @Override
    public Account account(Caller by, String accountId) {
        Account account = jdbc.read(c -> Store.account(c, accountId)).map(Store.AccountRow::account)
                .filter(a -> visible(by, a)).orElseThrow(AccountManager::accountNotFound);
        AuditLogs.write(jdbc, clock, by, null, "account.read", "account", accountId, true, null);
        return account;
    }

    /**
     * The partner a request is about: a partner's people may name only their own (another answers 404, as if it
     * did not exist) or none, meaning their own.
     */
    static String ownOr(Caller by, String partnerId) {
        if (!by.role().partnerBound()) {
            return partnerId;
        }
        if (partnerId != null && !partnerId.equals(by.partnerId())) {
            throw ConventionManager.partnerNotFound();
        }
        return by.partnerId();
    }

    @Override
    public List<Account> accounts(Caller by, String partnerId) {
        String partner = ownOr(by, partnerId);
        if (by.is(Role.COUNSELLOR, Role.PARTNER_APPLICATION, Role.FT_FEED, Role.FT_AGENT)) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "La liste des comptes est réservée au RGC et à l'opérateur régional.");
        }
        List<Account> accounts = jdbc.read(c -> partner == null
                ? Jdbc.list(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE PARTNER_ID IS NULL ORDER BY LOGIN",
                        rs -> Store.accountRow(rs).account())
                : Jdbc.list(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE PARTNER_ID = ? ORDER BY LOGIN",
                        rs -> Store.accountRow(rs).account(), partner));
        AuditLogs.write(jdbc, clock, by, null, "account.list", "partner", partner, true,
                partner == null ? "comptes France Travail" : null);
        return accounts;
    }

    private static boolean visible(Caller by, Account account) {
        if (by.is(Role.REGIONAL_OPERATOR)) {
            return true;
        }
        if (by.id().equals(account.id())) {
            return true;
        }
        return by.is(Role.ACCOUNT_MANAGER) && by.partnerId().equals(account.partnerId());
    }

    @Override
    public Account deactivate(Caller by, String accountId, String reason) {
        String why = reason == null || reason.isBlank() ? "Désactivé par " + by.login() : reason.strip();
        if (why.length() > 300) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Le motif tient en 300 caractères.", "reason");
        }
        SensitiveText.check(why, "reason"); // "arrêt maladie" and the like have no place in a status reason
        Instant now = clock.instant();
        Account done = jdbc.tx(c -> {
            Account account = managed(c, by, accountId);
            if (account.status() == AccountStatus.DEACTIVATED) {
                throw OpusException.conflict(AccountProblemCodes.ACCOUNT_STATE, "Ce compte est déjà désactivé.", null);
            }
            if (account.id().equals(by.id())) {
                throw OpusException.conflict(AccountProblemCodes.ACCOUNT_STATE,
                        "Vous ne pouvez pas désactiver votre propre compte.", null);
            }
            deactivateRow(c, account, why, now);
            AuditLog.insert(c, now, by, null, "account.deactivate", "account", accountId, true, why);
            return Store.account(c, accountId).orElseThrow().account();
        });
        Store.changed();
        return done;
    }

    /** Switches an account off, frees its seat and revokes its tokens (also used by {@link LifecycleJobs}). */
    static void deactivateRow(Connection c, Account account, String reason, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = 'DEACTIVATED', STATUS_CHANGED_AT = ?, STATUS_REASON = ?"
                + " WHERE ID = ?", now, reason, account.id());
        if (Store.holdsSeat(account.role(), account.status())) {
            freeSeat(c, account.partnerId());
        }
        revokeTokens(c, account.id(), now);
    }

    @Override
    public Account reactivate(Caller by, String accountId) {
        Instant now = clock.instant();
        Account done = jdbc.tx(c -> {
            Store.AccountRow row = managedRow(c, by, accountId);
            Account account = row.account();
            if (account.status() != AccountStatus.DEACTIVATED) {
                throw OpusException.conflict(AccountProblemCodes.ACCOUNT_STATE, "Ce compte n'est pas désactivé.", null);
            }
            if (account.role() == Role.ACCOUNT_MANAGER) {
                Store.ConventionRow convention = inForce(c, account.partnerId(), now);
                if (!account.id().equals(convention.rgcAccountId())) {
                    throw OpusException.conflict(AccountProblemCodes.ACCOUNT_STATE,
                            "Ce compte n'est plus le RGC désigné de la convention : désignez-le à nouveau.", null);
                }
            }
            if (account.role() == Role.COUNSELLOR) {
                takeSeat(c, inForce(c, account.partnerId(), now));
            }
            AccountStatus next = row.passwordHash() == null ? AccountStatus.PENDING_ACTIVATION : AccountStatus.ACTIVE;
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = ?, STATUS_CHANGED_AT = ?, STATUS_REASON = NULL,"
                    + " FAILED_LOGINS = 0, LOCKED_UNTIL = NULL, LAST_LOGIN_AT = NULL WHERE ID = ?", next, now, accountId);
            AuditLog.insert(c, now, by, null, "account.reactivate", "account", accountId, true, null);
            return Store.account(c, accountId).orElseThrow().account();
        });
        Store.changed();
        return done;
    }

    @Override
    public Account resendActivation(Caller by, String accountId) {
        Instant now = clock.instant();
        return jdbc.tx(c -> {
            Account account = managed(c, by, accountId);
            if (account.status() != AccountStatus.PENDING_ACTIVATION) {
                throw OpusException.conflict(AccountProblemCodes.ACCOUNT_STATE,
                        "Ce compte n'attend pas d'activation.", null);
            }
            sendActivation(c, account, now);
            AuditLog.insert(c, now, by, null, "account.activation-resent", "account", accountId, true, null);
            return account;
        });
    }

    /** An account the caller manages: operators all, the RGC the partner's counsellors. */
    private static Account managed(Connection c, Caller by, String accountId) throws SQLException {
        return managedRow(c, by, accountId).account();
    }

    private static Store.AccountRow managedRow(Connection c, Caller by, String accountId) throws SQLException {
        Store.AccountRow row = Store.account(c, accountId).filter(r -> visible(by, r.account()))
                .orElseThrow(AccountManager::accountNotFound);
        Account account = row.account();
        boolean allowed = by.is(Role.REGIONAL_OPERATOR)
                || (by.is(Role.ACCOUNT_MANAGER) && account.role() == Role.COUNSELLOR);
        if (!allowed) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "Vous ne gérez pas ce compte : le RGC gère les conseillers, l'opérateur régional les autres.");
        }
        return row;
    }

    @Override
    public Seats seats(Caller by, String partnerId) {
        String partner = ownOr(by, partnerId);
        if (!by.is(Role.REGIONAL_OPERATOR, Role.ACCOUNT_MANAGER) || partner == null) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN,
                    "Le compteur de places est réservé au RGC et à l'opérateur régional.");
        }
        return jdbc.read(c -> {
            if (Store.partner(c, partner).isEmpty()) {
                throw ConventionManager.partnerNotFound();
            }
            return seats(c, partner);
        });
    }

    /** The partner's seat counter, without access checks (also read by the quarterly review mail). */
    static Seats seats(Connection c, String partnerId) throws SQLException {
        Store.ConventionRow convention = Store.currentConvention(c, partnerId).orElse(null);
        List<Seat> holders = Jdbc.list(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE PARTNER_ID = ? AND ROLE = 'COUNSELLOR'"
                + " AND STATUS <> 'DEACTIVATED' ORDER BY LAST_NAME, FIRST_NAME", rs -> {
                    Account a = Store.accountRow(rs).account();
                    return new Seat(a.id(), a.login(), a.firstName(), a.lastName(), a.status(), a.lastLoginAt());
                }, partnerId);
        return new Seats(partnerId, convention == null ? 0 : convention.accountQuota(),
                convention == null ? holders.size() : convention.seatsUsed(), holders);
    }

    @Override
    public Account activate(String activationToken, String newPassword, String remoteAddress) {
        Instant now = clock.instant();
        if (activationToken == null || activationToken.isBlank() || activationToken.length() > 100) {
            throw invalidActivation();
        }
        String tokenHash = Secrets.sha256(activationToken);
        Store.AccountRow row = jdbc.read(c -> Jdbc.one(c, "SELECT a.* FROM ACCOUNTS.ACTIVATION v JOIN ACCOUNTS.ACCOUNT a"
                + " ON a.ID = v.ACCOUNT_ID WHERE v.TOKEN_HASH = ? AND v.USED_AT IS NULL AND v.EXPIRES_AT > ?",
                Store::accountRow, tokenHash, now)).orElseThrow(AccountManager::invalidActivation);
        Account account = row.account();
        if (account.status() != AccountStatus.PENDING_ACTIVATION) {
            throw invalidActivation();
        }
        checkPolicy(newPassword, account);
        String hash = hasher.hash(newPassword);
        Account activated = jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE ACCOUNTS.ACTIVATION SET USED_AT = ? WHERE TOKEN_HASH = ? AND USED_AT IS NULL",
                    now, tokenHash) == 0) {
                throw invalidActivation(); // used concurrently
            }
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = 'ACTIVE', PASSWORD_HASH = ?, PASSWORD_CHANGED_AT = ?,"
                    + " STATUS_CHANGED_AT = ? WHERE ID = ? AND STATUS = 'PENDING_ACTIVATION'", hash, now, now,
                    account.id());
            AuditLog.insert(c, now, null, remoteAddress, "account.activate", "account", account.id(), true,
                    account.login());
            return Store.account(c, account.id()).orElseThrow().account();
        });
        Store.changed();
        return activated;
    }

    @Override
    public void changePassword(Caller by, String currentPassword, String newPassword) {
        if (by.role().machine()) {
            throw OpusException.forbidden(SecurityProblemCodes.FORBIDDEN, "Une application n'a pas de mot de passe.");
        }
        Store.AccountRow row = jdbc.read(c -> Store.account(c, by.id())).orElseThrow(AccountManager::accountNotFound);
        if (currentPassword == null || !hasher.verify(currentPassword, row.passwordHash())) {
            AuditLogs.write(jdbc, clock, by, null, "account.password-change", "account", by.id(), false,
                    "mot de passe actuel erroné");
            throw OpusException.invalid(AccountProblemCodes.WRONG_PASSWORD, "Le mot de passe actuel est erroné.",
                    "currentPassword");
        }
        checkPolicy(newPassword, row.account());
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        jdbc.tx(c -> {
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET PASSWORD_HASH = ?, PASSWORD_CHANGED_AT = ? WHERE ID = ?", hash,
                    now, by.id());
            AuditLog.insert(c, now, by, null, "account.password-change", "account", by.id(), true, null);
            return null;
        });
        Store.changed();
    }

    private static void checkPolicy(String password, Account account) {
        PasswordPolicy.refusal(password, account.login(), account.firstName(), account.lastName())
                .ifPresent(reason -> {
                    throw OpusException.invalid(AccountProblemCodes.WEAK_PASSWORD, reason, "password");
                });
    }

    private static PersonDraft validate(PersonDraft person) {
        if (person == null) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON, "La personne est absente.", null);
        }
        String first = person.firstName() == null ? "" : person.firstName().strip();
        String last = person.lastName() == null ? "" : person.lastName().strip();
        String email = person.email() == null ? "" : person.email().strip();
        if (!NAME.matcher(first).matches()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Le prénom est obligatoire (lettres, espaces, apostrophes et traits d'union ; 100 caractères au plus).",
                    "firstName");
        }
        if (!NAME.matcher(last).matches()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "Le nom est obligatoire (lettres, espaces, apostrophes et traits d'union ; 100 caractères au plus).",
                    "lastName");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                    "L'adresse électronique est invalide (elle reçoit le lien d'activation).", "email");
        }
        return new PersonDraft(first, last, email);
    }

    @Override
    public PersonalData personalData(Caller by, String accountId) {
        Instant now = clock.instant();
        PersonalData data = jdbc.read(c -> {
            Account account = Store.account(c, accountId).map(Store.AccountRow::account).filter(a -> visible(by, a))
                    .orElseThrow(AccountManager::accountNotFound);
            List<PersonalData.Activation> activations = Jdbc.list(c, "SELECT CREATED_AT, EXPIRES_AT, USED_AT"
                    + " FROM ACCOUNTS.ACTIVATION WHERE ACCOUNT_ID = ? ORDER BY CREATED_AT",
                    rs -> new PersonalData.Activation(Jdbc.instant(rs, "CREATED_AT"), Jdbc.instant(rs, "EXPIRES_AT"),
                            Jdbc.instant(rs, "USED_AT")), accountId);
            List<PersonalData.Session> sessions = Jdbc.list(c, "SELECT ISSUED_AT, EXPIRES_AT, REVOKED_AT"
                    + " FROM ACCOUNTS.ACCESS_TOKEN WHERE SUBJECT_KIND = 'A' AND SUBJECT_ID = ? ORDER BY ISSUED_AT",
                    rs -> new PersonalData.Session(Jdbc.instant(rs, "ISSUED_AT"), Jdbc.instant(rs, "EXPIRES_AT"),
                            Jdbc.instant(rs, "REVOKED_AT")), accountId);
            List<String> designations = account.partnerId() == null ? List.of() : Jdbc.list(c,
                    "SELECT V.CONVENTION_ID, V.VERSION FROM ACCOUNTS.CONVENTION_VERSION V"
                            + " JOIN ACCOUNTS.CONVENTION C ON C.ID = V.CONVENTION_ID"
                            + " WHERE C.PARTNER_ID = ? AND V.SNAPSHOT LIKE ? ORDER BY V.CHANGED_AT",
                    rs -> rs.getString(1) + "/v" + rs.getInt(2), account.partnerId(),
                    "%\"rgcAccountId\":\"" + accountId + "\"%");
            List<AuditEvent> actions = Jdbc.list(c, "SELECT * FROM ACCOUNTS.AUDIT_EVENT WHERE ACTOR = ? ORDER BY ID",
                    AuditLog::event, account.login());
            // what others did to the account: who (a professional login) and when, never where they were
            List<AuditEvent> events = Jdbc.list(c, "SELECT * FROM ACCOUNTS.AUDIT_EVENT WHERE SUBJECT_ID = ?"
                    + " ORDER BY ID", AuditLog::event, accountId).stream()
                    .map(e -> account.login().equals(e.actor()) ? e : new AuditEvent(e.id(), e.at(), e.actor(),
                            e.actorRole(), e.actorPartner(), null, e.action(), e.subjectType(), e.subjectId(),
                            e.outcome(), e.detail()))
                    .toList();
            return new PersonalData(now, account, activations, sessions, designations, actions, events);
        });
        AuditLogs.write(jdbc, clock, by, null, "account.export", "account", accountId, true, null);
        return data;
    }

    @Override
    public Account rectify(Caller by, String accountId, PersonDraft corrected, String reason) {
        Instant now = clock.instant();
        Account done = jdbc.tx(c -> {
            // whose account first: another partner's people learn nothing, not even that their input was wrong.
            // Only who manages an account corrects it (the RGC its counsellors, an operator the others): a person
            // renaming their own account, or an RGC its own, could hand a personal account to someone else.
            Account account = managedRow(c, by, accountId).account();
            PersonDraft clean = validate(corrected);
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty() || why.length() > 300) {
                throw OpusException.invalid(AccountProblemCodes.INVALID_PERSON,
                        "Le motif de la rectification est obligatoire (300 caractères au plus).", "reason");
            }
            SensitiveText.check(why, "reason");
            List<String> changed = new java.util.ArrayList<>();
            if (!account.firstName().equals(clean.firstName())) {
                changed.add("prénom");
            }
            if (!account.lastName().equals(clean.lastName())) {
                changed.add("nom");
            }
            if (!account.email().equalsIgnoreCase(clean.email())) {
                changed.add("adresse électronique");
            }
            Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET FIRST_NAME = ?, LAST_NAME = ?, EMAIL = ? WHERE ID = ?",
                    clean.firstName(), clean.lastName(), clean.email(), accountId);
            if (!account.email().equalsIgnoreCase(clean.email())) {
                // the previous address hears of it: a hijacked account cannot silently redirect its mail
                outbox.enqueue(c, Mails.emailChanged(account, clean.email(), by, now));
            }
            // which fields changed and why, never the values: the audit trail must not keep what was corrected
            AuditLog.insert(c, now, by, null, "account.rectify", "account", accountId, true,
                    (changed.isEmpty() ? "aucun changement" : String.join(", ", changed)) + " — " + why);
            return Store.account(c, accountId).orElseThrow().account();
        });
        Store.changed();
        return done;
    }

    private static boolean isOperator(Caller by) {
        return by != null && by.is(Role.REGIONAL_OPERATOR);
    }

    static OpusException accountNotFound() {
        return OpusException.notFound(AccountProblemCodes.ACCOUNT_NOT_FOUND, "Aucun compte ne porte cet identifiant.");
    }

    private static OpusException invalidActivation() {
        return OpusException.invalid(AccountProblemCodes.INVALID_ACTIVATION,
                "Ce lien d'activation est inconnu, déjà utilisé ou expiré : demandez-en un nouveau à votre RGC.",
                "token");
    }
}
