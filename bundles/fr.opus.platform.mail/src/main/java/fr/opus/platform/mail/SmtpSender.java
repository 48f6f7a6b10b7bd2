package fr.opus.platform.mail;

import fr.opus.platform.api.mail.Mail;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.mail.Authenticator;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;
import javax.activation.DataHandler;

/** One SMTP conversation per mail, with Jakarta Mail. */
class SmtpSender {

    private final Session session;
    private final InternetAddress from;
    private final String description;

    SmtpSender(MailConfig config) {
        Properties props = new Properties();
        String protocol = config.tls() ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", config.host());
        props.put("mail." + protocol + ".port", String.valueOf(config.port()));
        props.put("mail." + protocol + ".starttls.enable", String.valueOf(config.starttls() && !config.tls()));
        props.put("mail." + protocol + ".starttls.required", String.valueOf(config.starttls() && !config.tls()));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(config.timeoutSeconds() * 1000));
        props.put("mail." + protocol + ".timeout", String.valueOf(config.timeoutSeconds() * 1000));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(config.timeoutSeconds() * 1000));
        boolean auth = !config.username().isBlank();
        props.put("mail." + protocol + ".auth", String.valueOf(auth));
        Authenticator authenticator = auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(), config.password());
            }
        } : null;
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(config.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Invalid sender address in " + MailConfig.PID + ": " + config.from(), e);
        }
        this.description = protocol + "://" + config.host() + ":" + config.port();
    }

    void send(String to, String subject, String text, String messageId, List<Mail.Attachment> attachments)
            throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail and Activation find their handlers through the context class loader
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, "UTF-8");
            if (attachments.isEmpty()) {
                message.setText(text, "UTF-8");
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                parts.addBodyPart(body);
                for (Mail.Attachment attachment : attachments) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                            attachment.contentType())));
                    file.setFileName(attachment.fileName());
                    file.setDisposition(MimeBodyPart.ATTACHMENT);
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setSentDate(new Date());
            Transport.send(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    String describe() {
        return description;
    }
}
