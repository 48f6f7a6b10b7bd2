package fr.opus.platform.mail;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** SMTP settings of the outbox sender (PID {@code fr.opus.mail}). */
@ObjectClassDefinition(name = "Opus mail", description = "SMTP server and sending policy")
public @interface MailConfig {

    String PID = "fr.opus.mail";

    @AttributeDefinition(description = "SMTP host; empty: mails are kept in the outbox, unsent, until one is set")
    String host() default "";

    @AttributeDefinition(description = "SMTP port (587 with STARTTLS, 465 with TLS, 25 plain)")
    int port() default 587;

    @AttributeDefinition(description = "Require STARTTLS before authenticating")
    boolean starttls() default true;

    @AttributeDefinition(description = "Connect with TLS from the start (port 465)")
    boolean tls() default false;

    @AttributeDefinition(description = "SMTP user; empty: no authentication")
    String username() default "";

    @AttributeDefinition(description = "SMTP password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Sender address")
    String from() default "Opus <ne-pas-repondre@opus.invalid>";

    @AttributeDefinition(description = "Seconds between two looks at the outbox")
    int pollSeconds() default 2;

    @AttributeDefinition(description = "Attempts before a mail is marked failed (it stays in the outbox)")
    int maxAttempts() default 12;

    @AttributeDefinition(description = "Least milliseconds between two mails, for relays that limit the rate; 0: none")
    long minIntervalMillis() default 0;

    @AttributeDefinition(description = "Socket timeouts in seconds")
    int timeoutSeconds() default 20;
}
