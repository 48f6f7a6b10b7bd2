package fr.opus.accounts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.ConventionStatus;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.Seats;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Role;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled life-cycle of accounts and conventions (DOMAIN §2), on one thread of its own: shortly after
 * activation, then every {@code lifecycleMinutes}, it
 * <ol>
 * <li>records as {@code TERMINATED} (a convention version by {@value AuditLog#SYSTEM}) the conventions whose notice
 * period ended or whose end date passed, revokes the tokens of the partner's accounts and clients, and tells the RGC
 * and the region's operators when the end date was reached;</li>
 * <li>warns the partners' people whose account has not served for {@code inactivityDays − inactivityWarningDays},
 * then deactivates it at {@code inactivityDays} (never sooner than {@code inactivityWarningDays} after the
 * warning), freeing its seat; counsellors never activated lose their seat {@code inactivityDays} after their last
 * activation link;</li>
 * <li>reminds the RGC and the region's operators of a convention's end date three months and one month before;</li>
 * <li>sends each RGC, once a calendar quarter, the list of its partner's accounts to review;</li>
 * <li>alerts the region's operators, once per situation, when a convention in force has no RGC able to act, and
 * reports those partners in health ({@code DEGRADED}) as long as it lasts.</li>
 * </ol>
 *
 * <p>Every item is its own transaction: the change, its mails ({@link MailOutbox#enqueue}) and its audit line commit
 * together or not at all. All state is in the database — the statuses, and {@code LIFECYCLE_NOTICE} for the notices
 * already given, under the key their mails carry — so a run may be repeated, interrupted or restarted: nothing is
 * done twice and nothing due is lost.
 *
 * <p>Configured by PID {@code fr.opus.accounts}, whose metatype the {@link AccountManager} declares.
 */
@Component(service = HealthIndicator.class, immediate = true, configurationPid = AccountsConfig.PID)
public class LifecycleJobs implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleJobs.class);
    /** The first run waits this long after activation, so that a starting container settles first. */
    private static final long FIRST_RUN_SECONDS = 30;

    private final Jdbc jdbc;
    private final ConventionManager conventions;
    private final MailOutbox outbox;
    private final Clock clock;
    private final int inactivityDays;
    private final Duration inactivity;
    private final Duration warning;
    private final String url;
    private final int periodMinutes;
    private final ScheduledExecutorService scheduler;
    private volatile boolean stopping;
    private volatile Instant lastRun;
    private volatile String lastError;

    @Activate
    public LifecycleJobs(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference ConventionManager conventions, @Reference MailOutbox outbox,
            @Reference(target = "(opus.schema=ACCOUNTS)") MigratedSchema schema, AccountsConfig config) {
        this(dataSource, conventions, outbox, Clock.systemUTC(), config, config.lifecycleMinutes());
        if (config.lifecycleMinutes() <= 0) {
            LOG.warn("The life-cycle jobs are off (PID {}, lifecycleMinutes = {}): no inactivity deactivation, no"
                    + " reminder, no review, no missing-RGC alert", AccountsConfig.PID, config.lifecycleMinutes());
        }
    }

    /** For tests: no scheduler, the test calls {@link #runOnce()} after moving the clock. */
    LifecycleJobs(DataSource dataSource, ConventionManager conventions, MailOutbox outbox, Clock clock,
            AccountsConfig config) {
        this(dataSource, conventions, outbox, clock, config, 0);
    }

    private LifecycleJobs(DataSource dataSource, ConventionManager conventions, MailOutbox outbox, Clock clock,
            AccountsConfig config, int periodMinutes) {
        this.jdbc = new Jdbc(dataSource);
        this.conventions = conventions;
        this.outbox = outbox;
        this.clock = clock;
        this.inactivityDays = Math.max(1, config.inactivityDays());
        int warningDays = Math.min(Math.max(0, config.inactivityWarningDays()), inactivityDays - 1);
        if (inactivityDays != config.inactivityDays() || warningDays != config.inactivityWarningDays()) {
            LOG.warn("PID {}: inactivityDays {} and inactivityWarningDays {} are out of range; {} and {} are used",
                    AccountsConfig.PID, config.inactivityDays(), config.inactivityWarningDays(), inactivityDays,
                    warningDays);
        }
        this.inactivity = Duration.ofDays(inactivityDays);
        this.warning = Duration.ofDays(warningDays);
        this.url = config.publicUrl().replaceAll("/+$", "") + "/";
        this.periodMinutes = Math.max(0, periodMinutes);
        if (this.periodMinutes == 0) {
            this.scheduler = null;
        } else {
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opus-accounts-lifecycle");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::runQuietly, FIRST_RUN_SECONDS, this.periodMinutes * 60L,
                    TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdown(); // a run in progress ends after its current item, without interrupting JDBC
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The life-cycle run did not end within 10 s; interrupting it");
                scheduler.shutdownNow();
            }
        }
    }

    private void runQuietly() {
        try {
            Tally tally = runOnce();
            if (!tally.idle()) {
                LOG.info("Life-cycle run: {}", tally);
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.warn("Life-cycle run failed: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ the run

    /** What one run did, for the log and the tests. */
    static final class Tally {
        int terminated;
        int warned;
        int deactivated;
        int reminded;
        int reviewed;
        int alerted;
        int failed;
        String firstError;

        boolean idle() {
            return terminated + warned + deactivated + reminded + reviewed + alerted + failed == 0;
        }

        @Override
        public String toString() {
            return terminated + " convention(s) terminated, " + warned + " inactivity warning(s), " + deactivated
                    + " account(s) deactivated, " + reminded + " end reminder(s), " + reviewed + " quarterly review(s), "
                    + alerted + " missing-RGC alert(s), " + failed + " failure(s)";
        }
    }

    @FunctionalInterface
    private interface Step {
        void run();
    }

    /** Runs every job once, in order: ends first, so that the others see the conventions as they now stand. */
    synchronized Tally runOnce() {
        Instant now = clock.instant();
        Tally tally = new Tally();
        job(tally, "terminations", () -> terminations(now, tally));
        job(tally, "inactivity", () -> inactivity(now, tally));
        job(tally, "end reminders", () -> reminders(now, tally));
        job(tally, "quarterly reviews", () -> reviews(now, tally));
        job(tally, "missing RGC", () -> missingRgc(now, tally));
        lastRun = now;
        lastError = tally.firstError;
        return tally;
    }

    private void job(Tally tally, String name, Step step) {
        if (!stopping) {
            attempt(tally, name, step);
        }
    }

    /** One item (or one job's listing): a failure is logged and counted, and the run goes on with the next. */
    private void attempt(Tally tally, String what, Step step) {
        if (stopping) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            tally.failed++;
            if (tally.firstError == null) {
                tally.firstError = what + ": " + e.getMessage();
            }
            LOG.warn("Life-cycle job, {}: {}", what, e.toString());
        }
    }

    // --------------------------------------------------------------------------------- 1. ends of conventions

    private void terminations(Instant now, Tally tally) {
        List<Store.ConventionRow> ended = current().stream().filter(r -> !r.inForceAt(now)).toList();
        for (Store.ConventionRow row : ended) {
            attempt(tally, "convention " + row.id(), () -> {
                if (jdbc.tx(c -> terminate(c, row.id(), now))) {
                    Store.changed();
                    tally.terminated++;
                }
            });
        }
    }

    /** Records the end the clock already made; {@code false} when the convention was changed meanwhile. */
    private boolean terminate(Connection c, String conventionId, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET VERSION = VERSION WHERE ID = ?"
                + " AND STATUS IN ('ACTIVE', 'TERMINATING')", conventionId) == 0) {
            return false; // terminated or replaced meanwhile; the update also locks the row till commit
        }
        Store.ConventionRow row = Store.convention(c, conventionId).orElseThrow();
        if (row.inForceAt(now)) {
            return false; // extended meanwhile
        }
        Instant afterEndDate = row.endsOn() == null ? null
                : row.endsOn().plusDays(1).atStartOfDay(Store.PARIS).toInstant();
        boolean expired = afterEndDate != null && !now.isBefore(afterEndDate)
                && (row.noticeEndsAt() == null || !row.noticeEndsAt().isBefore(afterEndDate));
        String reason = expired
                ? "Échéance de la convention le " + Mails.day(row.endsOn())
                        + " : elle a pris fin et tous les accès de la structure sont fermés."
                : "Fin du préavis de résiliation le " + Mails.day(row.noticeEndsAt())
                        + " : la convention est résiliée et tous les accès de la structure sont fermés.";
        Jdbc.update(c, "UPDATE ACCOUNTS.CONVENTION SET STATUS = 'TERMINATED' WHERE ID = ?", conventionId);
        // access already stopped at the deadline (ConventionRow.inForceAt); revoking makes it durable and visible
        Jdbc.update(c, "UPDATE ACCOUNTS.ACCESS_TOKEN SET REVOKED_AT = ? WHERE REVOKED_AT IS NULL"
                + " AND (SUBJECT_ID IN (SELECT ID FROM ACCOUNTS.ACCOUNT WHERE PARTNER_ID = ?)"
                + " OR SUBJECT_ID IN (SELECT ID FROM ACCOUNTS.CLIENT WHERE PARTNER_ID = ?))",
                now, row.partnerId(), row.partnerId());
        conventions.version(c, null, conventionId, now, reason, expired ? "convention.expire" : "convention.notice-end");
        if (expired) {
            Partner partner = Store.partner(c, row.partnerId()).orElseThrow();
            for (Account to : rgcAndOperators(c, row, partner)) {
                outbox.enqueue(c, Mails.conventionExpired(to, partner, row.endsOn(), url,
                        "convention-expired:" + conventionId + ":" + row.endsOn() + ":" + to.id()));
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ 2. inactivity

    /**
     * The partners' people only (RGC and counsellors, whose use DOMAIN §2 asks to watch), and only while their
     * partner's convention is in force: without it they cannot log in, and a new convention gives them a fresh
     * warning before any deactivation.
     */
    private void inactivity(Instant now, Tally tally) {
        Instant warnFrom = now.minus(inactivity).plus(warning); // last use at or before: a warning at least is due
        List<Account> candidates = jdbc.read(c -> Jdbc.list(c, "SELECT * FROM ACCOUNTS.ACCOUNT"
                + " WHERE ROLE IN ('COUNSELLOR', 'ACCOUNT_MANAGER') AND STATUS IN ('ACTIVE', 'PENDING_ACTIVATION')"
                + " AND STATUS_CHANGED_AT <= ? AND (LAST_LOGIN_AT IS NULL OR LAST_LOGIN_AT <= ?)",
                rs -> Store.accountRow(rs).account(), warnFrom, warnFrom));
        Map<String, Boolean> working = new HashMap<>();
        for (Account account : candidates) {
            attempt(tally, "account " + account.id(), () -> {
                boolean inForce = working.computeIfAbsent(account.partnerId(), p -> jdbc.read(
                        c -> Store.currentConvention(c, p)).filter(r -> r.inForceAt(now)).isPresent());
                if (!inForce) {
                    return;
                }
                if (account.status() == AccountStatus.ACTIVE) {
                    idle(account, now, tally);
                } else if (account.role() == Role.COUNSELLOR) {
                    neverActivated(account, now, tally);
                }
                // an RGC never activated keeps its account: it holds no seat and the missing-RGC alert covers it
            });
        }
    }

    /** The last use of an active account: its last login, or its (re)activation when it has not served since. */
    private static Instant lastUse(Account account) {
        Instant login = account.lastLoginAt();
        return login != null && login.isAfter(account.statusChangedAt()) ? login : account.statusChangedAt();
    }

    private void idle(Account account, Instant now, Tally tally) {
        Instant since = lastUse(account);
        Instant deadline = since.plus(inactivity);
        if (warning.isZero()) {
            if (!now.isBefore(deadline)) {
                deactivateIdle(account, since, now, tally);
            }
            return;
        }
        // a login then a new idle period gives a new key, hence a new warning
        String key = "inactivity-warning:" + account.id() + ":" + since.getEpochSecond();
        Optional<Instant> warnedAt = jdbc.read(c -> givenAt(c, key));
        if (warnedAt.isEmpty()) {
            Instant at = deadline.isAfter(now.plus(warning)) ? deadline : now.plus(warning);
            LocalDate on = LocalDate.ofInstant(at, Store.PARIS);
            boolean warned = jdbc.tx(c -> {
                Account fresh = Store.account(c, account.id()).map(Store.AccountRow::account).orElse(null);
                if (fresh == null || fresh.status() != AccountStatus.ACTIVE || !lastUse(fresh).equals(since)
                        || !claim(c, key, "account", account.id(), now)) {
                    return false;
                }
                outbox.enqueue(c, Mails.inactivityWarning(fresh, since, fresh.lastLoginAt() == null, on,
                        inactivityDays, url, key));
                AuditLog.insertSystem(c, now, "account.inactivity-warning", "account", account.id(),
                        "sans connexion depuis le " + Mails.day(since) + ", désactivation prévue le " + Mails.day(on));
                return true;
            });
            if (warned) {
                tally.warned++;
            }
        } else if (!now.isBefore(deadline) && !now.isBefore(warnedAt.get().plus(warning))) {
            deactivateIdle(account, since, now, tally);
        }
    }

    private void deactivateIdle(Account account, Instant since, Instant now, Tally tally) {
        boolean neverUsed = account.lastLoginAt() == null;
        String reason = "Désactivé automatiquement : aucune connexion depuis " + (neverUsed ? "son activation le " : "le ")
                + Mails.day(since) + ", soit plus de " + inactivityDays + " jours";
        boolean done = jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = STATUS WHERE ID = ? AND STATUS = 'ACTIVE'",
                    account.id()) == 0) {
                return false; // deactivated meanwhile; the update also locks the row against a login till commit
            }
            Account fresh = Store.account(c, account.id()).orElseThrow().account();
            if (!lastUse(fresh).equals(since)) {
                return false; // logged in meanwhile
            }
            AccountManager.deactivateRow(c, fresh, reason, now);
            AuditLog.insertSystem(c, now, "account.inactivity-deactivate", "account", account.id(), reason);
            outbox.enqueue(c, Mails.inactivityDeactivated(fresh, since, neverUsed, inactivityDays,
                    "inactivity-deactivated:" + account.id() + ":" + since.getEpochSecond()));
            return true;
        });
        if (done) {
            Store.changed();
            tally.deactivated++;
        }
    }

    /**
     * A counsellor never activated holds a seat of the quota: once its last activation link has gone unanswered for
     * {@code inactivityDays}, the account is switched off and the seat freed. No mail: its holder has no working
     * link, and the RGC sees the account and its reason in the list (and may reactivate it).
     */
    private void neverActivated(Account account, Instant now, Tally tally) {
        boolean done = jdbc.tx(c -> {
            if (Jdbc.update(c, "UPDATE ACCOUNTS.ACCOUNT SET STATUS = STATUS WHERE ID = ?"
                    + " AND STATUS = 'PENDING_ACTIVATION'", account.id()) == 0) {
                return false;
            }
            Account fresh = Store.account(c, account.id()).orElseThrow().account();
            Instant lastLink = Jdbc.one(c, "SELECT CREATED_AT FROM ACCOUNTS.ACTIVATION WHERE ACCOUNT_ID = ?"
                    + " ORDER BY CREATED_AT DESC FETCH FIRST 1 ROWS ONLY", rs -> Jdbc.instant(rs, "CREATED_AT"),
                    account.id()).orElse(null);
            Instant since = lastLink != null && lastLink.isAfter(fresh.statusChangedAt()) ? lastLink
                    : fresh.statusChangedAt();
            boolean live = Jdbc.one(c, "SELECT 1 FROM ACCOUNTS.ACTIVATION WHERE ACCOUNT_ID = ? AND USED_AT IS NULL"
                    + " AND EXPIRES_AT > ?", rs -> true, account.id(), now).isPresent();
            if (live || now.isBefore(since.plus(inactivity))) {
                return false;
            }
            String reason = "Désactivé automatiquement : compte jamais activé, lien d'activation du " + Mails.day(since)
                    + " resté sans suite plus de " + inactivityDays + " jours";
            AccountManager.deactivateRow(c, fresh, reason, now);
            AuditLog.insertSystem(c, now, "account.inactivity-deactivate", "account", account.id(), reason);
            return true;
        });
        if (done) {
            Store.changed();
            tally.deactivated++;
        }
    }

    // -------------------------------------------------------------------------------------- 3. end reminders

    private void reminders(Instant now, Tally tally) {
        LocalDate today = LocalDate.ofInstant(now, Store.PARIS);
        for (Store.ConventionRow row : inForce(now)) {
            // a convention under notice ends with its notice: reminding of its end date would mislead
            if (row.status() != ConventionStatus.ACTIVE || row.endsOn() == null) {
                continue;
            }
            Mails.Milestone due = null;
            for (Mails.Milestone milestone : Mails.Milestone.values()) { // the latest one reached wins
                if (!milestone.date(row.endsOn()).isAfter(today)) {
                    due = milestone;
                }
            }
            // a milestone passed before the signature is not announced: the parties knew the date when signing
            if (due == null || (row.signedOn() != null && due.date(row.endsOn()).isBefore(row.signedOn()))) {
                continue;
            }
            Mails.Milestone milestone = due;
            // keyed by the end date: an extended convention gets its reminders again
            String key = "convention-reminder:" + row.id() + ":" + milestone.id + ":" + row.endsOn();
            attempt(tally, "convention " + row.id(), () -> {
                boolean sent = jdbc.tx(c -> {
                    Store.ConventionRow fresh = Store.convention(c, row.id()).orElseThrow();
                    if (fresh.status() != ConventionStatus.ACTIVE || !row.endsOn().equals(fresh.endsOn())
                            || !claim(c, key, "convention", row.id(), now)) {
                        return false;
                    }
                    Partner partner = Store.partner(c, row.partnerId()).orElseThrow();
                    List<Account> recipients = rgcAndOperators(c, fresh, partner);
                    for (Account to : recipients) {
                        outbox.enqueue(c, Mails.conventionEnding(to, partner, row.endsOn(), milestone, url,
                                key + ":" + to.id()));
                    }
                    AuditLog.insertSystem(c, now, "convention.reminder", "convention", row.id(), "fin le "
                            + Mails.day(row.endsOn()) + " (" + milestone.when + ") : " + recipients.size()
                            + " destinataire(s)");
                    return true;
                });
                if (sent) {
                    tally.reminded++;
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------- 4. quarterly review

    private void reviews(Instant now, Tally tally) {
        LocalDate today = LocalDate.ofInstant(now, Store.PARIS);
        int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate quarterStart = LocalDate.of(today.getYear(), (quarter - 1) * 3 + 1, 1);
        String label = (quarter == 1 ? "1er" : quarter + "e") + " trimestre " + today.getYear();
        String period = today.getYear() + "-Q" + quarter;
        for (Store.ConventionRow row : inForce(now)) {
            // the quarter of the signature is skipped: the accounts were just opened
            if (row.rgcAccountId() == null || row.signedOn() == null || !row.signedOn().isBefore(quarterStart)) {
                continue;
            }
            String key = "accounts-review:" + row.id() + ":" + period;
            attempt(tally, "convention " + row.id(), () -> {
                boolean sent = jdbc.tx(c -> {
                    // no active RGC: nothing is recorded, so the RGC designated later this quarter gets the review
                    Account rgc = Store.account(c, row.rgcAccountId()).map(Store.AccountRow::account)
                            .filter(a -> a.role() == Role.ACCOUNT_MANAGER && a.status() == AccountStatus.ACTIVE
                                    && reachable(a))
                            .orElse(null);
                    if (rgc == null || !claim(c, key, "convention", row.id(), now)) {
                        return false;
                    }
                    Partner partner = Store.partner(c, row.partnerId()).orElseThrow();
                    Seats seats = AccountManager.seats(c, row.partnerId());
                    outbox.enqueue(c, Mails.accountsReview(rgc, partner, seats, label, inactivityDays, url, key));
                    AuditLog.insertSystem(c, now, "accounts.review-mail", "convention", row.id(),
                            label + " : " + seats.holders().size() + " compte(s) à revoir, envoyé à " + rgc.login());
                    return true;
                });
                if (sent) {
                    tally.reviewed++;
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------ 5. no RGC

    /** Why a partner has no RGC able to act. */
    enum RgcGap { NONE, DEACTIVATED, NOT_ACTIVATED }

    /**
     * A convention in force whose partner has no RGC able to act: none designated, the RGC's account switched off,
     * or never activated while its last link has expired.
     *
     * @param since when the situation began (deactivation, link expiry); {@code null} for {@link RgcGap#NONE}
     */
    record RgcIncident(String conventionId, String partnerId, String partnerName, String safirCode, String region,
            String rgcAccountId, RgcGap gap, Instant since) {

        /** One alert per situation: a reactivated then again deactivated RGC, or a new expired link, is a new one. */
        String key() {
            return "rgc-missing:" + conventionId + ":" + (gap == RgcGap.NONE ? "none"
                    : rgcAccountId + ":" + gap.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":"
                            + since.getEpochSecond());
        }

        /** In French, to follow "n'a pas de RGC en fonction : ". */
        String situation() {
            return switch (gap) {
                case NONE -> "aucun RGC n'a été désigné";
                case DEACTIVATED -> "le compte de son RGC est désactivé depuis le " + Mails.day(since);
                case NOT_ACTIVATED -> "le RGC désigné n'a pas activé son compte et son lien d'activation a expiré le "
                        + Mails.day(since);
            };
        }
    }

    /** The conventions in force whose partner lacks a valid RGC now; one query, also used by {@link #check()}. */
    static List<RgcIncident> rgcIncidents(Connection c, Instant now) throws SQLException {
        List<RgcIncident> incidents = new ArrayList<>();
        for (Object[] r : Jdbc.list(c, "SELECT " + Store.conventionColumns("c") + ", p.NAME AS PARTNER_NAME,"
                + " p.SAFIR_CODE, p.REGION, a.ID AS RGC_ID, a.STATUS AS RGC_STATUS, a.STATUS_CHANGED_AT AS RGC_SINCE,"
                + " (SELECT MAX(v.EXPIRES_AT) FROM ACCOUNTS.ACTIVATION v WHERE v.ACCOUNT_ID = a.ID"
                + " AND v.USED_AT IS NULL) AS LINK_EXPIRES"
                + " FROM ACCOUNTS.CONVENTION c JOIN ACCOUNTS.PARTNER p ON p.ID = c.PARTNER_ID"
                + " LEFT JOIN ACCOUNTS.ACCOUNT a ON a.ID = c.RGC_ACCOUNT_ID"
                + " WHERE c.STATUS IN ('ACTIVE', 'TERMINATING') AND (a.ID IS NULL OR a.STATUS <> 'ACTIVE')"
                + " ORDER BY p.NAME", rs -> new Object[] {Store.conventionRow(rs), rs.getString("PARTNER_NAME"),
                        rs.getString("SAFIR_CODE"), rs.getString("REGION"), rs.getString("RGC_ID"),
                        rs.getString("RGC_STATUS"), Jdbc.instant(rs, "RGC_SINCE"), Jdbc.instant(rs, "LINK_EXPIRES")})) {
            Store.ConventionRow row = (Store.ConventionRow) r[0];
            if (!row.inForceAt(now)) {
                continue;
            }
            String rgcId = (String) r[4];
            RgcGap gap;
            Instant since;
            if (rgcId == null) {
                gap = RgcGap.NONE;
                since = null;
            } else if (AccountStatus.DEACTIVATED.name().equals(r[5])) {
                gap = RgcGap.DEACTIVATED;
                since = (Instant) r[6];
            } else {
                Instant linkExpires = (Instant) r[7];
                if (linkExpires != null && linkExpires.isAfter(now)) {
                    continue; // designated lately: its link is still valid
                }
                gap = RgcGap.NOT_ACTIVATED;
                since = linkExpires != null ? linkExpires : (Instant) r[6];
            }
            incidents.add(new RgcIncident(row.id(), row.partnerId(), (String) r[1], (String) r[2], (String) r[3],
                    rgcId, gap, since));
        }
        return incidents;
    }

    private void missingRgc(Instant now, Tally tally) {
        for (RgcIncident incident : jdbc.read(c -> rgcIncidents(c, now))) {
            attempt(tally, "convention " + incident.conventionId(), () -> {
                boolean sent = jdbc.tx(c -> {
                    if (!claim(c, incident.key(), "convention", incident.conventionId(), now)) {
                        return false;
                    }
                    Partner partner = Store.partner(c, incident.partnerId()).orElseThrow();
                    List<Account> operators = operators(c, partner.region());
                    // operators may read why the RGC was switched off; health, which anyone reads, does not say
                    String reason = incident.gap() != RgcGap.DEACTIVATED ? null : Store.account(c,
                            incident.rgcAccountId()).map(r -> r.account().statusReason()).orElse(null);
                    String situation = incident.situation() + (reason == null ? "" : " (motif : " + reason + ")");
                    for (Account operator : operators) {
                        outbox.enqueue(c, Mails.rgcMissing(operator, partner, situation, url,
                                incident.key() + ":" + operator.id()));
                    }
                    if (operators.isEmpty()) {
                        LOG.warn("{} has no RGC able to act and no regional operator has an e-mail address to be told",
                                partner.name());
                    }
                    AuditLog.insertSystem(c, now, "convention.rgc-missing", "convention", incident.conventionId(),
                            incident.situation() + (operators.isEmpty() ? " ; aucun opérateur régional joignable"
                                    : " ; " + operators.size() + " opérateur(s) prévenu(s)"));
                    return true;
                });
                if (sent) {
                    tally.alerted++;
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ health

    @Override
    public String name() {
        return "accounts";
    }

    /** {@code DEGRADED} while a convention in force lacks a valid RGC, or when the last run met a failure. */
    @Override
    public Health check() {
        List<RgcIncident> incidents;
        try {
            incidents = jdbc.read(c -> rgcIncidents(c, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("Accounts health check failed", e);
            // health is public: the reason goes to the log, not to whoever asks
            return Health.down(Map.of("error", "base des comptes illisible (voir le journal)"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        // health is public: a count, not the partners' names (operators get those by mail)
        details.put("partnersWithoutRgc", incidents.size());
        details.put("lifecycleJobs", scheduler == null ? "arrêtées" : "toutes les " + periodMinutes + " minutes");
        Instant run = lastRun;
        if (run != null) {
            details.put("lastRun", run.toString());
        }
        String error = lastError;
        if (error != null) {
            // health is public: that the last run failed, not on which account nor why (the log says)
            details.put("lastError", "le dernier passage a rencontré une erreur (voir le journal)");
        }
        boolean degraded = !incidents.isEmpty() || error != null;
        return new Health(degraded ? Health.Status.DEGRADED : Health.Status.UP, details);
    }

    // --------------------------------------------------------------------------------------------- shared

    /** The partner's conventions active or terminating, whatever the clock says. */
    private List<Store.ConventionRow> current() {
        return jdbc.read(c -> Jdbc.list(c, "SELECT " + Store.CONVENTION_COLUMNS + " FROM ACCOUNTS.CONVENTION"
                + " WHERE STATUS IN ('ACTIVE', 'TERMINATING')", Store::conventionRow));
    }

    private List<Store.ConventionRow> inForce(Instant now) {
        return current().stream().filter(r -> r.inForceAt(now)).toList();
    }

    /** When a notice was given, if it was. */
    private static Optional<Instant> givenAt(Connection c, String key) throws SQLException {
        return Jdbc.one(c, "SELECT GIVEN_AT FROM ACCOUNTS.LIFECYCLE_NOTICE WHERE NOTICE_KEY = ?",
                rs -> Jdbc.instant(rs, "GIVEN_AT"), key);
    }

    /**
     * Records that a notice is given, in the caller's transaction; {@code false} when it already was (the key is
     * the primary key, so of two racing runs one only wins).
     */
    private static boolean claim(Connection c, String key, String subjectType, String subjectId, Instant now)
            throws SQLException {
        if (givenAt(c, key).isPresent()) {
            return false;
        }
        try {
            Jdbc.update(c, "INSERT INTO ACCOUNTS.LIFECYCLE_NOTICE (NOTICE_KEY, SUBJECT_TYPE, SUBJECT_ID, GIVEN_AT)"
                    + " VALUES (?, ?, ?, ?)", key, subjectType, subjectId, now);
            return true;
        } catch (SQLException e) {
            if (Jdbc.duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The partner's RGC (unless switched off) and the operators of its region. */
    private static List<Account> rgcAndOperators(Connection c, Store.ConventionRow convention, Partner partner)
            throws SQLException {
        List<Account> to = new ArrayList<>();
        if (convention.rgcAccountId() != null) {
            Store.account(c, convention.rgcAccountId()).map(Store.AccountRow::account)
                    .filter(a -> a.role() == Role.ACCOUNT_MANAGER && a.status() != AccountStatus.DEACTIVATED
                            && reachable(a))
                    .ifPresent(to::add);
        }
        to.addAll(operators(c, partner.region()));
        return to;
    }

    /** Active regional operators of that region, and those whose account has no region (the whole platform). */
    private static List<Account> operators(Connection c, String region) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM ACCOUNTS.ACCOUNT WHERE ROLE = 'REGIONAL_OPERATOR' AND STATUS = 'ACTIVE'"
                + " AND (REGION IS NULL OR REGION = ?) ORDER BY LOGIN", rs -> Store.accountRow(rs).account(), region)
                .stream().filter(LifecycleJobs::reachable).toList();
    }

    /** The first operator may have been made without an address. */
    private static boolean reachable(Account account) {
        return account.email() != null && account.email().contains("@");
    }
}
