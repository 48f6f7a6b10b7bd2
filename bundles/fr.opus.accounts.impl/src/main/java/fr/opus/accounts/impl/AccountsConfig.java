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
}
