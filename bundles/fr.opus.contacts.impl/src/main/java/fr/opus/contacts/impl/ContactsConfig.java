package fr.opus.contacts.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the contacts capability (PID {@code fr.opus.contacts}). */
@ObjectClassDefinition(name = "Opus contacts", description = "Job seekers and acts on offers")
public @interface ContactsConfig {

    String PID = "fr.opus.contacts";

    @AttributeDefinition(description = "Days without news from the employer after which a transmitted act is"
            + " closed as 'no answer'")
    int noAnswerDays() default 30;

    @AttributeDefinition(description = "Minutes between two runs of the contacts' jobs (0: never)")
    int jobMinutes() default 60;
}
