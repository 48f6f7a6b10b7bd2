package fr.opus.platform.mail;

import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.health.HealthIndicator;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.mail.MailStatus;
import fr.opus.platform.api.persistence.MigratedSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox and its sender. {@link #enqueue} writes in the caller's transaction; one sender thread
 * delivers due mails in order, marks each SENT right after the SMTP server accepted it, and on failure retries
 * with a growing delay (1, 2, 4… minutes, at most an hour) until {@code maxAttempts}, then marks it FAILED, visible
 * in health.
 *
 * <p>Only one thread sends, so a mail is never sent twice by two senders. If Opus dies between the server's
 * acceptance and the SENT mark, the mail is sent again at restart with the same {@code Message-ID}, by which mail
 * systems recognise a duplicate.
 */
@Component(service = {MailOutbox.class, HealthIndicator.class}, configurationPid = MailConfig.PID)
@Designate(ocd = MailConfig.class)
public class Outbox implements MailOutbox, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;

    private final DataSource dataSource;
    private final SmtpSender smtp;
    private final Clock clock;
    private final int maxAttempts;
    private final long minIntervalMillis;
    private final ScheduledExecutorService sender;
    private volatile String lastError;

    @Activate
    public Outbox(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=MAIL)") MigratedSchema schema, MailConfig config) {
        this(dataSource, config.host().isBlank() ? null : new SmtpSender(config), Clock.systemUTC(),
                config.maxAttempts(), config.pollSeconds(), config.minIntervalMillis());
    }

    Outbox(DataSource dataSource, SmtpSender smtp, Clock clock, int maxAttempts, int pollSeconds) {
        this(dataSource, smtp, clock, maxAttempts, pollSeconds, 0);
    }

    Outbox(DataSource dataSource, SmtpSender smtp, Clock clock, int maxAttempts, int pollSeconds,
            long minIntervalMillis) {
        this.minIntervalMillis = Math.max(0, minIntervalMillis);
        this.dataSource = dataSource;
        this.smtp = smtp;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        if (smtp == null) {
            LOG.warn("No SMTP host is set (PID {}): mails wait in the outbox", MailConfig.PID);
            this.sender = null;
        } else if (pollSeconds > 0) {
            this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opus-mail-sender");
                t.setDaemon(true);
                return t;
            });
            sender.scheduleWithFixedDelay(this::sendDueQuietly, 1, pollSeconds, TimeUnit.SECONDS);
        } else {
            this.sender = null; // tests call sendDue() themselves
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (sender != null) {
            sender.shutdownNow();
            sender.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void enqueue(Connection transaction, Mail mail) throws SQLException {
        Instant now = clock.instant();
        String messageId = "<" + UUID.randomUUID() + "@opus>";
        try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO MAIL.OUTBOX (MAIL_KEY, RECIPIENT, SUBJECT,"
                + " BODY, MESSAGE_ID, STATUS, CREATED_AT, NEXT_ATTEMPT_AT) SELECT ?, ?, ?, ?, ?, 'PENDING', ?, ?"
                + " FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM MAIL.OUTBOX WHERE MAIL_KEY = ?)")) {
            ps.setString(1, mail.key());
            ps.setString(2, mail.to());
            ps.setString(3, mail.subject());
            ps.setString(4, mail.text());
            ps.setString(5, messageId);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, mail.key());
            if (ps.executeUpdate() == 0) {
                return; // already queued: its attachments too
            }
        }
        int seq = 0;
        for (Mail.Attachment attachment : mail.attachments()) {
            try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO MAIL.ATTACHMENT (MAIL_KEY, SEQ,"
                    + " FILE_NAME, CONTENT_TYPE, CONTENT) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, mail.key());
                ps.setInt(2, ++seq);
                ps.setString(3, attachment.fileName());
                ps.setString(4, attachment.contentType());
                ps.setBytes(5, attachment.content());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Map<String, MailStatus> status(Collection<String> keys) {
        Map<String, MailStatus> found = new LinkedHashMap<>();
        List<String> all = List.copyOf(keys);
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < all.size(); from += 100) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 100));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT MAIL_KEY, STATUS, ATTEMPTS, SENT_AT, LAST_ERROR"
                        + " FROM MAIL.OUTBOX WHERE MAIL_KEY IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Timestamp sentAt = rs.getTimestamp(4);
                            found.put(rs.getString(1), new MailStatus(rs.getString(1),
                                    MailStatus.State.valueOf(rs.getString(2)), rs.getInt(3),
                                    sentAt == null ? null : sentAt.toInstant(), rs.getString(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the mail outbox", e);
        }
        return found;
    }

    @Override
    public boolean retry(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE MAIL.OUTBOX SET STATUS = 'PENDING',"
                        + " NEXT_ATTEMPT_AT = ? WHERE MAIL_KEY = ? AND STATUS = 'FAILED'")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the mail outbox", e);
        }
    }

    private void sendDueQuietly() {
        try {
            sendDue();
        } catch (RuntimeException | SQLException e) {
            LOG.warn("Outbox round failed: {}", e.toString());
        }
    }

    record Pending(long id, String key, String to, String subject, String body, String messageId, int attempts) {
    }

    /** Sends what is due; returns how many mails were accepted by the server. */
    int sendDue() throws SQLException {
        if (smtp == null) {
            return 0;
        }
        int sent = 0;
        List<Pending> due = due();
        for (Pending mail : due) {
            if (sent > 0 && minIntervalMillis > 0) {
                try {
                    Thread.sleep(minIntervalMillis); // the SMTP relay's rate limit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Instant now = clock.instant();
            Exception failure = null;
            try {
                smtp.send(mail.to(), mail.subject(), mail.body(), mail.messageId(), attachments(mail.key()));
            } catch (Exception e) {
                failure = e;
            }
            if (failure == null) {
                // outside the try: a failure to record the success must not count as a failure to send
                update("UPDATE MAIL.OUTBOX SET STATUS = 'SENT', SENT_AT = ?, ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = NULL"
                        + " WHERE ID = ?", now, mail.id());
                sent++;
                lastError = null;
                continue;
            }
            int attempts = mail.attempts() + 1;
            String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            lastError = error;
            boolean last = attempts >= maxAttempts;
            Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
            LOG.warn("Mail {} not sent (attempt {}{}): {}", mail.id(), attempts, last ? ", the last" : "", error);
            update("UPDATE MAIL.OUTBOX SET STATUS = ?, ATTEMPTS = ?, NEXT_ATTEMPT_AT = ?, LAST_ERROR = ? WHERE ID = ?",
                    last ? "FAILED" : "PENDING", attempts, now.plus(wait),
                    error.length() > 1000 ? error.substring(0, 1000) : error, mail.id());
            if (isConnectionFailure(failure)) {
                break; // the server is away: the rest waits for the next round
            }
        }
        return sent;
    }

    private static boolean isConnectionFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private List<Pending> due() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT ID, MAIL_KEY, RECIPIENT, SUBJECT, BODY, MESSAGE_ID, ATTEMPTS"
                        + " FROM MAIL.OUTBOX WHERE STATUS = 'PENDING' AND NEXT_ATTEMPT_AT <= ? ORDER BY ID"
                        + " FETCH FIRST " + BATCH + " ROWS ONLY")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            List<Pending> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
            }
            return out;
        }
    }

    private List<Mail.Attachment> attachments(String key) throws SQLException {
        List<Mail.Attachment> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM MAIL.ATTACHMENT"
                        + " WHERE MAIL_KEY = ? ORDER BY SEQ")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return out;
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    ps.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p == null) {
                    ps.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            ps.executeUpdate();
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT STATUS, COUNT(*) FROM MAIL.OUTBOX"
                        + " WHERE STATUS <> 'SENT' GROUP BY STATUS");
                ResultSet rs = ps.executeQuery()) {
            details.put("pending", 0L);
            details.put("failed", 0L);
            while (rs.next()) {
                details.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
            }
        } catch (SQLException e) {
            return Health.down(Map.of("error", e.getMessage()));
        }
        details.put("smtp", smtp == null ? "non configuré" : smtp.describe());
        if (lastError != null) {
            details.put("lastError", lastError);
        }
        boolean degraded = smtp == null || lastError != null || ((Long) details.get("failed")) > 0;
        return new Health(degraded ? Health.Status.DEGRADED : Health.Status.UP, details);
    }
}
