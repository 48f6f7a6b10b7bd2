import fr.opus.accounts.api.Account;
import fr.opus.accounts.api.AccountDirectory;
import fr.opus.accounts.api.AccountStatus;
import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.contacts.impl.ContactsManager;
import fr.opus.contacts.impl.IndicatorQueries;
import fr.opus.offers.api.Correspondent;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferCatalog;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferDocuments;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.offers.api.SupportLevel;
import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.EventOutbox;
import fr.opus.platform.api.mail.Mail;
import fr.opus.platform.api.mail.MailOutbox;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.api.security.ServiceDefinition;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The contacts benchmark (issue 5; bench/contacts.sh runs it).
 *
 * <pre>
 * java -cp CLASSPATH bench/ContactsBench.java WORK-FOLDER [referrals loaded] [measured creations] [rounds]
 *      [repetitions] [thread counts]
 * </pre>
 *
 * In one JVM, on embedded Derby databases on disk in {@code WORK-FOLDER} (normal durability: a disk sync per commit;
 * the distribution's page cache of 40,000 pages), made by the real {@code db/contacts} migrations:
 * <ol>
 * <li><b>creations</b>, on a fresh database: {@code Referrals.create(..., send = true, ...)} of the real
 * {@code ContactsManager} — three in four a mise en contact on an offer without preselection (the job seeker's mail
 * with the offer's PDF attached, the {@code referral.created} event), one in four a mise en relation on a preselected
 * offer (the job seeker's and the employer's mails, the event) — each for a new job seeker and so never hitting the
 * one-open-act rule; baseline: {@code JobSeekers.create} (one insert and its audit row), which also makes those job
 * seekers. The outboxes write in the caller's transaction what the platform's do (the mail row, its attachment as a
 * BLOB, the event row and the look-up of subscriptions); the audit trail is one INSERT in its own transaction, what
 * the accounts capability's trail costs; offers come from an in-memory catalogue and the offer's PDF is a fixed 8 KB
 * (its rendering is the offers capability's cost). At each thread count asked, in rounds that alternate baseline and
 * creations so that drift of a shared machine falls on both; throughput is operations over the wall time of the
 * phases, latency per call.</li>
 * <li><b>indicators</b>, on a second database migrated to V3 and loaded with batched JDBC inserts: {@code referrals}
 * acts (and a job seeker for about four of them) over twelve months, 200 partners of unequal size, 50,000 offers (one
 * in five preselected), a realistic mix of kinds and states, acts older than 90 days closed. It times
 * {@code IndicatorQueries.activity} and {@code .tripartite} for one month and for the year, for all partners (an
 * operator) and for the largest partner, against {@code SELECT COUNT(*)} of the period's acts; the median of
 * {@code repetitions} after one warm-up. Then, if later migrations exist (V4 and on), it applies them (timed) and
 * measures again on the same rows.</li>
 * </ol>
 */
public class ContactsBench {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-12-01");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-30");
    static final LocalDate MONTH_FROM = LocalDate.parse("2026-06-01");
    static final LocalDate MONTH_TO = LocalDate.parse("2026-06-30");
    static final int PARTNERS = 200;
    static final int OFFERS = 50_000;
    static final Set<String> BOTH = Set.of(ServiceDefinition.CONSULTATION_OFFRES, ServiceDefinition.DELEGATION_MER);
    static final Caller OPERATOR = new Caller("acc-op", "operateur", Role.REGIONAL_OPERATOR, null, null, "84",
            Set.of(), Set.of(), null);
    static final byte[] PDF = new byte[8 * 1024];

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int referrals = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int creates = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        List<Integer> threads = Arrays.stream((args.length > 5 ? args[5] : "1,2").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        if (System.getProperty("derby.storage.pageCacheSize") == null) {
            System.setProperty("derby.storage.pageCacheSize", "40000"); // as karaf-assembly's etc/system.properties
        }
        Arrays.fill(PDF, (byte) 'x');
        System.out.printf("Contacts benchmark: %s %s, %d cores, Derby page cache %s pages, work folder %s%n%n",
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("derby.storage.pageCacheSize"), work);
        if (creates > 0) {
            creations(database(work.resolve("creations")), creates, rounds, threads);
        }
        if (referrals > 0) {
            indicators(database(work.resolve("indicators")), referrals, reps);
        }
    }

    static EmbeddedDataSource database(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(dir.toString());
        db.setCreateDatabase("create");
        return db;
    }

    /** Migrates CONTACTS up to {@code target} ("latest" for all); what it applied. */
    static List<String> migrate(EmbeddedDataSource db, String target) {
        Flyway flyway = Flyway.configure().dataSource(db).schemas("CONTACTS").table("SCHEMA_HISTORY")
                .locations("classpath:db/contacts").target(target).load();
        flyway.migrate();
        return Arrays.stream(flyway.info().applied()).map(MigrationInfo::getScript).toList();
    }

    static boolean pending(EmbeddedDataSource db) {
        return Flyway.configure().dataSource(db).schemas("CONTACTS").table("SCHEMA_HISTORY")
                .locations("classpath:db/contacts").load().info().pending().length > 0;
    }

    // ------------------------------------------------------------------------------------------------ creations

    record Op(Caller by, String jobSeekerId) {
    }

    static void creations(EmbeddedDataSource db, int creates, int rounds, List<Integer> threadCounts)
            throws Exception {
        System.out.println("1. Creations, fresh database migrated with " + migrate(db, "latest"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            // what fr.opus.platform.mail (OUTBOX, ATTACHMENT) and fr.opus.platform.webhooks (EVENT, SUBSCRIPTION) keep
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
        Map<String, Offer> offers = new HashMap<>();
        for (int i = 0; i < 4_000; i++) {
            String id = String.format("2%06d", i);
            offers.put(id, offer(id, i % 4 == 3));
        }
        List<String> offerIds = offers.keySet().stream().sorted().toList();
        List<Caller> counsellors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            counsellors.add(new Caller("acc-c" + i, "conseiller" + i, Role.COUNSELLOR, "partner-" + i, "conv-" + i,
                    "84", BOTH, Set.of(), "10.0.0." + (i + 1)));
        }
        Outbox outbox = new Outbox();
        ContactsManager contacts = new ContactsManager(db, null, catalog(offers), audit(db), partners(),
                accounts(), outbox, outbox, documents());
        AtomicLong people = new AtomicLong();
        AtomicLong acts = new AtomicLong();

        Map<Integer, ExecutorService> pools = new HashMap<>();
        Map<Integer, Kind[]> kinds = new HashMap<>();
        for (int threads : threadCounts) {
            pools.put(threads, Executors.newFixedThreadPool(threads));
            kinds.put(threads, new Kind[] {new Kind("baseline: JobSeekers.create"),
                    new Kind("Referrals.create, send")});
        }
        int warmUp = Math.max(500, creates / rounds);
        for (int round = -1; round < rounds; round++) { // round -1 warms up and is not kept
            for (int threads : threadCounts) {
                int count = round < 0 ? Math.max(1, warmUp / threads) : Math.max(1, creates / rounds / threads);
                Kind[] into = round < 0 ? new Kind[2] : kinds.get(threads);
                List<List<Op>> made = new ArrayList<>();
                List<Callable<List<Long>>> seekers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<Op> mine = new ArrayList<>();
                    made.add(mine);
                    seekers.add(() -> {
                        List<Long> nanos = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            long n = people.incrementAndGet();
                            Caller by = counsellors.get((int) (n % counsellors.size()));
                            long t0 = System.nanoTime();
                            String id = contacts.create(by, new JobSeekerDraft("Karim", "Benali",
                                    String.format("%07dA", n), "de" + n + "@example.org", "0612345678", null,
                                    Channel.EMAIL, "Cherche un CDI en cuisine, permis B.")).id();
                            nanos.add(System.nanoTime() - t0);
                            mine.add(new Op(by, id));
                        }
                        return nanos;
                    });
                }
                run(pools.get(threads), seekers, into[0]);
                List<Callable<List<Long>>> referrals = new ArrayList<>();
                for (List<Op> mine : made) {
                    referrals.add(() -> {
                        List<Long> nanos = new ArrayList<>();
                        for (Op op : mine) {
                            String offerId = offerIds.get((int) (acts.getAndIncrement() % offerIds.size()));
                            ReferralKind kind = offers.get(offerId).preselection() == null ? ReferralKind.CONTACT
                                    : ReferralKind.RELATION;
                            long t0 = System.nanoTime();
                            contacts.create(op.by(), offerId, op.jobSeekerId(), kind, true,
                                    "Profil adapté, disponible de suite.");
                            nanos.add(System.nanoTime() - t0);
                        }
                        return nanos;
                    });
                }
                run(pools.get(threads), referrals, into[1]);
            }
        }
        pools.values().forEach(ExecutorService::shutdown);
        List<String> lines = new ArrayList<>();
        for (int threads : threadCounts) {
            Kind base = kinds.get(threads)[0];
            Kind create = kinds.get(threads)[1];
            String head = String.format("%d thread%s", threads, threads == 1 ? "" : "s");
            System.out.printf("%n  %-34s %9s %9s %9s %10s %9s%n", head, "per s", "p50 ms", "p99 ms", "per s ×",
                    "p50 ×");
            for (Kind k : List.of(base, create)) {
                System.out.printf("  %-34s %9.0f %9.2f %9.2f %10.2f %9.2f%n", k.name, k.rate(), k.percentile(0.5) / 1e6,
                        k.percentile(0.99) / 1e6, k.rate() / base.rate(), k.percentile(0.5) / base.percentile(0.5));
            }
            lines.add(String.format("| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f× | %.2f× |", threads,
                    create.rate(), create.percentile(0.5) / 1e6, create.percentile(0.99) / 1e6, base.rate(),
                    base.percentile(0.5) / 1e6, base.percentile(0.99) / 1e6, create.rate() / base.rate(),
                    create.percentile(0.5) / base.percentile(0.5)));
        }
        System.out.printf("  (%,d measured calls per kind and thread count in %d rounds alternating kinds and thread"
                + " counts, after a warm-up round of %,d calls each)%n", kinds.get(threadCounts.get(0))[0].nanos.size(),
                rounds, warmUp);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            System.out.printf("%n  queued: %,d referrals, %,d mails (%,d attachments), %,d events, %,d audit rows%n",
                    count(st, "CONTACTS.REFERRAL"), count(st, "APP.OUTBOX"), count(st, "APP.ATTACHMENT"),
                    count(st, "APP.EVENT"), count(st, "APP.AUDIT"));
        }
        System.out.println("\n  markdown: | threads | referrals/s | p50 ms | p99 ms | baseline/s | baseline p50 ms |"
                + " baseline p99 ms | throughput ratio | p50 ratio |");
        lines.forEach(l -> System.out.println("  markdown: " + l));
        System.out.println();
    }

    static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the tasks at once; when {@code into} is given, keeps their latencies and the wall time. */
    static void run(ExecutorService pool, List<Callable<List<Long>>> tasks, Kind into) throws Exception {
        long start = System.nanoTime();
        List<Future<List<Long>>> futures = pool.invokeAll(tasks);
        long wall = System.nanoTime() - start;
        for (Future<List<Long>> f : futures) {
            List<Long> nanos = f.get();
            if (into != null) {
                into.nanos.addAll(nanos);
            }
        }
        if (into != null) {
            into.wall += wall;
        }
    }

    static final class Kind {
        final String name;
        final List<Long> nanos = new ArrayList<>();
        long wall;

        Kind(String name) {
            this.name = name;
        }

        double rate() {
            return nanos.size() / (wall / 1e9);
        }

        double percentile(double p) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
        }
    }

    static Offer offer(String id, boolean preselected) {
        OfferContent content = OfferContent.builder().id(id).title("Commis de cuisine (H/F)")
                .description("Vous préparez les entrées et les desserts, assurez la mise en place et l'entretien du"
                        + " poste. Travail en coupure, deux jours de repos consécutifs.")
                .contact(new OfferContent.Contact("Service recrutement", null, null, null, null,
                        "recrutement-" + id + "@entreprise.example", null, null, null))
                .build();
        return new Offer(id, OfferStatus.ACTIVE, 1, Instant.parse("2026-11-20T08:00:00Z"),
                preselected ? Diffusion.ANONYMOUS : Diffusion.NOMINATIVE, SupportLevel.SUPPORT,
                preselected ? PreselectionLevel.VERIFICATION : null, new Correspondent("Agnès Durand",
                        "agnes.durand@francetravail.example.fr", null, "38086", "Grenoble"), null, null, content);
    }

    static OfferCatalog catalog(Map<String, Offer> offers) {
        return proxy(OfferCatalog.class, (method, args) -> {
            if (!method.equals("find")) {
                throw new AssertionError(method);
            }
            return Optional.ofNullable(offers.get((String) args[0]));
        });
    }

    static OfferDocuments documents() {
        return proxy(OfferDocuments.class, (method, args) -> PDF.clone());
    }

    static PartnerDirectory partners() {
        return proxy(PartnerDirectory.class, (method, args) -> {
            throw new AssertionError("not read when creating: " + method);
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

    interface Handler {
        Object handle(String method, Object[] args) throws Exception;
    }

    static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(ContactsBench.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class
                        ? (method.getName().equals("toString") ? type.getSimpleName() : method.invoke(handler, args))
                        : handler.handle(method.getName(), args)));
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

    // ------------------------------------------------------------------------------------------------ indicators

    static void indicators(EmbeddedDataSource db, int n, int reps) throws Exception {
        // loaded without a disk sync per log write (derby.system.durability=test, read when a database boots), then
        // shut down and booted again with the normal durability for the measures
        System.setProperty("derby.system.durability", "test");
        System.out.println("2. Indicators, database migrated with " + migrate(db, "3"));
        long start = System.nanoTime();
        String largest = load(db, n);
        System.out.printf("  loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
        shutdown(db);
        System.clearProperty("derby.system.durability");
        statistics(db);
        Indicators indicators = new IndicatorQueries(db, null);
        List<String> markdown = new ArrayList<>();
        measure(db, indicators, largest, reps, "V1–V3", markdown);
        if (pending(db)) {
            long t = System.nanoTime();
            List<String> applied = migrate(db, "latest");
            System.out.printf("%n  migrated to %s in %.1f s%n", applied.get(applied.size() - 1),
                    (System.nanoTime() - t) / 1e9);
            statistics(db);
            measure(db, indicators, largest, reps, "V1–" + applied.get(applied.size() - 1).split("__")[0], markdown);
        }
        System.out.println("\n  markdown: | indexes | period | scope | COUNT(*) ms | activity ms | activity ratio |"
                + " tripartite ms | tripartite ratio |");
        markdown.forEach(l -> System.out.println("  markdown: " + l));
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

    static void statistics(EmbeddedDataSource db) throws SQLException {
        long t = System.nanoTime();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('CONTACTS', 'REFERRAL', NULL)");
        }
        System.out.printf("  index statistics updated in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    /** Loads {@code n} acts and their job seekers; the largest partner. */
    static String load(EmbeddedDataSource db, int n) throws SQLException {
        Random random = new Random(20261123L);
        double[] cumulative = new double[PARTNERS];
        double sum = 0;
        for (int p = 0; p < PARTNERS; p++) {
            sum += 1 / Math.pow(p + 1, 0.6); // a few large Missions Locales, many small structures
            cumulative[p] = sum;
        }
        int seekers = Math.max(PARTNERS, n / 4);
        int[] firstSeeker = new int[PARTNERS + 1];
        for (int p = 0; p < PARTNERS; p++) {
            firstSeeker[p + 1] = p == PARTNERS - 1 ? seekers
                    : Math.max(firstSeeker[p] + 1, (int) Math.round(seekers * cumulative[p] / sum));
        }
        String[] seekerIds = new String[seekers];
        Instant first = FIRST_DAY.atStartOfDay(PARIS).toInstant();
        Instant end = LAST_DAY.plusDays(1).atStartOfDay(PARIS).toInstant();
        long span = Duration.between(first, end).toMillis();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONTACTS.JOB_SEEKER (ID, PARTNER_ID,"
                    + " FIRST_NAME, LAST_NAME, FT_IDENTIFIER, EMAIL, PHONE, POSTAL_ADDRESS, CHANNEL, NOTE, CREATED_AT,"
                    + " CREATED_BY, UPDATED_AT, SEARCH_NAME)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?)")) {
                int p = 0;
                for (int s = 0; s < seekers; s++) {
                    while (s >= firstSeeker[p + 1]) {
                        p++;
                    }
                    seekerIds[s] = new UUID(random.nextLong(), random.nextLong()).toString();
                    Timestamp created = Timestamp.from(first.plusMillis((long) (span * (s / (double) seekers))));
                    ps.setString(1, seekerIds[s]);
                    ps.setString(2, partner(p));
                    ps.setString(3, "Prénom" + s);
                    ps.setString(4, "Nom" + s);
                    ps.setString(5, s % 5 == 0 ? null : String.format("%07dA", s));
                    ps.setString(6, "de" + s + "@example.org");
                    ps.setString(7, s % 3 == 0 ? "0612345678" : null);
                    ps.setString(8, "EMAIL");
                    ps.setTimestamp(9, created);
                    ps.setString(10, "conseiller" + p);
                    ps.setTimestamp(11, created);
                    ps.setString(12, "nom" + s + " prénom" + s);
                    ps.addBatch();
                    if ((s + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                    if ((s + 1) % 20_000 == 0) {
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            System.out.printf("  %,d job seekers in %.0f s%n", seekers, (System.nanoTime() - t) / 1e9);

            t = System.nanoTime();
            long[] perPartner = new long[PARTNERS];
            Set<String> openKeys = new HashSet<>();
            RejectionReason[] reasons = RejectionReason.values();
            long closedBefore = end.minus(Duration.ofDays(90)).toEpochMilli();
            long tick = t;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONTACTS.REFERRAL (ID, KIND, OFFER_ID,"
                    + " JOB_SEEKER_ID, PARTNER_ID, COUNSELLOR_ID, STATE, REASON, CREATED_AT, UPDATED_AT, OPEN_KEY,"
                    + " COUNSELLOR_NAME, COUNSELLOR_EMAIL, PRESENTATION_ID, OFFER_PRESELECTED, OFFER_DIRECT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    int p = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    p = p < 0 ? -p - 1 : p;
                    p = Math.min(p, PARTNERS - 1);
                    perPartner[p]++;
                    String seeker = seekerIds[firstSeeker[p] + random.nextInt(firstSeeker[p + 1] - firstSeeker[p])];
                    // popular offers get more acts: the square favours the low numbers
                    int o = (int) (OFFERS * Math.pow(random.nextDouble(), 2));
                    String offerId = String.format("2%06d", o);
                    boolean preselected = o % 5 == 0;
                    boolean direct = !preselected && o % 8 != 1;
                    ReferralKind kind = !preselected ? ReferralKind.CONTACT
                            : random.nextInt(10) < 7 ? ReferralKind.RELATION : ReferralKind.SUMMONS;
                    long created = first.toEpochMilli() + (long) (span * ((i + random.nextDouble()) / n));
                    ReferralState state = state(random, kind);
                    if (state.open() && created < closedBefore) {
                        state = ReferralState.NO_ANSWER; // the 30-day job closed what stayed unanswered
                    }
                    String openKey = state.open() ? offerId + "/" + seeker : null;
                    if (openKey != null && !openKeys.add(openKey)) {
                        state = ReferralState.NO_ANSWER;
                        openKey = null;
                    }
                    long updated = Math.min(end.toEpochMilli() - 1, created + (state.open()
                            ? random.nextInt(10) : 1 + random.nextInt(60)) * 86_400_000L + random.nextInt(28_800_000));
                    int counsellor = random.nextInt(6);
                    ps.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
                    ps.setString(2, kind.name());
                    ps.setString(3, offerId);
                    ps.setString(4, seeker);
                    ps.setString(5, partner(p));
                    ps.setString(6, "acc-" + p + "-" + counsellor);
                    ps.setString(7, state.name());
                    ps.setString(8, state == ReferralState.NOT_RETAINED ? reasons[random.nextInt(reasons.length)]
                            .name() : null);
                    ps.setTimestamp(9, new Timestamp(created));
                    ps.setTimestamp(10, new Timestamp(updated));
                    ps.setString(11, openKey);
                    ps.setString(12, "Conseiller" + counsellor + " Structure" + p);
                    ps.setString(13, "conseiller" + counsellor + "@structure" + p + ".example.org");
                    ps.setString(14, kind != ReferralKind.SUMMONS && random.nextInt(100) < 8
                            ? new UUID(random.nextLong(), random.nextLong()).toString() : null);
                    ps.setInt(15, preselected ? 1 : 0);
                    ps.setInt(16, direct ? 1 : 0);
                    ps.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        ps.executeBatch();
                    }
                    if ((i + 1) % 20_000 == 0) {
                        c.commit();
                    }
                    if ((i + 1) % 100_000 == 0) {
                        long now = System.nanoTime();
                        System.out.printf("  %,d acts (%,.0f/s over the last 100,000)%n", i + 1,
                                100_000 / ((now - tick) / 1e9));
                        tick = now;
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            int top = 0;
            for (int p = 1; p < PARTNERS; p++) {
                top = perPartner[p] > perPartner[top] ? p : top;
            }
            long[] sorted = perPartner.clone();
            Arrays.sort(sorted);
            System.out.printf("  %,d acts in %.0f s; per partner: largest %,d (%s), median %,d, smallest %,d%n", n,
                    (System.nanoTime() - t) / 1e9, perPartner[top], partner(top), sorted[PARTNERS / 2], sorted[0]);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT KIND, STATE, COUNT(*)"
                    + " FROM CONTACTS.REFERRAL GROUP BY KIND, STATE ORDER BY 1, 2")) {
                StringBuilder mix = new StringBuilder("  mix:");
                while (rs.next()) {
                    mix.append(String.format(" %s/%s %.1f%%", rs.getString(1), rs.getString(2),
                            100.0 * rs.getLong(3) / n));
                }
                System.out.println(mix);
            }
            c.commit();
            return partner(top);
        }
    }

    static String partner(int p) {
        return String.format("partner-%03d", p);
    }

    static ReferralState state(Random random, ReferralKind kind) {
        int r = random.nextInt(100);
        ReferralState s = r < 3 ? ReferralState.PROPOSED : r < 25 ? ReferralState.SENT
                : r < 30 ? ReferralState.CV_REQUESTED : r < 34 ? ReferralState.SUMMONED
                : r < 42 ? ReferralState.HIRED : r < 72 ? ReferralState.NOT_RETAINED
                : r < 89 ? ReferralState.NO_ANSWER : r < 95 ? ReferralState.WITHDRAWN : ReferralState.OBSOLETE;
        return s == ReferralState.SUMMONED && kind == ReferralKind.CONTACT ? ReferralState.CV_REQUESTED : s;
    }

    record Query(String period, LocalDate from, LocalDate to, String scope, String partnerId) {
    }

    static void measure(EmbeddedDataSource db, Indicators indicators, String largest, int reps, String indexes,
            List<String> markdown) throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String[] period : new String[][] {{"month", MONTH_FROM.toString(), MONTH_TO.toString()},
                {"year", FIRST_DAY.toString(), LAST_DAY.toString()}}) {
            LocalDate from = LocalDate.parse(period[1]);
            LocalDate to = LocalDate.parse(period[2]);
            queries.add(new Query(period[0], from, to, "all partners", null));
            queries.add(new Query(period[0], from, to, "largest partner", largest));
        }
        Map<String, List<Long>> nanos = new HashMap<>();
        Map<String, String> sizes = new HashMap<>();
        for (int rep = -1; rep < reps; rep++) { // rep -1 warms up and is not kept
            for (Query q : queries) {
                time(nanos, sizes, rep, q.period() + "|count", () -> countActs(db, q.from(), q.to()) + " acts");
                time(nanos, sizes, rep, q.period() + "|" + q.scope() + "|activity", () -> {
                    List<PlacementActivity> lines = indicators.activity(OPERATOR, q.from(), q.to(), q.partnerId());
                    return lines.size() + " lines";
                });
                time(nanos, sizes, rep, q.period() + "|" + q.scope() + "|tripartite", () -> {
                    TripartiteIndicators t = indicators.tripartite(OPERATOR, q.from(), q.to(), q.partnerId());
                    return t.toString();
                });
            }
        }
        System.out.printf("%n  indexes %s, median of %d after a warm-up%n", indexes, reps);
        System.out.printf("  %-6s %-16s %12s %12s %8s %12s %8s%n", "period", "scope", "COUNT(*) ms", "activity ms",
                "×", "tripartite ms", "×");
        for (Query q : queries) {
            double count = median(nanos.get(q.period() + "|count")) / 1e6;
            double activity = median(nanos.get(q.period() + "|" + q.scope() + "|activity")) / 1e6;
            double tripartite = median(nanos.get(q.period() + "|" + q.scope() + "|tripartite")) / 1e6;
            System.out.printf("  %-6s %-16s %12.1f %12.1f %8.1f %12.1f %8.1f%n", q.period(), q.scope(), count,
                    activity, activity / count, tripartite, tripartite / count);
            markdown.add(String.format("| %s | %s | %s | %.1f | %.1f | %.1f× | %.1f | %.1f× |", indexes, q.period(),
                    q.scope() + (q.partnerId() == null ? "" : " (" + q.partnerId() + ")"), count, activity,
                    activity / count, tripartite, tripartite / count));
        }
        for (Query q : queries) {
            System.out.printf("  %s, %s: %s; %s; %s%n", q.period(), q.scope(), sizes.get(q.period() + "|count"),
                    sizes.get(q.period() + "|" + q.scope() + "|activity"),
                    sizes.get(q.period() + "|" + q.scope() + "|tripartite"));
        }
    }

    static void time(Map<String, List<Long>> nanos, Map<String, String> sizes, int rep, String key,
            Supplier<String> call) {
        long t = System.nanoTime();
        String size = call.get();
        long spent = System.nanoTime() - t;
        if (rep >= 0) {
            nanos.computeIfAbsent(key, k -> new ArrayList<>()).add(spent);
        }
        sizes.put(key, size);
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** The baseline: how many acts the period has, what the indicators' own filter selects. */
    static long countActs(EmbeddedDataSource db, LocalDate from, LocalDate to) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM CONTACTS.REFERRAL WHERE CREATED_AT >= ? AND CREATED_AT < ?")) {
            ps.setTimestamp(1, Timestamp.from(from.atStartOfDay(PARIS).toInstant()));
            ps.setTimestamp(2, Timestamp.from(to.plusDays(1).atStartOfDay(PARIS).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
