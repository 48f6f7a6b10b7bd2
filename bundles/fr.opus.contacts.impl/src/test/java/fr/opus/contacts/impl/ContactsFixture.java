package fr.opus.contacts.impl;

import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.accounts.api.AuditEvent;
import fr.opus.accounts.api.AuditQuery;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.ContactProblemCodes;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.privacy.SensitiveText;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A contacts capability on a real in-memory Derby database, with fake offers, partners, accounts and outboxes. */
abstract class ContactsFixture {

    static final Set<String> BOTH = Set.of(ServiceDefinition.CONSULTATION_OFFRES,
            ServiceDefinition.DELEGATION_MER);
    static final Caller LEA = new Caller("acc-lea", "lmartin", Role.COUNSELLOR, "partner-a", "conv-a", "84",
            BOTH, Set.of(), "10.0.0.1");
    static final Caller NOE = new Caller("acc-noe", "nblanc", Role.COUNSELLOR, "partner-b", "conv-b", "84",
            Set.of(ServiceDefinition.CONSULTATION_OFFRES), Set.of(), "10.0.0.2");
    static final Caller AGENT = new Caller("acc-ft", "fagent", Role.FT_AGENT, null, null, "84", Set.of(),
            Set.of(), null);

    final Map<String, Offer> offers = new HashMap<>();
    final List<String> audited = new ArrayList<>();
    final ContactsManager contacts;
    final AuditTrail audit;
    final PartnerDirectory partners;
    final RecordingOutbox outbox;
    final Notifier notifier;
    final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    final OfferCatalog catalog;
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
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
    };

    ContactsFixture() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource.setDatabaseName("memory:contacts" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("CONTACTS").table("SCHEMA_HISTORY")
                .locations("classpath:db/contacts").load().migrate();
        catalog = new OfferCatalog() {
            @Override
            public Optional<Offer> find(String id) {
                return Optional.ofNullable(offers.get(id));
            }

            @Override
            public Optional<OfferContent> findPublished(String id) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public java.util.List<String> activeOfferIds(java.time.Instant publishedBefore) {
                return offers.values().stream().filter(Offer::visible)
                        .filter(o -> !o.changedAt().isAfter(publishedBefore)).map(Offer::id).sorted().toList();
            }

            @Override
            public java.util.List<Offer> findBySiret(String siret) {
                throw new AssertionError("not called in this test");
            }

            @Override
            public OfferPage search(OfferQuery query) {
                throw new AssertionError("not called in this test");
            }
        };
        audit = new AuditTrail() {
            @Override
            public void record(Caller by, String address, String action, String subjectType, String subjectId,
                    boolean success, String detail) {
                audited.add(action + " " + by.login() + " " + subjectId);
            }

            @Override
            public List<AuditEvent> search(Caller by, AuditQuery query) {
                return List.of();
            }
        };
        partners = (PartnerDirectory) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("partner")) {
                        throw new AssertionError("not called in this test: " + method.getName());
                    }
                    String id = (String) args[1];
                    String safir = switch (id) {
                        case "partner-a" -> "38001";
                        case "partner-b" -> "38002";
                        default -> "38003";
                    };
                    return new Partner(id, PartnerKind.MISSION_LOCALE, "Structure " + id, safir, "84", null,
                            Instant.EPOCH, Instant.EPOCH);
                });
        outbox = new RecordingOutbox(dataSource);
        notifier = new Notifier(outbox, outbox, catalog, offerId -> ("%PDF-1.7 offre " + offerId)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        AccountDirectory accounts = (AccountDirectory) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {AccountDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("account")) {
                        throw new AssertionError("not called in this test: " + method.getName());
                    }
                    Caller by = (Caller) args[0];
                    return new Account(by.id(), by.login(), by.role(), by.partnerId(), null,
                            by.login().substring(0, 1).toUpperCase(), by.login().substring(1), by.login()
                            + "@conseil.example.org", AccountStatus.ACTIVE, Instant.EPOCH, null, Instant.EPOCH, null);
                });
        contacts = new ContactsManager(dataSource, catalog, audit, partners, accounts, notifier, clock);
        offer("201AAAA", null, Diffusion.NOMINATIVE, OfferStatus.ACTIVE);
        offer("201PRES", PreselectionLevel.VERIFICATION, Diffusion.ANONYMOUS, OfferStatus.ACTIVE);
    }

    void offer(String id, PreselectionLevel preselection, Diffusion diffusion, OfferStatus status) {
        offers.put(id, new Offer(id, status, 1, Instant.parse("2026-11-20T08:00:00Z"), diffusion, SupportLevel.SUPPORT,
                preselection, new Correspondent("Agnès Durand", "agnes.durand@francetravail.example.fr", null, "38086",
                        "Grenoble"), null, null,
                OfferContent.builder().id(id).title("Commis de cuisine (H/F)").build()));
    }

    JobSeeker karim(Caller by) {
        return contacts.create(by, new JobSeekerDraft("Karim", "Benali", "1234567a", "karim@example.org", null,
                null, Channel.EMAIL, "Cherche un CDI en cuisine, permis B."));
    }

    ReferralJobs jobs(int noAnswerDays) {
        return new ReferralJobs(dataSource, catalog, notifier, clock, config(noAnswerDays));
    }

    /** The contacts settings with their defaults, but {@code noAnswerDays}, and no scheduled run. */
    static ContactsConfig config(int noAnswerDays) {
        return new ContactsConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ContactsConfig.class;
            }

            @Override
            public int noAnswerDays() {
                return noAnswerDays;
            }

            @Override
            public int quietDays() {
                return 15;
            }

            @Override
            public int followUpDays() {
                return 30;
            }

            @Override
            public int followUpAnswerDays() {
                return 8;
            }

            @Override
            public int jobMinutes() {
                return 0;
            }
        };
    }
}
