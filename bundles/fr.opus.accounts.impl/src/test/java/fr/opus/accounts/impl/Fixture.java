package fr.opus.accounts.impl;

import fr.opus.accounts.api.Address;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDraft;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.referentials.api.Region;
import fr.opus.referentials.api.ReferentialService;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/** The accounts capability on a fresh in-memory Derby, with a settable clock and a mailbox instead of SMTP. */
final class Fixture {

    static final Caller SYSTEM_OPERATOR = new Caller("op-0", "operateur", Role.REGIONAL_OPERATOR, null, null, null,
            Set.of(), Set.of(), "127.0.0.1");

    /** A clock tests can move. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Mails as the outbox would queue them (committed or not: the tests check the transactional one apart). */
    static final class Mailbox implements MailOutbox {
        final List<Mail> mails = new CopyOnWriteArrayList<>();

        @Override
        public void enqueue(Connection transaction, Mail mail) {
            mails.add(mail);
        }

        @Override
        public java.util.Map<String, fr.opus.platform.api.mail.MailStatus> status(java.util.Collection<String> keys) {
            throw new AssertionError("accounts never asks where a mail stands");
        }

        @Override
        public boolean retry(String key) {
            throw new AssertionError("accounts never retries a mail");
        }

        String lastActivationToken(String email) {
            for (int i = mails.size() - 1; i >= 0; i--) {
                Mail m = mails.get(i);
                if (m.to().equals(email)) {
                    Matcher matcher = Pattern.compile("/activation#([A-Za-z0-9_-]+)").matcher(m.text());
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
            }
            throw new AssertionError("No activation mail to " + email);
        }
    }

    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final MovableClock clock = new MovableClock();
    final Mailbox mailbox = new Mailbox();
    final ConventionManager conventions;
    final AccountManager accounts;
    final AccessManager access;
    final AuditLog audit;
    final ServiceDefinition delegationMer = service(ServiceDefinition.DELEGATION_MER);

    Fixture() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource.setDatabaseName("memory:accounts" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("ACCOUNTS").table("SCHEMA_HISTORY")
                .locations("classpath:db/accounts").load().migrate();
        conventions = new ConventionManager(dataSource, referentials(), clock);
        conventions.addService(service(ServiceDefinition.CONSULTATION_OFFRES));
        conventions.addService(delegationMer);
        accounts = new AccountManager(dataSource, conventions, mailbox, clock, config());
        access = new AccessManager(dataSource, clock, config());
        audit = new AuditLog(dataSource, clock);
    }

    static ServiceDefinition service(String id) {
        return new ServiceDefinition() {
            @Override public String id() { return id; }
            @Override public String label() { return "Service " + id; }
            @Override public String description() { return "Description de " + id; }
        };
    }

    static ReferentialService referentials() {
        return (ReferentialService) Proxy.newProxyInstance(Fixture.class.getClassLoader(),
                new Class<?>[] {ReferentialService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("region")) {
                        String code = (String) args[0];
                        return Set.of("11", "52", "84", "93").contains(code)
                                ? Optional.of(new Region(code, "Région " + code, false)) : Optional.empty();
                    }
                    throw new AssertionError("not called in this test: " + method.getName());
                });
    }

    /** Cheap Argon2id parameters: the tests check behaviour, the benchmark measures the real cost. */
    static AccountsConfig config() {
        return config(90, 14);
    }

    /** The same, with other inactivity settings (a test about something else sets them out of its way). */
    static AccountsConfig config(int inactivityDays, int inactivityWarningDays) {
        return new AccountsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AccountsConfig.class; }
            @Override public String publicUrl() { return "https://opus.example.org/"; }
            @Override public int activationHours() { return 72; }
            @Override public int sessionMinutes() { return 30; }
            @Override public int clientTokenSeconds() { return 1499; }
            @Override public int lockoutThreshold() { return 5; }
            @Override public int lockoutMaxMinutes() { return 60; }
            @Override public int argon2MemoryKiB() { return 1024; }
            @Override public int argon2Iterations() { return 1; }
            @Override public int inactivityDays() { return inactivityDays; }
            @Override public int inactivityWarningDays() { return inactivityWarningDays; }
            @Override public int lifecycleMinutes() { return 60; }
        };
    }

    /** A partner with a signed convention: quota, services. */
    Convention partnerWithConvention(String name, String region, int quota, Set<String> services) {
        Partner partner = conventions.createPartner(SYSTEM_OPERATOR, new PartnerDraft(PartnerKind.MISSION_LOCALE, name,
                "38086", region, new Address("1 rue de la Gare", "38000", "Grenoble")));
        Convention draft = conventions.draftConvention(SYSTEM_OPERATOR, partner.id(),
                new ConventionTerms(LocalDate.of(2029, 12, 31), services, quota, "Mme Suivi", "M. Correspondant"),
                "Convention initiale");
        return conventions.signConvention(SYSTEM_OPERATOR, draft.id(), LocalDate.of(2026, 11, 2), "Signature");
    }
}
