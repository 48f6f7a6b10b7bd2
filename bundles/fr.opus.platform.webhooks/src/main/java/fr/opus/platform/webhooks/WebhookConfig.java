package fr.opus.platform.webhooks;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How webhooks are sent, and events handed to in-process handlers (PID {@code fr.opus.webhooks}). */
@ObjectClassDefinition(name = "Opus webhooks", description = "Sending domain events to partners' webhooks")
public @interface WebhookConfig {

    String PID = "fr.opus.webhooks";

    @AttributeDefinition(description = "Seconds between two looks for due deliveries and due"
            + " events of in-process handlers (0: no sender)")
    int pollSeconds() default 2;

    @AttributeDefinition(description = "Attempts before a delivery is marked FAILED (it can be"
            + " retried by hand); the same for an in-process handler's event")
    int maxAttempts() default 12;

    @AttributeDefinition(description = "Wait after the first failed attempt, in seconds; it doubles with each further"
            + " failure, up to one hour")
    int retryBaseSeconds() default 60;

    @AttributeDefinition(description = "Connection and answer timeout of one POST, in seconds")
    int timeoutSeconds() default 10;

    @AttributeDefinition(description = "Accept http:// URLs and loopback or private network addresses: tests and"
            + " development only. Off, only https:// URLs resolving to public addresses are called")
    boolean allowHttp() default false;
}
