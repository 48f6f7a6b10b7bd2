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

    @AttributeDefinition(description = "Days without any act on an offer after which its employer is alerted")
    int quietDays() default 15;

    @AttributeDefinition(description = "Days after publication (or after a 'still open' answer) when the employer"
            + " gets the follow-up letter")
    int followUpDays() default 30;

    @AttributeDefinition(description = "Days the employer has to answer the follow-up letter before the offer is"
            + " closed")
    int followUpAnswerDays() default 8;

    @AttributeDefinition(description = "Minutes between two runs of the contacts' jobs (0: never)")
    int jobMinutes() default 60;
}
