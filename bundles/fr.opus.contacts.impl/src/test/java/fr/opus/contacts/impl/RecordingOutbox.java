package fr.opus.contacts.impl;

import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.mail.MailStatus;
import fr.opus.platform.api.persistence.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Mail and event outboxes that write, like the platform's, in the caller's transaction (tables of their own in the
 * test database): what a rolled-back change queued is gone.
 */
final class RecordingOutbox implements MailOutbox, EventOutbox {

    record Sent(String to, String subject, String text, String key, List<String> attachments) {
    }

    private final Jdbc jdbc;
    private final Map<String, byte[]> attachments = new java.util.concurrent.ConcurrentHashMap<>();

    RecordingOutbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        jdbc.tx(c -> {
            Jdbc.update(c, "CREATE TABLE TEST_MAIL (MAIL_KEY VARCHAR(200) PRIMARY KEY, RECIPIENT VARCHAR(254),"
                    + " SUBJECT VARCHAR(300), BODY VARCHAR(32000), FILES VARCHAR(1000), STATUS VARCHAR(10),"
                    + " SEQ BIGINT GENERATED ALWAYS AS IDENTITY)");
            Jdbc.update(c, "CREATE TABLE TEST_EVENT (ID VARCHAR(200) PRIMARY KEY, TYPE VARCHAR(100),"
                    + " PARTNERS VARCHAR(1000), DATA VARCHAR(4000), SEQ BIGINT GENERATED ALWAYS AS IDENTITY)");
            return null;
        });
    }

    @Override
    public void enqueue(Connection transaction, Mail mail) throws SQLException {
        if (Jdbc.one(transaction, "SELECT 1 FROM TEST_MAIL WHERE MAIL_KEY = ?", rs -> 1, mail.key()).isPresent()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Mail.Attachment a : mail.attachments()) {
            names.add(a.fileName());
            attachments.put(mail.key() + "/" + a.fileName(), a.content());
        }
        Jdbc.update(transaction, "INSERT INTO TEST_MAIL (MAIL_KEY, RECIPIENT, SUBJECT, BODY, FILES, STATUS)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING')", mail.key(), mail.to(), mail.subject(), mail.text(),
                String.join(",", names));
    }

    @Override
    public Map<String, MailStatus> status(Collection<String> keys) {
        Map<String, MailStatus> out = new LinkedHashMap<>();
        for (String key : keys) {
            jdbc.read(c -> Jdbc.one(c, "SELECT STATUS FROM TEST_MAIL WHERE MAIL_KEY = ?", rs -> rs.getString(1), key))
                    .ifPresent(s -> out.put(key, new MailStatus(key, MailStatus.State.valueOf(s),
                            s.equals("PENDING") ? 0 : 1, null, s.equals("FAILED") ? "550 boîte inconnue" : null)));
        }
        return out;
    }

    @Override
    public boolean retry(String key) {
        return jdbc.tx(c -> Jdbc.update(c, "UPDATE TEST_MAIL SET STATUS = 'PENDING' WHERE MAIL_KEY = ?"
                + " AND STATUS = 'FAILED'", key)) == 1;
    }

    /** Marks a queued mail as the sender would. */
    void mark(String key, MailStatus.State state) {
        jdbc.tx(c -> Jdbc.update(c, "UPDATE TEST_MAIL SET STATUS = ? WHERE MAIL_KEY = ?", state.name(), key));
    }

    @Override
    public void publish(Connection transaction, DomainEvent event) throws SQLException {
        if (Jdbc.one(transaction, "SELECT 1 FROM TEST_EVENT WHERE ID = ?", rs -> 1, event.id()).isPresent()) {
            return;
        }
        Jdbc.update(transaction, "INSERT INTO TEST_EVENT (ID, TYPE, PARTNERS, DATA) VALUES (?, ?, ?, ?)", event.id(),
                event.type(), String.join(",", new java.util.TreeSet<>(event.partnerIds())),
                new java.util.TreeMap<>(event.data()).toString());
    }

    List<Sent> mails() {
        return jdbc.read(c -> Jdbc.list(c, "SELECT * FROM TEST_MAIL ORDER BY SEQ", rs -> new Sent(
                rs.getString("RECIPIENT"), rs.getString("SUBJECT"), rs.getString("BODY"), rs.getString("MAIL_KEY"),
                rs.getString("FILES").isEmpty() ? List.of() : List.of(rs.getString("FILES").split(",")))));
    }

    List<Sent> mailsTo(String recipient) {
        return mails().stream().filter(m -> m.to().equals(recipient)).toList();
    }

    byte[] attachment(String key, String fileName) {
        return attachments.get(key + "/" + fileName);
    }

    /** Events as "type data", oldest first. */
    List<String> events() {
        return jdbc.read(c -> Jdbc.list(c, "SELECT TYPE, PARTNERS, DATA FROM TEST_EVENT ORDER BY SEQ",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
    }
}
