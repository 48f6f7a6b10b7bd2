package fr.opus.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.opus.platform.api.health.Health;
import fr.opus.platform.api.mail.Mail;
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
            @Override public int timeoutSeconds() { return 5; }
        };
    }
}
