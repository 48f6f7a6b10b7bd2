import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.Referrals;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.impl.ContactsManager;
import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.offers.impl.OfferService;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import fr.opus.preselection.api.Preselections;
import fr.opus.preselection.impl.PreselectionManager;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * The preselection benchmark (bench/preselection.sh runs it; figures in bundles/fr.opus.preselection.impl/README.md).
 *
 * <pre>
 * java -cp CLASSPATH bench/PreselectionBench.java WORK-FOLDER [candidacies loaded] [cycles] [rounds] [reads]
 *      [repetitions] [thread counts]
 * </pre>
 *
 * In one JVM, on embedded Derby databases on disk in {@code WORK-FOLDER} (normal durability: a disk sync per commit;
 * the distribution's page cache of 40,000 pages), made by the real migrations of every schema involved
 * ({@code db/offers}, {@code db/contacts}, {@code db/preselection}), with the real offers service (store, feed rules,
 * Lucene index; reference data faked as in EmployersBench), the real {@code ContactsManager} as {@link Referrals}
 * and the real {@code PreselectionManager} (its package-private constructor called by reflection, with the system
 * clock and the default 15 days of feedback delay). What is faked is what ContactsBench fakes: the platform's mail
 * and event outboxes write, in the caller's transaction, what the platform's do on tables of the same shape; the
 * audit trail is one INSERT in its own transaction (what the accounts capability's trail costs); the account and
 * partner directories answer from memory.
 * <ol>
 * <li><b>candidacy cycle</b>: 200 preselected offers (VERIFICATION, two prerequisites, a France Travail
 * correspondent, the employer's address) fed through the real feed and defined by the correspondent; ten counsellors
 * of ten partners whose conventions delegate the mise en relation; job seekers bulk-loaded, a fresh one per cycle.
 * A cycle is {@code propose} (counsellor) + {@code review(transmit)} + {@code feedback(received, hired)}
 * (correspondent); its baseline is core alone doing the same acts: {@code Referrals.create(RELATION, send=false)}
 * (counsellor) + {@code move(SENT)} + {@code move(HIRED)} (correspondent). Both notify as core does (the job
 * seeker's and the employer's mails on transmission, the counsellor's mails on the correspondent's moves, the
 * events). At each thread count, in rounds alternating the kinds (and their order) after a warm-up round:
 * throughput over the wall time of the phases, latency per cycle and per step, and their ratios.</li>
 * <li><b>reading an offer's preselection</b>: an offer with 50 candidacies (10 proposed, 5 declined, 15
 * transmitted, 10 hired, 10 not retained) read by its correspondent: {@code preselection} (the page's header and
 * commitments), {@code candidacies} (the list, audited) and both, against one {@code candidacy} read (audited).</li>
 * <li><b>indicators</b>, on a second database (PRESELECTION migrated) bulk-loaded with JDBC batches: {@code N}
 * candidacies over twelve months, 200 partners of unequal size, 5,000 offers of the three levels (popular offers
 * get more candidacies), realistic states and times (about a quarter never transmitted, a sixth hired, feedback
 * days to weeks after transmission). {@code Preselections.indicators} for one month and for the year, for all
 * partners (an operator) and for the largest partner, against {@code SELECT COUNT(*)} of the same period, and
 * against the same figures computed by one SQL aggregate (GROUP BY offer), checked equal to the API's: what the
 * indicators would cost if the database did the counting.</li>
 * </ol>
 */
public class PreselectionBench {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-12-01");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-30");
    static final LocalDate MONTH_FROM = LocalDate.parse("2026-06-01");
    static final LocalDate MONTH_TO = LocalDate.parse("2026-06-30");
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final int PARTNERS = 200;
    static final int OFFERS = 5_000;
    static final int COUNSELLORS = 10;
    static final int CYCLE_OFFERS = 200;
    static final String READ_OFFER = "3000000";
    static final List<String> PREREQUISITES = List.of("Permis B", "CACES R489");
    static final Set<String> SERVICES = Set.of(ServiceDefinition.CONSULTATION_OFFRES,
            ServiceDefinition.DELEGATION_MER, Preselections.SERVICE);
    static final Caller AGENT = new Caller("acc-ft", "fagent", Role.FT_AGENT, null, null, "84", Set.of(), Set.of(),
            "10.1.0.1");
    static final Caller OPERATOR = new Caller("acc-op", "operateur", Role.REGIONAL_OPERATOR, null, null, "84",
            Set.of(), Set.of(), null);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int candidacies = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int reads = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        int reps = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        List<Integer> threads = Arrays.stream((args.length > 6 ? args[6] : "1,2").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        if (System.getProperty("derby.storage.pageCacheSize") == null) {
            System.setProperty("derby.storage.pageCacheSize", "40000"); // as karaf-assembly's etc/system.properties
        }
        System.out.printf("Preselection benchmark: %s %s, %d cores, Derby page cache %s pages, work folder %s%n%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("derby.storage.pageCacheSize"), work);
        List<String> markdown = new ArrayList<>();
        long start = System.nanoTime();
        if (cycles > 0 || reads > 0) {
            EmbeddedDataSource db = database(work.resolve("cycle"));
            migrate(db, "OFFERS", "CONTACTS", "PRESELECTION");
            platformTables(db);
            Path index = work.resolve("offers-index");
            wipe(index);
            OfferService offers = new OfferService(db, referentials(), null, offersConfig(index));
            try {
                Setup s = setup(db, offers, threads, cycles, rounds);
                if (cycles > 0) {
                    cycles(s, cycles, rounds, threads, markdown);
                }
                if (reads > 0) {
                    reads(s, reads, Math.max(1, Math.min(10, reads / 100)), markdown);
                }
            } finally {
                // package-private @Deactivate: stop its commit thread and close the index as the container would
                Method deactivate = OfferService.class.getDeclaredMethod("deactivate");
                deactivate.setAccessible(true);
                deactivate.invoke(offers);
            }
        }
        if (candidacies > 0) {
            indicators(database(work.resolve("indicators")), candidacies, reps, markdown);
        }
        System.out.printf("%nTotal %.0f s. Markdown:%n", (System.nanoTime() - start) / 1e9);
        markdown.forEach(l -> System.out.println("  " + l));
    }

    // ------------------------------------------------------------------------------------------------ databases

    static void wipe(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static EmbeddedDataSource database(Path dir) throws Exception {
        wipe(dir);
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(dir.toString());
        db.setCreateDatabase("create");
        return db;
    }

    static void migrate(EmbeddedDataSource db, String... schemas) {
        for (String schema : schemas) {
            Flyway.configure().dataSource(db).schemas(schema).table("SCHEMA_HISTORY")
                    .locations("classpath:db/" + schema.toLowerCase()).load().migrate();
        }
    }

    static void shutdown(EmbeddedDataSource db) {
        db.setShutdownDatabase("shutdown");
        try {
            db.getConnection().close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) { // Derby's "database shut down"
                throw new IllegalStateException(e);
            }
        }
        db.setShutdownDatabase(null);
        db.setCreateDatabase(null);
    }

    /** What fr.opus.platform.mail (OUTBOX, ATTACHMENT), .webhooks (EVENT, SUBSCRIPTION) and the audit trail keep. */
    static void platformTables(EmbeddedDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE APP.OUTBOX (ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " MAIL_KEY VARCHAR(200) NOT NULL, RECIPIENT VARCHAR(254) NOT NULL, SUBJECT VARCHAR(300) NOT NULL,"
                    + " BODY VARCHAR(32000) NOT NULL, MESSAGE_ID VARCHAR(200) NOT NULL, STATUS VARCHAR(10) NOT NULL,"
                    + " ATTEMPTS INTEGER NOT NULL DEFAULT 0, CREATED_AT TIMESTAMP NOT NULL, NEXT_ATTEMPT_AT TIMESTAMP"
                    + " NOT NULL, SENT_AT TIMESTAMP, LAST_ERROR VARCHAR(1000),"
                    + " CONSTRAINT OUTBOX_KEY UNIQUE (MAIL_KEY))");
            st.execute("CREATE INDEX APP.OUTBOX_DUE ON APP.OUTBOX (STATUS, NEXT_ATTEMPT_AT)");
            st.execute("CREATE TABLE APP.ATTACHMENT (MAIL_KEY VARCHAR(200) NOT NULL, SEQ INTEGER NOT NULL,"
                    + " FILE_NAME VARCHAR(200) NOT NULL, CONTENT_TYPE VARCHAR(100) NOT NULL,"
                    + " CONTENT BLOB(16M) NOT NULL, PRIMARY KEY (MAIL_KEY, SEQ))");
            st.execute("CREATE TABLE APP.EVENT (ID VARCHAR(100) NOT NULL PRIMARY KEY, EVENT_TYPE VARCHAR(100) NOT"
                    + " NULL, OCCURRED_AT TIMESTAMP NOT NULL, SUBJECT VARCHAR(200) NOT NULL, PARTNER_IDS VARCHAR(2000)"
                    + " NOT NULL, PAYLOAD VARCHAR(32000) NOT NULL, PUBLISHED_AT TIMESTAMP NOT NULL)");
            st.execute("CREATE TABLE APP.SUBSCRIPTION (ID VARCHAR(36) NOT NULL PRIMARY KEY, PARTNER_ID VARCHAR(36),"
                    + " ACTIVE BOOLEAN NOT NULL, EVENT_TYPES VARCHAR(1000))");
            st.execute("CREATE TABLE APP.AUDIT (OCCURRED_AT TIMESTAMP, ACTOR VARCHAR(80), ACTION VARCHAR(60),"
                    + " SUBJECT VARCHAR(60), DETAIL VARCHAR(200))");
        }
    }

    static PreselectionManager preselections(DataSource db, OfferCatalog offers, Referrals referrals,
            AuditTrail audit, EventOutbox events) throws Exception {
        // the DS constructor wants the MigratedSchema marker and a config; the package-private one is the tests'
        Constructor<PreselectionManager> k = PreselectionManager.class.getDeclaredConstructor(DataSource.class,
                OfferCatalog.class, Referrals.class, PartnerDirectory.class, AuditTrail.class, EventOutbox.class,
                Clock.class, int.class);
        k.setAccessible(true);
        return k.newInstance(db, offers, referrals, partners(), audit, events, Clock.systemUTC(), 15);
    }

    // ------------------------------------------------------------------------------------------------ set-up

    record Setup(EmbeddedDataSource db, OfferService offers, ContactsManager contacts, Preselections preselections,
            Preselections unaudited, List<Caller> counsellors, List<ConcurrentLinkedQueue<String>> seekers,
            List<String> offerIds) {
    }

    static Setup setup(EmbeddedDataSource db, OfferService offers, List<Integer> threads, int cycles, int rounds)
            throws Exception {
        long t = System.nanoTime();
        List<String> offerIds = new ArrayList<>();
        List<OfferEvent> batch = new ArrayList<>();
        for (int i = 0; i < CYCLE_OFFERS; i++) {
            offerIds.add(String.format("2%06d", i));
            batch.add(created(offerIds.get(i)));
        }
        batch.add(created(READ_OFFER));
        FeedReceipt receipt = offers.accept(List.copyOf(batch));
        if (receipt.rejected() > 0) {
            throw new IllegalStateException("rejected: " + receipt.outcomes().stream()
                    .filter(o -> o.code() != null).findFirst().orElseThrow());
        }
        Outbox outbox = new Outbox();
        AuditTrail audit = audit(db);
        ContactsManager contacts = new ContactsManager(db, null, offers, audit, partners(), accounts(), outbox, outbox,
                documents());
        PreselectionManager preselections = preselections(db, offers, contacts, audit, outbox);
        for (String id : offerIds) {
            preselections.define(AGENT, id, new PreselectionDraft(PREREQUISITES, null, null, 3));
        }
        preselections.define(AGENT, READ_OFFER, new PreselectionDraft(PREREQUISITES, null, null, 5));
        List<Caller> counsellors = new ArrayList<>();
        for (int i = 0; i < COUNSELLORS; i++) {
            counsellors.add(new Caller("acc-c" + i, "conseiller" + i, Role.COUNSELLOR, partner(i), "conv-" + i, "84",
                    SERVICES, Set.of(), "10.0.0." + (i + 1)));
        }
        // a fresh job seeker per cycle (baseline and preselection, warm-up included) and for the read offer
        int warmUp = Math.max(200, cycles / rounds);
        int needed = 50 + 2 * threads.stream().mapToInt(n -> Math.max(1, warmUp / n) * n
                + Math.max(1, cycles / rounds / n) * n * rounds).sum();
        List<ConcurrentLinkedQueue<String>> seekers = jobSeekers(db, needed + COUNSELLORS * 20);
        System.out.printf("Set-up: %d preselected offers fed and defined (VERIFICATION, prerequisites %s), %,d job"
                + " seekers loaded, in %.1f s%n%n", offerIds.size() + 1, PREREQUISITES,
                seekers.stream().mapToInt(ConcurrentLinkedQueue::size).sum(), (System.nanoTime() - t) / 1e9);
        // the same module with an audit trail that writes nothing: how much of a read is the audit row's commit
        Preselections unaudited = preselections(db, offers, contacts, noAudit(), outbox);
        return new Setup(db, offers, contacts, preselections, unaudited, counsellors, seekers, offerIds);
    }

    static OfferEvent created(String id) {
        OfferContent content = OfferContent.builder().id(id).title("Cariste d'entrepôt (H/F)")
                .description("Vous chargez et déchargez les camions, rangez les palettes et préparez les commandes au"
                        + " chariot élévateur. Travail en équipes alternées, CACES R489 catégorie 3 exigé.")
                .creationDate("2026-11-20T08:00:00.000Z").updateDate("2026-11-20T08:00:00.000Z").romeCode("N1101")
                .workplace(new OfferContent.Workplace("38 - Grenoble", 45.19, 5.72, "38000", null))
                .company(new OfferContent.Company("Logistique Alpes", "Entreposage", null, null, false))
                .contact(new OfferContent.Contact("Service recrutement", null, null, null, null,
                        "recrutement-" + id + "@entreprise.example", null, null, null))
                .contractType("CDI").contractTypeLabel("Contrat à durée indéterminée")
                .contractNature("Contrat travail")
                .experienceRequirement("E").experienceLabel("1 an").workingTimeKind("Temps plein").build();
        Offer offer = new Offer(id, null, 1, T0, Diffusion.NOMINATIVE, SupportLevel.SUPPORT,
                PreselectionLevel.VERIFICATION, new Correspondent("Agnès Durand",
                        "agnes.durand@francetravail.example.fr", null, "38086", "Grenoble"), null, null, content);
        return new OfferEvent("ev-" + id + "-1", OfferEventType.CREATED, id, 1L, T0, offer);
    }

    /** Job seekers with JDBC batches, in queues per counsellor's partner (a few more than needed each). */
    static List<ConcurrentLinkedQueue<String>> jobSeekers(EmbeddedDataSource db, int n) throws SQLException {
        List<ConcurrentLinkedQueue<String>> queues = new ArrayList<>();
        for (int p = 0; p < COUNSELLORS; p++) {
            queues.add(new ConcurrentLinkedQueue<>());
        }
        Random random = new Random(20261123L);
        Timestamp created = Timestamp.from(T0);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " CONTACTS.JOB_SEEKER (ID, PARTNER_ID, FIRST_NAME, LAST_NAME, FT_IDENTIFIER, EMAIL, PHONE,"
                + " POSTAL_ADDRESS, CHANNEL, NOTE, CREATED_AT, CREATED_BY, UPDATED_AT, SEARCH_NAME)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'EMAIL', NULL, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int s = 0; s < n; s++) {
                int p = s % COUNSELLORS;
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                ps.setString(1, id);
                ps.setString(2, partner(p));
                ps.setString(3, "Prénom" + s);
                ps.setString(4, "Nom" + s);
                ps.setString(5, String.format("%07dA", s));
                ps.setString(6, "de" + s + "@example.org");
                ps.setString(7, s % 3 == 0 ? "0612345678" : null);
                ps.setTimestamp(8, created);
                ps.setString(9, "conseiller" + p);
                ps.setTimestamp(10, created);
                ps.setString(11, "nom" + s + " prénom" + s);
                ps.addBatch();
                queues.get(p).add(id);
                if ((s + 1) % 1000 == 0) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return queues;
    }

    static String partner(int p) {
        return String.format("partner-%03d", p);
    }

    // ------------------------------------------------------------------------------------------------ 1. cycles

    static final String[] BASE_STEPS = {"create", "move SENT", "move HIRED"};
    static final String[] CYCLE_STEPS = {"propose", "review", "feedback"};

    static void cycles(Setup s, int cycles, int rounds, List<Integer> threadCounts, List<String> markdown)
            throws Exception {
        System.out.println("1. Candidacy cycle against core alone doing the same acts");
        AtomicLong sequence = new AtomicLong();
        Map<Integer, ExecutorService> pools = new HashMap<>();
        Map<Integer, Kind[]> kinds = new HashMap<>();
        for (int threads : threadCounts) {
            pools.put(threads, Executors.newFixedThreadPool(threads));
            kinds.put(threads, new Kind[] {new Kind("baseline: create + SENT + HIRED", BASE_STEPS),
                    new Kind("propose + review + feedback", CYCLE_STEPS)});
        }
        int warmUp = Math.max(200, cycles / rounds);
        for (int round = -1; round < rounds; round++) { // round -1 warms up and is not kept
            for (int threads : threadCounts) {
                int perThread = round < 0 ? Math.max(1, warmUp / threads) : Math.max(1, cycles / rounds / threads);
                Kind[] into = round < 0 ? new Kind[] {null, null} : kinds.get(threads);
                for (int k : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) { // the order alternates too
                    List<Callable<long[][]>> tasks = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        tasks.add(() -> {
                            long[][] nanos = new long[perThread][];
                            for (int i = 0; i < perThread; i++) {
                                int n = (int) sequence.getAndIncrement();
                                Caller by = s.counsellors().get(n % COUNSELLORS);
                                String seeker = s.seekers().get(n % COUNSELLORS).poll();
                                String offerId = s.offerIds().get((n / COUNSELLORS) % s.offerIds().size());
                                nanos[i] = k == 0 ? baseline(s, by, seeker, offerId) : cycle(s, by, seeker, offerId);
                            }
                            return nanos;
                        });
                    }
                    long start = System.nanoTime();
                    List<Future<long[][]>> futures = pools.get(threads).invokeAll(tasks);
                    long wall = System.nanoTime() - start;
                    for (Future<long[][]> f : futures) {
                        long[][] nanos = f.get();
                        if (into[k] != null) {
                            into[k].add(nanos);
                        }
                    }
                    if (into[k] != null) {
                        into[k].wall += wall;
                    }
                }
            }
        }
        pools.values().forEach(ExecutorService::shutdown);
        markdown.add("");
        markdown.add("| threads | cycles/s | p50 ms | p99 ms | baseline/s | baseline p50 ms | baseline p99 ms |"
                + " throughput ratio | p50 ratio |");
        markdown.add("|---|---|---|---|---|---|---|---|---|");
        List<String> steps = new ArrayList<>();
        for (int threads : threadCounts) {
            Kind base = kinds.get(threads)[0];
            Kind cycle = kinds.get(threads)[1];
            System.out.printf("%n  %-34s %9s %9s %9s %10s %9s   %s%n", threads + " thread" + (threads == 1 ? "" : "s"),
                    "per s", "p50 ms", "p99 ms", "per s ×", "p50 ×", "p50 ms of each step");
            for (Kind k : List.of(base, cycle)) {
                StringBuilder st = new StringBuilder();
                for (int i = 0; i < k.steps.length; i++) {
                    st.append(String.format("%s%s %.2f", i == 0 ? "" : ", ", k.steps[i],
                            k.stepPercentile(i, 0.5) / 1e6));
                }
                System.out.printf("  %-34s %9.0f %9.2f %9.2f %10.2f %9.2f   %s%n", k.name, k.rate(),
                        k.percentile(0.5) / 1e6, k.percentile(0.99) / 1e6, k.rate() / base.rate(),
                        k.percentile(0.5) / base.percentile(0.5), st);
                if (threads == threadCounts.get(0)) {
                    steps.add(k.name + ": " + st);
                }
            }
            markdown.add(String.format("| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f× | %.2f× |", threads,
                    cycle.rate(), cycle.percentile(0.5) / 1e6, cycle.percentile(0.99) / 1e6, base.rate(),
                    base.percentile(0.5) / 1e6, base.percentile(0.99) / 1e6, cycle.rate() / base.rate(),
                    cycle.percentile(0.5) / base.percentile(0.5)));
        }
        markdown.add("");
        markdown.add("Per step, p50 ms at " + threadCounts.get(0) + " thread(s): " + String.join("; ", steps) + ".");
        System.out.printf("  (%,d measured cycles per kind and thread count in %d rounds alternating kinds, their"
                + " order and thread counts, after a warm-up round of %,d cycles each)%n",
                kinds.get(threadCounts.get(0))[0].nanos.size(), rounds, warmUp);
        try (Connection c = s.db().getConnection(); Statement st = c.createStatement()) {
            System.out.printf("  stored: %s candidacies, %s referrals (%s hired), %s history lines, %s mails, %s"
                    + " events, %s audit rows%n", count(st, "PRESELECTION.CANDIDACY WHERE STATE = 'HIRED'"),
                    count(st, "CONTACTS.REFERRAL"), count(st, "CONTACTS.REFERRAL WHERE STATE = 'HIRED'"),
                    count(st, "CONTACTS.REFERRAL_EVENT"), count(st, "APP.OUTBOX"), count(st, "APP.EVENT"),
                    count(st, "APP.AUDIT"));
        }
        System.out.println();
    }

    /** Core alone: the act the counsellor prepares, the correspondent transmits it, the employer hires. */
    static long[] baseline(Setup s, Caller by, String seeker, String offerId) {
        long t0 = System.nanoTime();
        Referral act = s.contacts().create(by, offerId, seeker, ReferralKind.RELATION, false, "Profil vérifié.");
        long t1 = System.nanoTime();
        s.contacts().move(AGENT, act.id(), ReferralState.SENT, null,
                "Candidature transmise à l'employeur par le correspondant France Travail.");
        long t2 = System.nanoTime();
        Referral hired = s.contacts().move(AGENT, act.id(), ReferralState.HIRED, null, "Retour de l'employeur.");
        long t3 = System.nanoTime();
        if (hired.state() != ReferralState.HIRED) {
            throw new AssertionError(hired.state());
        }
        return new long[] {t3 - t0, t1 - t0, t2 - t1, t3 - t2};
    }

    /** The module: proposal with the checklist, the correspondent's review, the employer's feedback. */
    static long[] cycle(Setup s, Caller by, String seeker, String offerId) {
        long t0 = System.nanoTime();
        Candidacy c = s.preselections().propose(by, offerId, draft(seeker));
        long t1 = System.nanoTime();
        s.preselections().review(AGENT, c.id(), true, null);
        long t2 = System.nanoTime();
        Candidacy hired = s.preselections().feedback(AGENT, c.id(), EmployerFeedback.of(true, true, null, null));
        long t3 = System.nanoTime();
        if (hired.state() != CandidacyState.HIRED) {
            throw new AssertionError(hired.state());
        }
        return new long[] {t3 - t0, t1 - t0, t2 - t1, t3 - t2};
    }

    static CandidacyDraft draft(String seeker) {
        Map<String, Boolean> checked = new HashMap<>();
        PREREQUISITES.forEach(p -> checked.put(p, true));
        return new CandidacyDraft(seeker, true, LocalDate.now(PARIS).plusDays(7), checked, null, null, null,
                "Profil vérifié.");
    }

    static final class Kind {
        final String name;
        final String[] steps;
        final List<Long> nanos = new ArrayList<>();
        final List<List<Long>> stepNanos = new ArrayList<>();
        long wall;

        Kind(String name, String[] steps) {
            this.name = name;
            this.steps = steps;
            for (int i = 0; i < steps.length; i++) {
                stepNanos.add(new ArrayList<>());
            }
        }

        void add(long[][] calls) {
            for (long[] call : calls) {
                nanos.add(call[0]);
                for (int i = 0; i < steps.length; i++) {
                    stepNanos.get(i).add(call[i + 1]);
                }
            }
        }

        double rate() {
            return nanos.size() / (wall / 1e9);
        }

        double percentile(double p) {
            return PreselectionBench.percentile(nanos, p);
        }

        double stepPercentile(int step, double p) {
            return PreselectionBench.percentile(stepNanos.get(step), p);
        }
    }

    static double percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static long count(Statement st, String from) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ 2. reads

    record Read(String name, Supplier<Object> call, List<Long> nanos) {
        Read(String name, Supplier<Object> call) {
            this(name, call, new ArrayList<>());
        }
    }

    static void reads(Setup s, int reads, int rounds, List<String> markdown) {
        System.out.println("2. Reading an offer's preselection with 50 candidacies, as its correspondent");
        Preselections p = s.preselections();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Caller by = s.counsellors().get(i % COUNSELLORS);
            String id = p.propose(by, READ_OFFER, draft(s.seekers().get(i % COUNSELLORS).poll())).id();
            ids.add(id);
            if (i < 10) {
                continue; // proposed, awaiting the review
            }
            if (i < 15) {
                p.review(AGENT, id, false, "Le poste demande le CACES R489 catégorie 3 en cours de validité.");
                continue;
            }
            p.review(AGENT, id, true, null);
            if (i >= 30 && i < 40) {
                p.feedback(AGENT, id, EmployerFeedback.of(true, true, null, "Très bonne prise de poste."));
            } else if (i >= 40) {
                p.feedback(AGENT, id, EmployerFeedback.of(true, false, RejectionReason.EXPERIENCE_INSUFFICIENT,
                        "Bon contact, expérience du chariot à confirmer."));
            }
        }
        OfferPreselection head = p.preselection(AGENT, READ_OFFER);
        int listed = p.candidacies(AGENT, READ_OFFER).size();
        if (listed != 50) {
            throw new AssertionError(listed + " candidacies listed");
        }
        String one = ids.get(35);
        System.out.printf("  offer %s: %d candidacies listed, %d proposed, commitments %d transmitted / %d answered%n",
                READ_OFFER, listed, head.proposed(), head.commitments().transmitted(), head.commitments().answered());
        List<Read> kinds = List.of(
                new Read("baseline: one candidacy", () -> p.candidacy(AGENT, one)),
                new Read("preselection (header)", () -> p.preselection(AGENT, READ_OFFER)),
                new Read("candidacies (50)", () -> p.candidacies(AGENT, READ_OFFER)),
                new Read("preselection + candidacies", () -> List.of(p.preselection(AGENT, READ_OFFER),
                        p.candidacies(AGENT, READ_OFFER))),
                new Read("one candidacy, no audit", () -> s.unaudited().candidacy(AGENT, one)),
                new Read("candidacies (50), no audit", () -> s.unaudited().candidacies(AGENT, READ_OFFER)));
        int warmUp = Math.max(500, reads / 4);
        for (int i = 0; i < warmUp; i++) {
            for (Read k : kinds) {
                k.call().get();
            }
        }
        int perRound = Math.max(1, reads / rounds);
        for (int round = 0; round < rounds; round++) {
            for (Read k : kinds) {
                for (int i = 0; i < perRound; i++) {
                    long t = System.nanoTime();
                    k.call().get();
                    k.nanos().add(System.nanoTime() - t);
                }
            }
        }
        double base = percentile(kinds.get(0).nanos(), 0.50);
        System.out.printf("%n  %-30s %9s %9s %9s %9s %9s%n", "", "p50 ms", "p90 ms", "p99 ms", "mean ms", "p50 ×");
        markdown.add("");
        markdown.add("| read, by the offer's correspondent | p50 ms | p90 ms | p99 ms | p50 ratio |");
        markdown.add("|---|---|---|---|---|");
        for (Read k : kinds) {
            double mean = k.nanos().stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf("  %-30s %9.2f %9.2f %9.2f %9.2f %9.1f%n", k.name(), percentile(k.nanos(), 0.5) / 1e6,
                    percentile(k.nanos(), 0.9) / 1e6, percentile(k.nanos(), 0.99) / 1e6, mean / 1e6,
                    percentile(k.nanos(), 0.5) / base);
            markdown.add(String.format("| %s | %.2f | %.2f | %.2f | %.1f× |", k.name(),
                    percentile(k.nanos(), 0.5) / 1e6, percentile(k.nanos(), 0.9) / 1e6,
                    percentile(k.nanos(), 0.99) / 1e6, percentile(k.nanos(), 0.5) / base));
        }
        System.out.printf("  (%,d measured reads per kind in %d alternating rounds after %,d warm-up reads each)%n%n",
                perRound * rounds, rounds, warmUp);
    }

    // ------------------------------------------------------------------------------------------------ 3. indicators

    static void indicators(EmbeddedDataSource db, int n, int reps, List<String> markdown) throws Exception {
        // loaded without a disk sync per log write (read when a database boots), then shut down and booted again with
        // the normal durability for the measures
        System.setProperty("derby.system.durability", "test");
        migrate(db, "PRESELECTION");
        platformTables(db);
        System.out.println("3. Indicators, database migrated with db/preselection " + applied(db));
        long start = System.nanoTime();
        String largest = load(db, n);
        System.out.printf("  loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
        shutdown(db);
        System.clearProperty("derby.system.durability");
        statistics(db);
        AuditTrail audit = audit(db);
        // indicators read the module's table only: the catalogue and core's referrals are not called
        Preselections preselections = preselections(db, null, null, audit, new Outbox());
        markdown.add("");
        markdown.add("| schema | period | scope | candidacies | COUNT(*) ms | indicators ms | ratio |"
                + " narrow SELECT, summed in Java ms | ratio |");
        markdown.add("|---|---|---|---|---|---|---|---|---|");
        String shipped = applied(db);
        measure(db, preselections, audit, largest, reps, shipped, "FEEDBACK_COMMENT IS NOT NULL", markdown);
        if (Flyway.configure().dataSource(db).schemas("PRESELECTION").table("SCHEMA_HISTORY")
                .locations("classpath:db/preselection").load().info().pending().length > 0) {
            long t = System.nanoTime();
            migrate(db, "PRESELECTION");
            System.out.printf("%n  migrated to %s in %.1f s%n", applied(db), (System.nanoTime() - t) / 1e9);
            statistics(db);
            measure(db, preselections, audit, largest, reps, applied(db), "FEEDBACK_COMMENT IS NOT NULL", markdown);
        }
        // what a covering index would change, on this bench's copy only (not a migration of the module): the columns
        // the indicators need, the comment's presence as a flag so that no row of the table is read
        long t = System.nanoTime();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            String covered = "OFFER_ID, STATE, PRESELECTION_LEVEL, TRANSMITTED_AT, HIRED_AT, FEEDBACK_RECEIVED,"
                    + " FEEDBACK_HIRED, FEEDBACK_COMMENTED";
            st.execute("ALTER TABLE PRESELECTION.CANDIDACY ADD COLUMN FEEDBACK_COMMENTED BOOLEAN");
            st.execute("UPDATE PRESELECTION.CANDIDACY SET FEEDBACK_COMMENTED = CASE WHEN FEEDBACK_COMMENT IS NULL"
                    + " THEN FALSE ELSE TRUE END");
            st.execute("CREATE INDEX PRESELECTION.BENCH_PERIOD ON PRESELECTION.CANDIDACY (CREATED_AT, PARTNER_ID, "
                    + covered + ")");
            st.execute("CREATE INDEX PRESELECTION.BENCH_PARTNER_PERIOD ON PRESELECTION.CANDIDACY (PARTNER_ID,"
                    + " CREATED_AT, " + covered + ")");
        }
        System.out.printf("%n  candidate covering indexes (CREATED_AT or PARTNER_ID first, then the indicators'"
                + " columns and a FEEDBACK_COMMENTED flag) made in %.1f s%n", (System.nanoTime() - t) / 1e9);
        statistics(db);
        measure(db, preselections, audit, largest, reps, shipped + " + covering index", "FEEDBACK_COMMENTED = TRUE",
                markdown);
    }

    static String applied(EmbeddedDataSource db) {
        return String.join(", ", Arrays.stream(Flyway.configure().dataSource(db).schemas("PRESELECTION")
                .table("SCHEMA_HISTORY").locations("classpath:db/preselection").load().info().applied())
                .filter(m -> m.getVersion() != null).map(m -> "V" + m.getVersion()).toList());
    }

    static void statistics(EmbeddedDataSource db) throws SQLException {
        long t = System.nanoTime();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('PRESELECTION', 'CANDIDACY', NULL)");
        }
        System.out.printf("  index statistics updated in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    record Query(String period, LocalDate from, LocalDate to, String scope, String partnerId) {
    }

    static void measure(EmbeddedDataSource db, Preselections preselections, AuditTrail audit, String largest,
            int reps, String schema, String commented, List<String> markdown) {
        List<Query> queries = new ArrayList<>();
        for (String[] period : new String[][] {{"month", MONTH_FROM.toString(), MONTH_TO.toString()},
                {"year", FIRST_DAY.toString(), LAST_DAY.toString()}}) {
            LocalDate from = LocalDate.parse(period[1]);
            LocalDate to = LocalDate.parse(period[2]);
            queries.add(new Query(period[0], from, to, "all partners", null));
            queries.add(new Query(period[0], from, to, "largest partner", largest));
        }
        Map<String, List<Long>> nanos = new HashMap<>();
        Map<String, Object> answers = new HashMap<>();
        for (int rep = -1; rep < reps; rep++) { // rep -1 warms up and is not kept
            for (Query q : queries) {
                String key = q.period() + "|" + q.scope();
                time(nanos, answers, rep, key + "|count", () -> count(db, q.from(), q.to(), q.partnerId()));
                time(nanos, answers, rep, key + "|api", () -> preselections.indicators(OPERATOR, q.from(), q.to(),
                        q.partnerId()));
                time(nanos, answers, rep, key + "|narrow", () -> { // with the audit row the module writes
                    PreselectionIndicators figures = narrow(db, q.from(), q.to(), q.partnerId(), commented);
                    audit.record(OPERATOR, null, "preselection.indicators", "partner", q.partnerId(), true,
                            q.from() + ".." + q.to());
                    return figures;
                });
            }
        }
        System.out.printf("%n  schema PRESELECTION %s; median of %d after a warm-up%n", schema, reps);
        System.out.printf("  %-6s %-16s %9s %11s %13s %7s %10s %7s%n", "period", "scope", "rows", "COUNT(*) ms",
                "indicators ms", "×", "narrow ms", "×");
        for (Query q : queries) {
            String key = q.period() + "|" + q.scope();
            double count = median(nanos.get(key + "|count")) / 1e6;
            double api = median(nanos.get(key + "|api")) / 1e6;
            double narrow = median(nanos.get(key + "|narrow")) / 1e6;
            PreselectionIndicators a = (PreselectionIndicators) answers.get(key + "|api");
            PreselectionIndicators b = (PreselectionIndicators) answers.get(key + "|narrow");
            // the mean of days may differ in its last digit: the same sum, added in another order
            boolean sameMean = a.meanDaysToSatisfy() == null ? b.meanDaysToSatisfy() == null
                    : b.meanDaysToSatisfy() != null && Math.abs(a.meanDaysToSatisfy() - b.meanDaysToSatisfy()) < 0.011;
            if (!sameMean || !a.equals(new PreselectionIndicators(b.from(), b.to(), b.partnerId(), b.offers(),
                    b.satisfied(), b.satisfiedShare(), a.meanDaysToSatisfy(), b.proposed(), b.transmitted(), b.hired(),
                    b.commitmentsKeptShare()))) {
                throw new AssertionError("the narrow read differs: " + a + " / " + answers.get(key + "|narrow"));
            }
            System.out.printf("  %-6s %-16s %,9d %11.1f %13.1f %7.1f %10.1f %7.1f%n", q.period(), q.scope(),
                    answers.get(key + "|count"), count, api, api / count, narrow, narrow / count);
            markdown.add(String.format("| %s | %s | %s | %,d | %.1f | %.1f | %.1f× | %.1f | %.1f× |", schema,
                    q.period(), q.scope() + (q.partnerId() == null ? "" : " (" + q.partnerId() + ")"),
                    answers.get(key + "|count"), count, api, api / count, narrow, narrow / count));
        }
        for (Query q : queries) {
            System.out.printf("  %s, %s: %s%n", q.period(), q.scope(), answers.get(q.period() + "|" + q.scope()
                    + "|api"));
        }
    }

    static void time(Map<String, List<Long>> nanos, Map<String, Object> answers, int rep, String key,
            Supplier<Object> call) {
        long t = System.nanoTime();
        Object answer = call.get();
        long spent = System.nanoTime() - t;
        if (rep >= 0) {
            nanos.computeIfAbsent(key, k -> new ArrayList<>()).add(spent);
        }
        answers.put(key, answer);
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(PARIS).toInstant());
    }

    /** The baseline: how many candidacies the period (and partner) has, with the indicators' own filter. */
    static long count(EmbeddedDataSource db, LocalDate from, LocalDate to, String partnerId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM PRESELECTION.CANDIDACY WHERE CREATED_AT >= ? AND CREATED_AT < ?"
                        + (partnerId == null ? "" : " AND PARTNER_ID = ?"))) {
            ps.setTimestamp(1, start(from));
            ps.setTimestamp(2, start(to.plusDays(1)));
            if (partnerId != null) {
                ps.setString(3, partnerId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String TRANSMITTED = "(TRANSMITTED_AT IS NOT NULL OR STATE IN ('TRANSMITTED', 'RECEIVED', 'HIRED',"
            + " 'NOT_RETAINED'))";

    /** PreselectionManager.answered(row), in SQL; {@code commented} says whether the employer commented. */
    static String answered(String commented) {
        return "FEEDBACK_HIRED IS NOT NULL AND FEEDBACK_RECEIVED IS NOT NULL AND (PRESELECTION_LEVEL = 'VERIFICATION'"
                + " OR " + commented + ") AND (PRESELECTION_LEVEL <> 'ASSESSMENT' OR FEEDBACK_RECEIVED = TRUE)";
    }

    /**
     * The indicators' figures from only the columns they need (two flags computed by the database), summed in Java
     * by offer: what {@code Preselections.indicators} would cost without {@code SELECT *} and its 27-column rows.
     * Not the module's code; checked equal to its answer. (One GROUP BY OFFER_ID aggregate was tried and is no
     * faster on Derby: its sort of the period's rows costs about what reading them does.)
     */
    static PreselectionIndicators narrow(EmbeddedDataSource db, LocalDate from, LocalDate to, String partnerId,
            String commented) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT OFFER_ID,"
                + " CREATED_AT, HIRED_AT, CASE WHEN " + TRANSMITTED + " THEN 1 ELSE 0 END, CASE WHEN " + TRANSMITTED
                + " AND " + answered(commented) + " THEN 1 ELSE 0 END FROM PRESELECTION.CANDIDACY"
                + " WHERE CREATED_AT >= ? AND CREATED_AT < ?" + (partnerId == null ? "" : " AND PARTNER_ID = ?"))) {
            ps.setTimestamp(1, start(from));
            ps.setTimestamp(2, start(to.plusDays(1)));
            if (partnerId != null) {
                ps.setString(3, partnerId);
            }
            Map<String, long[]> firsts = new HashMap<>(); // offer -> first proposal, first hire (epoch ms)
            int proposed = 0;
            int transmitted = 0;
            int answered = 0;
            int hired = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    proposed++;
                    long created = rs.getTimestamp(2).getTime();
                    Timestamp hiredAt = rs.getTimestamp(3);
                    long[] f = firsts.computeIfAbsent(rs.getString(1), k -> new long[] {Long.MAX_VALUE,
                            Long.MAX_VALUE});
                    f[0] = Math.min(f[0], created);
                    if (hiredAt != null) {
                        hired++;
                        f[1] = Math.min(f[1], hiredAt.getTime());
                    }
                    transmitted += rs.getInt(4);
                    answered += rs.getInt(5);
                }
            }
            int satisfied = 0;
            double days = 0;
            for (long[] f : firsts.values()) {
                if (f[1] != Long.MAX_VALUE) {
                    satisfied++;
                    days += Duration.ofMillis(f[1] - f[0]).toMinutes() / 1440.0;
                }
            }
            int offers = firsts.size();
            return new PreselectionIndicators(from, to, partnerId, offers, satisfied,
                    offers == 0 ? null : round((double) satisfied / offers), satisfied == 0 ? null
                            : round(days / satisfied), proposed, transmitted, hired,
                    transmitted == 0 ? null : round((double) answered / transmitted));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Loads {@code n} candidacies over the twelve months; the largest partner. */
    static String load(EmbeddedDataSource db, int n) throws SQLException {
        Random random = new Random(20261123L);
        double[] cumulative = new double[PARTNERS];
        double sum = 0;
        for (int p = 0; p < PARTNERS; p++) {
            sum += 1 / Math.pow(p + 1, 0.6); // a few large Missions Locales, many small structures
            cumulative[p] = sum;
        }
        Instant first = FIRST_DAY.atStartOfDay(PARIS).toInstant();
        long end = LAST_DAY.plusDays(1).atStartOfDay(PARIS).toInstant().toEpochMilli();
        long span = end - first.toEpochMilli();
        long day = 86_400_000L;
        long[] perPartner = new long[PARTNERS];
        Map<String, Integer> mix = new TreeMap<>();
        RejectionReason[] reasons = RejectionReason.values();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " PRESELECTION.CANDIDACY (ID, OFFER_ID, REFERRAL_ID, JOB_SEEKER_ID, PARTNER_ID, COUNSELLOR,"
                + " PRESELECTION_LEVEL, STATE, AVAILABLE_FROM, PREREQUISITES, SYNTHESIS, SCORES, WEIGHTED_SCORE, NOTE,"
                + " REVIEWED_BY, REVIEW_NOTE, REVIEWED_AT, TRANSMITTED_AT, FEEDBACK_RECEIVED, FEEDBACK_HIRED,"
                + " FEEDBACK_REASON, FEEDBACK_COMMENT, FEEDBACK_BY, FEEDBACK_AT, HIRED_AT, CREATED_AT, UPDATED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int p = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                p = Math.min(p < 0 ? -p - 1 : p, PARTNERS - 1);
                perPartner[p]++;
                int o = (int) (OFFERS * Math.pow(random.nextDouble(), 2)); // popular offers get more candidacies
                PreselectionLevel level = o % 10 < 5 ? PreselectionLevel.VERIFICATION
                        : o % 10 < 8 ? PreselectionLevel.ENDORSEMENT : PreselectionLevel.ASSESSMENT;
                long created = first.toEpochMilli() + (long) (span * ((i + random.nextDouble()) / n));
                long age = end - created;
                // where it stands: the older, the more likely decided
                int r = random.nextInt(100);
                CandidacyState state = r < 4 ? CandidacyState.PROPOSED : r < 14 ? CandidacyState.DECLINED
                        : r < 22 ? CandidacyState.WITHDRAWN : r < 32 ? CandidacyState.TRANSMITTED
                        : r < 40 ? CandidacyState.RECEIVED : r < 58 ? CandidacyState.HIRED
                        : CandidacyState.NOT_RETAINED;
                if (state == CandidacyState.PROPOSED && age > 20 * day) {
                    state = CandidacyState.WITHDRAWN; // a proposal left unreviewed does not last
                }
                boolean transmitted = state.transmitted() || state == CandidacyState.WITHDRAWN && random.nextBoolean();
                boolean reviewed = transmitted || state == CandidacyState.DECLINED;
                long reviewedAt = Math.min(end - 2, created + (1 + random.nextInt(5)) * day / 2);
                boolean decided = state == CandidacyState.HIRED || state == CandidacyState.NOT_RETAINED;
                boolean fed = decided || state == CandidacyState.RECEIVED;
                long feedbackAt = Math.min(end - 1, reviewedAt + (2 + random.nextInt(30)) * day);
                boolean commented = decided && (level != PreselectionLevel.VERIFICATION || random.nextInt(3) == 0)
                        && random.nextInt(10) > 0; // one in ten answers without the comment the level asks
                ps.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
                ps.setString(2, String.format("2%06d", o));
                ps.setString(3, new UUID(random.nextLong(), random.nextLong()).toString());
                ps.setString(4, new UUID(random.nextLong(), random.nextLong()).toString());
                ps.setString(5, partner(p));
                ps.setString(6, "conseiller" + random.nextInt(6) + "-" + p);
                ps.setString(7, level.name());
                ps.setString(8, state.name());
                ps.setDate(9, java.sql.Date.valueOf(LocalDate.ofEpochDay(created / day + random.nextInt(30))));
                ps.setString(10, "Permis B\nCACES R489");
                ps.setString(11, level == PreselectionLevel.VERIFICATION ? null : "Trois ans en entrepôt, à l'aise"
                        + " avec le chariot et les outils de gestion de stock, disponible en équipes alternées.");
                ps.setString(12, level == PreselectionLevel.ENDORSEMENT ? (1 + random.nextInt(5)) + "\tRigueur\n"
                        + random.nextInt(6) + "\tPonctualité" : "");
                if (level == PreselectionLevel.ENDORSEMENT) {
                    ps.setDouble(13, round(random.nextInt(501) / 100.0));
                } else {
                    ps.setNull(13, java.sql.Types.DOUBLE);
                }
                ps.setString(14, random.nextInt(3) == 0 ? "Profil vérifié avec le candidat." : null);
                ps.setString(15, reviewed ? "correspondant" + (o % 40) : null);
                ps.setString(16, state == CandidacyState.DECLINED ? "Le CACES R489 n'est plus valide." : null);
                ps.setTimestamp(17, reviewed ? new Timestamp(reviewedAt) : null);
                ps.setTimestamp(18, transmitted ? new Timestamp(reviewedAt) : null);
                ps.setObject(19, fed ? Boolean.TRUE : null, java.sql.Types.BOOLEAN);
                ps.setObject(20, decided ? state == CandidacyState.HIRED : null, java.sql.Types.BOOLEAN);
                ps.setString(21, state == CandidacyState.NOT_RETAINED ? reasons[random.nextInt(reasons.length)].name()
                        : null);
                ps.setString(22, commented ? "Retour de l'employeur sur l'entretien et la prise de poste." : null);
                ps.setString(23, fed ? "correspondant" + (o % 40) : null);
                ps.setTimestamp(24, fed ? new Timestamp(feedbackAt) : null);
                ps.setTimestamp(25, state == CandidacyState.HIRED ? new Timestamp(feedbackAt) : null);
                ps.setTimestamp(26, new Timestamp(created));
                ps.setTimestamp(27, new Timestamp(Math.max(created, fed ? feedbackAt : reviewed ? reviewedAt
                        : created)));
                ps.addBatch();
                mix.merge(state.name(), 1, Integer::sum);
                if ((i + 1) % 1000 == 0) {
                    ps.executeBatch();
                }
                if ((i + 1) % 20_000 == 0) {
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
            int top = 0;
            for (int p = 1; p < PARTNERS; p++) {
                top = perPartner[p] > perPartner[top] ? p : top;
            }
            long[] sorted = perPartner.clone();
            Arrays.sort(sorted);
            System.out.printf("  %,d candidacies in %.0f s on %,d offers; per partner: largest %,d (%s), median %,d,"
                    + " smallest %,d%n", n, (System.nanoTime() - t) / 1e9, OFFERS, perPartner[top], partner(top),
                    sorted[PARTNERS / 2], sorted[0]);
            StringBuilder states = new StringBuilder("  states:");
            mix.forEach((k, v) -> states.append(String.format(" %s %.1f%%", k, 100.0 * v / n)));
            System.out.println(states);
            return partner(top);
        }
    }

    // ------------------------------------------------------------------------------------------------ collaborators

    interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(PreselectionBench.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? (method.getName().equals("toString") ? type.getSimpleName() : method.invoke(handler, args))
                        : handler.handle(method.getName(), args)));
    }

    /** Reference data as EmployersBench fakes them: the offers' ROME code and the two contract types. */
    static ReferentialService referentials() {
        return (ReferentialService) Proxy.newProxyInstance(PreselectionBench.class.getClassLoader(),
                new Class<?>[] {ReferentialService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "job" -> Optional.of(new Job((String) args[0], "Magasinage et préparation de commandes", "N",
                            null));
                    case "codeList" -> args[0] == CodeList.TYPES_CONTRATS
                            ? List.of(new CodeLabel("CDI", "CDI"), new CodeLabel("CDD", "CDD")) : List.of();
                    default -> method.getReturnType() == Optional.class ? Optional.empty() : List.of();
                });
    }

    static OfferService.Config offersConfig(Path index) {
        return proxy(OfferService.Config.class, (method, args) -> switch (method) {
            case "indexPath" -> index.toString();
            case "commitIntervalSeconds" -> 5;
            default -> throw new AssertionError(method);
        });
    }

    static OfferDocuments documents() {
        return proxy(OfferDocuments.class, (method, args) -> {
            throw new AssertionError("no mise en contact here: " + method);
        });
    }

    static PartnerDirectory partners() {
        return proxy(PartnerDirectory.class, (method, args) -> {
            if (!method.equals("partner")) {
                throw new AssertionError(method);
            }
            String id = (String) args[1];
            return new Partner(id, PartnerKind.MISSION_LOCALE, "Structure " + id, "38001", "84", null, Instant.EPOCH,
                    Instant.EPOCH);
        });
    }

    static AccountDirectory accounts() {
        return proxy(AccountDirectory.class, (method, args) -> {
            if (!method.equals("account")) {
                throw new AssertionError(method);
            }
            Caller by = (Caller) args[0];
            return new Account(by.id(), by.login(), by.role(), by.partnerId(), "84", "Léa", "Martin",
                    by.login() + "@conseil.example.org", AccountStatus.ACTIVE, Instant.EPOCH, null, Instant.EPOCH,
                    null);
        });
    }

    /** One INSERT per event in its own transaction: what the accounts capability's trail costs. */
    static AuditTrail audit(EmbeddedDataSource db) {
        return proxy(AuditTrail.class, (method, args) -> {
            if (!method.equals("record")) {
                throw new AssertionError(method);
            }
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO APP.AUDIT VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?)")) {
                ps.setString(1, ((Caller) args[0]).login());
                ps.setString(2, (String) args[2]);
                ps.setString(3, (String) args[4]);
                ps.setString(4, (String) args[6]);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static AuditTrail noAudit() {
        return proxy(AuditTrail.class, (method, args) -> null);
    }

    /** The platform's outboxes, in the caller's transaction: the same statements on tables of the same shape. */
    static final class Outbox implements MailOutbox, EventOutbox {

        @Override
        public void enqueue(Connection transaction, Mail mail) throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO APP.OUTBOX (MAIL_KEY, RECIPIENT,"
                    + " SUBJECT, BODY, MESSAGE_ID, STATUS, CREATED_AT, NEXT_ATTEMPT_AT) SELECT ?, ?, ?, ?, ?,"
                    + " 'PENDING', ?, ? FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM APP.OUTBOX WHERE"
                    + " MAIL_KEY = ?)")) {
                ps.setString(1, mail.key());
                ps.setString(2, mail.to());
                ps.setString(3, mail.subject());
                ps.setString(4, mail.text());
                ps.setString(5, "<" + UUID.randomUUID() + "@opus>");
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, mail.key());
                if (ps.executeUpdate() == 0) {
                    return;
                }
            }
            int seq = 0;
            for (Mail.Attachment a : mail.attachments()) {
                try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO APP.ATTACHMENT (MAIL_KEY, SEQ,"
                        + " FILE_NAME, CONTENT_TYPE, CONTENT) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, mail.key());
                    ps.setInt(2, ++seq);
                    ps.setString(3, a.fileName());
                    ps.setString(4, a.contentType());
                    ps.setBytes(5, a.content());
                    ps.executeUpdate();
                }
            }
        }

        @Override
        public void publish(Connection transaction, DomainEvent event) throws SQLException {
            try (PreparedStatement ps = transaction.prepareStatement("SELECT 1 FROM APP.EVENT WHERE ID = ?")) {
                ps.setString(1, event.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            StringBuilder payload = new StringBuilder("{");
            event.data().forEach((k, v) -> payload.append(payload.length() > 1 ? "," : "").append('"').append(k)
                    .append("\":\"").append(v).append('"'));
            try (PreparedStatement ps = transaction.prepareStatement("INSERT INTO APP.EVENT (ID, EVENT_TYPE,"
                    + " OCCURRED_AT, SUBJECT, PARTNER_IDS, PAYLOAD, PUBLISHED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, event.id());
                ps.setString(2, event.type());
                ps.setTimestamp(3, Timestamp.from(event.occurredAt()));
                ps.setString(4, event.subject());
                ps.setString(5, String.join(",", new java.util.TreeSet<>(event.partnerIds())));
                ps.setString(6, payload.append('}').toString());
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = transaction.prepareStatement("SELECT * FROM APP.SUBSCRIPTION WHERE ACTIVE ="
                    + " TRUE AND (PARTNER_ID IS NULL OR PARTNER_ID IN (?))")) {
                ps.setString(1, event.partnerIds().iterator().next());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        throw new IllegalStateException("no subscription in this benchmark");
                    }
                }
            }
        }

        @Override
        public Map<String, fr.opus.platform.api.mail.MailStatus> status(java.util.Collection<String> keys) {
            throw new AssertionError("not called by this code");
        }

        @Override
        public boolean retry(String key) {
            throw new AssertionError("not called by this code");
        }
    }
}
