package fr.opus.accounts.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the accounts capability (PID {@code fr.opus.accounts}). */
@ObjectClassDefinition(name = "Opus accounts",
        description = "Accounts, logins, tokens and activation links")
public @interface AccountsConfig {

    String PID = "fr.opus.accounts";

    @AttributeDefinition(description = "Address of Opus as people reach it, used in the links of mails")
    String publicUrl() default "http://localhost:8181";

    @AttributeDefinition(description = "Hours an activation link stays valid")
    int activationHours() default 72;

    @AttributeDefinition(description = "Minutes a person's bearer token stays valid")
    int sessionMinutes() default 30;

    @AttributeDefinition(description = "Seconds a client's token stays valid (France Travail: 1499)")
    int clientTokenSeconds() default 1499;

    @AttributeDefinition(description = "Failed logins in a row before the account is locked for a while")
    int lockoutThreshold() default 5;

    @AttributeDefinition(description = "Longest lock after repeated failures, in minutes (the lock doubles each time)")
    int lockoutMaxMinutes() default 60;

    @AttributeDefinition(description = "Argon2id memory in KiB (OWASP: 19456)")
    int argon2MemoryKiB() default 19_456;

    @AttributeDefinition(description = "Argon2id passes (OWASP: 2)")
    int argon2Iterations() default 2;

    @AttributeDefinition(description = "Days without a login after which the account of a partner's RGC or counsellor"
            + " is deactivated automatically (DOMAIN: 3 months)")
    int inactivityDays() default 90;

    @AttributeDefinition(description = "Days before that deactivation when its holder is warned by mail; the account is"
            + " never deactivated sooner than this after the warning (0: no warning)")
    int inactivityWarningDays() default 14;

    @AttributeDefinition(description = "Minutes between two runs of the life-cycle jobs (inactivity, convention ends"
            + " and reminders, quarterly review, missing RGC); 0 switches the jobs off")
    int lifecycleMinutes() default 60;
}
