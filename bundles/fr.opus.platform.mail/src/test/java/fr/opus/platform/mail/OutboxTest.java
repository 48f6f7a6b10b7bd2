package fr.opus.platform.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailStatus;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.mail.internet.MimeMessage;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private GreenMail smtp;
    private EmbeddedDataSource dataSource;

    @BeforeEach
    void setUp() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:outbox" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("MAIL").table("SCHEMA_HISTORY")
                .locations("classpath:db/mail").load().migrate();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    private Outbox outbox(int port) {
        return new Outbox(dataSource, new SmtpSender(config(port)), Clock.systemUTC(), 3, 0);
    }

    private void enqueue(Outbox outbox, Mail mail, boolean commit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.enqueue(c, mail);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void sendsCommittedMailOnceInFrench() throws Exception {
        Outbox outbox = outbox(smtp.getSmtp().getPort());
        enqueue(outbox, new Mail("lea@example.org", "Activez votre compte Opus", "Bonjour Léa,\nVoici votre lien.", "k1"),
                true);
        enqueue(outbox, new Mail("lea@example.org", "Activez votre compte Opus", "doublon", "k1"), true);

        assertEquals(1, outbox.sendDue());
        assertEquals(0, outbox.sendDue());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Activez votre compte Opus", received[0].getSubject());
        assertTrue(((String) received[0].getContent()).contains("Bonjour Léa"));
        assertTrue(received[0].getMessageID().endsWith("@opus>"));
    }

    @Test
    void rolledBackChangeSendsNothing() throws Exception {
        Outbox outbox = outbox(smtp.getSmtp().getPort());
        enqueue(outbox, new Mail("a@example.org", "Sujet", "Texte", "k2"), false);
        assertEquals(0, outbox.sendDue());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void unreachableServerKeepsMailPendingThenDelivers() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Outbox down = outbox(port);
        enqueue(down, new Mail("b@example.org", "Sujet", "Texte", "k3"), true);
        assertEquals(0, down.sendDue());
        Health health = down.check();
        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals(1L, health.details().get("pending"));

        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE MAIL.OUTBOX SET NEXT_ATTEMPT_AT = CURRENT_TIMESTAMP");
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(1, outbox(port).sendDue());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void sendsAttachmentsOnceWithTheirMailAndReportsWhereEachStands() throws Exception {
        Outbox outbox = outbox(smtp.getSmtp().getPort());
        byte[] pdf = "%PDF-1.7 liste".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Mail withList = new Mail("employeur@example.org", "Candidats pour votre offre 201WLXK",
                "Bonjour,\nVoici la liste.", "presentation:p1:employer",
                java.util.List.of(new Mail.Attachment("candidats-201WLXK.pdf", "application/pdf", pdf)));
        enqueue(outbox, withList, true);
        enqueue(outbox, withList, true); // queued twice: one mail, one attachment
        enqueue(outbox, new Mail("c@example.org", "Sujet", "Texte", "never-sent"), false);

        assertEquals(MailStatus.State.PENDING,
                outbox.status(java.util.List.of("presentation:p1:employer")).get("presentation:p1:employer").state());
        assertEquals(1, outbox.sendDue());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        javax.mail.internet.MimeMultipart parts = (javax.mail.internet.MimeMultipart) received[0].getContent();
        assertEquals(2, parts.getCount());
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Voici la liste"));
        assertEquals("candidats-201WLXK.pdf", parts.getBodyPart(1).getFileName());
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("application/pdf"));
        assertArrayEquals(pdf, parts.getBodyPart(1).getInputStream().readAllBytes());

        java.util.Map<String, MailStatus> status = outbox.status(java.util.List.of("presentation:p1:employer",
                "never-sent"));
        assertEquals(java.util.Set.of("presentation:p1:employer"), status.keySet());
        assertEquals(MailStatus.State.SENT, status.get("presentation:p1:employer").state());
        assertEquals(1, status.get("presentation:p1:employer").attempts());
    }

    @Test
    void failedMailIsVisibleAndCanBeRetried() throws Exception {
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        Outbox down = new Outbox(dataSource, new SmtpSender(config(port)), Clock.systemUTC(), 1, 0);
        enqueue(down, new Mail("d@example.org", "Sujet", "Texte", "k4"), true);
        assertEquals(0, down.sendDue());
        MailStatus failed = down.status(java.util.List.of("k4")).get("k4");
        assertEquals(MailStatus.State.FAILED, failed.state());
        assertTrue(failed.lastError() != null && !failed.lastError().isBlank());
        assertFalse(down.retry("unknown"));

        assertTrue(down.retry("k4"));
        assertFalse(down.retry("k4"), "only a failed mail is retried");
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(1, outbox(port).sendDue());
        assertEquals(MailStatus.State.SENT, down.status(java.util.List.of("k4")).get("k4").state());
    }

    static MailConfig config(int port) {
        return new MailConfig() {
            @Override public Class<? extends Annotation> annotationType() { return MailConfig.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public boolean starttls() { return false; }
            @Override public boolean tls() { return false; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public String from() { return "Opus <ne-pas-repondre@opus.invalid>"; }
            @Override public int pollSeconds() { return 0; }
            @Override public int maxAttempts() { return 3; }
            @Override public long minIntervalMillis() { return 0; }
            @Override public int timeoutSeconds() { return 5; }
        };
    }
}
