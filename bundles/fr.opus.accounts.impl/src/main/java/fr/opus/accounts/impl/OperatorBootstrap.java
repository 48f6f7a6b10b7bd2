package fr.opus.accounts.impl;

import fr.opus.platform.api.persistence.Jdbc;
import fr.opus.platform.api.persistence.MigratedSchema;
import fr.opus.platform.api.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first regional operator, made at first boot when no operator account exists: login and password from the
 * environment ({@code OPUS_OPERATOR_LOGIN}, {@code OPUS_OPERATOR_PASSWORD}) or {@code etc/fr.opus.accounts.operator.cfg},
 * or else a one-time random password written once to the log. There is no default password.
 */
@Component(immediate = true, configurationPid = OperatorBootstrap.PID)
@Designate(ocd = OperatorBootstrap.Config.class)
public class OperatorBootstrap {

    static final String PID = "fr.opus.accounts.operator";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    @ObjectClassDefinition(name = "Opus first operator",
            description = "The regional operator account created at first boot; ignored once one exists")
    public @interface Config {
        @AttributeDefinition(description = "Login of the first operator (environment OPUS_OPERATOR_LOGIN wins)")
        String login() default "operateur";

        @AttributeDefinition(description = "Password of the first operator (environment OPUS_OPERATOR_PASSWORD wins);"
                + " empty: a random one is written once to the log. Remove it from this file after first boot.",
                type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "E-mail address of the first operator (environment OPUS_OPERATOR_EMAIL wins)")
        String email() default "";
    }

    /** What was done at activation, for tests. */
    enum Outcome { EXISTED, CREATED_WITH_GIVEN_PASSWORD, CREATED_WITH_RANDOM_PASSWORD }

    private final Outcome outcome;

    @Activate
    public OperatorBootstrap(@Reference(target = "(dataSourceName=opus)") DataSource dataSource,
            @Reference(target = "(opus.schema=ACCOUNTS)") MigratedSchema schema, Config config) {
        this(dataSource, config, System::getenv, Clock.systemUTC());
    }

    OperatorBootstrap(DataSource dataSource, Config config, UnaryOperator<String> environment, Clock clock) {
        this.outcome = bootstrap(new Jdbc(dataSource), config, environment, clock.instant());
    }

    Outcome outcome() {
        return outcome;
    }

    private static Outcome bootstrap(Jdbc jdbc, Config config, UnaryOperator<String> environment, Instant now) {
        boolean exists = jdbc.read(c -> Jdbc.one(c, "SELECT ID FROM ACCOUNTS.ACCOUNT WHERE ROLE = 'REGIONAL_OPERATOR'"
                + " FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1)).isPresent());
        if (exists) {
            return Outcome.EXISTED;
        }
        String login = firstOf(environment.apply("OPUS_OPERATOR_LOGIN"), config.login(), "operateur")
                .toLowerCase(Locale.ROOT);
        String email = firstOf(environment.apply("OPUS_OPERATOR_EMAIL"), config.email(), "");
        String given = firstOf(environment.apply("OPUS_OPERATOR_PASSWORD"), config.password(), null);
        if (given != null) {
            var refusal = PasswordPolicy.refusal(given, login);
            if (refusal.isPresent()) {
                LOG.error("The configured password of the first operator is refused ({}); a random one is used instead",
                        refusal.get());
                given = null;
            }
        }
        String password = given != null ? given : Secrets.password();
        String hash = new PasswordHasher(PasswordHasher.DEFAULT).hash(password);
        jdbc.tx(c -> {
            String id = UUID.randomUUID().toString();
            Jdbc.update(c, "INSERT INTO ACCOUNTS.ACCOUNT (ID, LOGIN, ROLE, FIRST_NAME, LAST_NAME, EMAIL, STATUS,"
                            + " PASSWORD_HASH, PASSWORD_CHANGED_AT, CREATED_AT, CREATED_BY, STATUS_CHANGED_AT)"
                            + " VALUES (?, ?, ?, 'Opérateur', 'Régional', ?, 'ACTIVE', ?, ?, ?, 'system', ?)",
                    id, login, Role.REGIONAL_OPERATOR, email, hash, now, now, now);
            AuditLog.insert(c, now, null, null, "account.bootstrap", "account", id, true, login);
            return null;
        });
        if (given != null) {
            LOG.info("First regional operator '{}' created with the configured password", login);
            return Outcome.CREATED_WITH_GIVEN_PASSWORD;
        }
        LOG.warn("First regional operator '{}' created. One-time password, shown only now: {}  -- change it at first"
                + " login (PUT /api/v1/accounts/me/password)", login, password);
        return Outcome.CREATED_WITH_RANDOM_PASSWORD;
    }

    private static String firstOf(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }
}
