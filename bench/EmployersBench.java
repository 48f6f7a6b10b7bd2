import fr.opus.accounts.api.AuditTrail;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.contacts.api.Referrals;
import fr.opus.employers.api.ContactDraft;
import fr.opus.employers.api.Employer;
import fr.opus.employers.api.Employers;
import fr.opus.employers.api.NoteDraft;
import fr.opus.employers.impl.EmployersManager;
import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.ManagingPartner;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.Siret;
import fr.opus.offers.api.SupportLevel;
import fr.opus.offers.impl.OfferService;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.ReferentialService;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;

/**
 * The employer page benchmark (bench/employers.sh runs it; see bundles/fr.opus.employers.impl/README.md).
 *
 * <pre>
 * java -cp CLASSPATH bench/EmployersBench.java WORK-FOLDER [other offers] [measured reads per kind] [rounds]
 * </pre>
 *
 * In one JVM, on an embedded Derby database on disk made by the real migrations (OFFERS, EMPLOYERS), with the real
 * offers service (store, feed rules, Lucene index; reference data faked: one ROME code, two contract types) and the
 * real employers service: it feeds {@code other} offers of other employers (five establishments per company), then
 * 50 offers of one establishment (32 nominative, 12 visibility, 6 anonymous; 10 of them then suspended or closed; 5
 * managed by the reading counsellor's partner), and stores 3 contacts and 5 notes on it. Then it times, in rounds
 * that alternate the kinds so that drift of a shared machine falls on all of them:
 * <ul>
 * <li><b>baseline</b>: one offer lookup, {@code OfferCatalog.find(id)} (a primary-key read of the stored JSON and
 * its parsing), what {@code GET /api/v1/offers/{id}} costs below HTTP;</li>
 * <li>the employer page, {@code Employers.employer(caller, siret)}, read by a France Travail agent (all 50 offers)
 * and by a counsellor (its 35 non-anonymous active offers and the managed ones: the partner read and the rules),
 * each with its audit row (the audit trail is replaced by one INSERT into a table of the same database, what the
 * accounts capability's trail costs);</li>
 * <li>the same page of an establishment with a single offer, to tell the per-offer cost from the fixed one;</li>
 * <li>both pages again with an audit trail that writes nothing, to tell the audit row's commit (a log sync) from
 * the reads.</li>
 * </ul>
 * It prints each kind's p50, p90, p99 and mean, and its p50 as a multiple of the baseline's, measured in the same
 * run.
 */
public class EmployersBench {

    static final String SIRET = Siret.withCheckDigit("9876543210001");
    static final String SMALL = Siret.withCheckDigit("9876543220001");
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());

        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(work.resolve("db").toString());
        db.setCreateDatabase("create");
        for (String schema : List.of("OFFERS", "EMPLOYERS")) {
            Flyway.configure().dataSource(db).schemas(schema).table("SCHEMA_HISTORY")
                    .locations("classpath:db/" + schema.toLowerCase()).load().migrate();
        }
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE APP.AUDIT (OCCURRED_AT TIMESTAMP, ACTOR VARCHAR(80), ACTION VARCHAR(60),"
                    + " SUBJECT VARCHAR(60), DETAIL VARCHAR(200))");
        }

        OfferService offers = new OfferService(db, referentials(), null, offersConfig(work.resolve("index")));
        try {
            run(db, offers, others, reads, rounds);
        } finally {
            // package-private @Deactivate: stop its commit thread and close the index as the container would
            java.lang.reflect.Method deactivate = OfferService.class.getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(offers);
        }
    }

    static void run(EmbeddedDataSource db, OfferService offers, int others, int reads, int rounds) throws Exception {
        long start = System.nanoTime();
        List<OfferEvent> batch = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            String siret = Siret.withCheckDigit(Siret.withCheckDigit(String.format("%08d", 10_000_000 + i / 5))
                    + String.format("%04d", 1 + i % 5)); // five establishments per company
            batch.add(created("O" + i, siret, Diffusion.NOMINATIVE, null));
            if (batch.size() == 1000) {
                feed(offers, batch);
            }
        }
        for (int i = 0; i < 50; i++) {
            Diffusion diffusion = i % 8 < 5 ? Diffusion.NOMINATIVE : i % 8 < 7 ? Diffusion.VISIBILITY
                    : Diffusion.ANONYMOUS;
            batch.add(created("E" + i, SIRET, diffusion, i % 10 == 3 ? "38001" : null));
        }
        batch.add(created("S0", SMALL, Diffusion.NOMINATIVE, null));
        feed(offers, batch);
        for (int i = 0; i < 10; i++) {
            batch.add(new OfferEvent("ev-E" + (40 + i) + "-2", i % 2 == 0 ? OfferEventType.SUSPENDED
                    : OfferEventType.CLOSED, "E" + (40 + i), 2L, T0.plusSeconds(60), null));
        }
        feed(offers, batch);
        System.out.printf("%,d offers fed in %.1f s%n", others + 51, (System.nanoTime() - start) / 1e9);

        Caller agent = new Caller("acc-ft", "fagent", Role.FT_AGENT, null, null, "52", Set.of(), Set.of(), null);
        Caller counsellor = new Caller("acc-c", "cmartin", Role.COUNSELLOR, "partner-a", "conv-a", "52",
                Set.of("consultation-offres"), Set.of(), null);
        Employers employers = new EmployersManager(db, null, offers, referrals(), audit(db), partners());
        // the same, with an audit trail that writes nothing: how much of the page is the audit row's commit
        Employers unaudited = new EmployersManager(db, null, offers, referrals(), noAudit(), partners());
        for (int i = 0; i < 3; i++) {
            employers.addContact(agent, SIRET, new ContactDraft("Contact " + "ABC".charAt(i) + " Durand",
                    "Recrutement", "contact" + i + "@entreprise.example", null));
        }
        for (int i = 0; i < 5; i++) {
            employers.addNote(i % 2 == 0 ? agent : counsellor, SIRET,
                    new NoteDraft("Note " + i + " : recrute surtout à l'automne, préfère un premier contact par"
                            + " courriel, locaux accessibles en transports en commun."));
        }
        Employer ft = employers.employer(agent, SIRET);
        Employer partner = employers.employer(counsellor, SIRET);
        System.out.printf("page of %s: %d offers, %d contacts, %d notes for France Travail; %d offers, %d contacts"
                + " for the counsellor%n", SIRET, ft.offers().size(), ft.contacts().size(), ft.notes().size(),
                partner.offers().size(), partner.contacts().size());

        List<Kind> kinds = List.of(
                new Kind("baseline: one offer lookup", () -> offers.find("E7").orElseThrow()),
                new Kind("page, 50 offers, FT agent", () -> employers.employer(agent, SIRET)),
                new Kind("page, 50 offers, counsellor", () -> employers.employer(counsellor, SIRET)),
                new Kind("page, 1 offer, FT agent", () -> employers.employer(agent, SMALL)),
                new Kind("page, 50 offers, FT, no audit", () -> unaudited.employer(agent, SIRET)),
                new Kind("page, 1 offer, FT, no audit", () -> unaudited.employer(agent, SMALL)));
        int warmUp = Math.max(2_000, reads / 4);
        for (int i = 0; i < warmUp; i++) {
            for (Kind k : kinds) {
                k.call().get();
            }
        }
        int perRound = Math.max(1, reads / rounds);
        for (int round = 0; round < rounds; round++) {
            for (Kind k : kinds) {
                for (int i = 0; i < perRound; i++) {
                    long t = System.nanoTime();
                    k.call().get();
                    k.nanos().add(System.nanoTime() - t);
                }
            }
        }
        double base = percentile(kinds.get(0), 0.50);
        System.out.printf("%n%-30s %9s %9s %9s %9s %9s%n", "", "p50 µs", "p90 µs", "p99 µs", "mean µs", "p50 ×");
        for (Kind k : kinds) {
            System.out.printf("%-30s %9.1f %9.1f %9.1f %9.1f %9.1f%n", k.name(), percentile(k, 0.50) / 1e3,
                    percentile(k, 0.90) / 1e3, percentile(k, 0.99) / 1e3, mean(k) / 1e3, percentile(k, 0.50) / base);
        }
        System.out.printf("(%,d measured reads per kind in %d alternating rounds after %,d warm-up reads each; %s,"
                + " %d cores)%n", perRound * rounds, rounds, warmUp, System.getProperty("java.vm.name") + " "
                + Runtime.version(), Runtime.getRuntime().availableProcessors());
    }

    record Kind(String name, Supplier<Object> call, List<Long> nanos) {
        Kind(String name, Supplier<Object> call) {
            this(name, call, new ArrayList<>());
        }
    }

    static double percentile(Kind k, double p) {
        long[] sorted = k.nanos().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static double mean(Kind k) {
        return k.nanos().stream().mapToLong(Long::longValue).average().orElse(0);
    }

    static void feed(OfferService offers, List<OfferEvent> batch) {
        FeedReceipt receipt = offers.accept(List.copyOf(batch));
        if (receipt.rejected() > 0) {
            throw new IllegalStateException("rejected: " + receipt.outcomes().stream()
                    .filter(o -> o.code() != null).findFirst().orElseThrow());
        }
        batch.clear();
    }

    static OfferEvent created(String id, String siret, Diffusion diffusion, String managingSafir) {
        OfferContent content = OfferContent.builder().id(id).title("Vendeur / Vendeuse en boulangerie (H/F)")
                .description("Vous accueillez la clientèle, conseillez et vendez les produits de la boulangerie,"
                        + " mettez en place la vitrine et tenez la caisse. Travail le week-end par roulement.")
                .creationDate("2026-11-20T08:00:00.000Z").updateDate("2026-11-20T08:00:00.000Z").romeCode("D1106")
                .workplace(new OfferContent.Workplace("72 - Le Mans", 48.0, 0.2, "72000", null))
                .company(new OfferContent.Company("Entreprise " + siret.substring(0, 9), "Commerce de détail", null,
                        null, false))
                .contact(new OfferContent.Contact("Service recrutement", null, null, null, null,
                        "recrutement@entreprise.example", null, null, null))
                .contractType(id.hashCode() % 2 == 0 ? "CDI" : "CDD").contractTypeLabel("Contrat")
                .contractNature("Contrat travail").experienceRequirement("D").experienceLabel("Débutant accepté")
                .naf("47.24Z", "47", "Commerce de détail de pain").workingTimeKind("Temps plein").build();
        Offer offer = new Offer(id, null, 1, T0, diffusion, SupportLevel.SUPPORT, null, null,
                managingSafir == null ? null : new ManagingPartner(managingSafir, "Mission Locale du Mans",
                        "offres@ml.example", null), null, content, siret);
        return new OfferEvent("ev-" + id + "-1", OfferEventType.CREATED, id, 1L, T0, offer);
    }

    static ReferentialService referentials() {
        return (ReferentialService) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {ReferentialService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "job" -> Optional.of(new Job((String) args[0], "Vente en alimentation", "D", null));
                    case "codeList" -> args[0] == CodeList.TYPES_CONTRATS
                            ? List.of(new CodeLabel("CDI", "CDI"), new CodeLabel("CDD", "CDD")) : List.of();
                    default -> method.getReturnType() == Optional.class ? Optional.empty() : List.of();
                });
    }

    static OfferService.Config offersConfig(Path index) {
        return (OfferService.Config) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {OfferService.Config.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "indexPath" -> index.toString();
                    case "commitIntervalSeconds" -> 5;
                    default -> throw new AssertionError(method.getName());
                });
    }

    /** One INSERT per event on the same database: what the accounts capability's trail costs. */
    static AuditTrail audit(EmbeddedDataSource db) {
        return (AuditTrail) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("record")) {
                        throw new AssertionError(method.getName());
                    }
                    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO APP.AUDIT VALUES (CURRENT_TIMESTAMP, ?, ?, ?, ?)")) {
                        ps.setString(1, ((Caller) args[0]).login());
                        ps.setString(2, (String) args[2]);
                        ps.setString(3, (String) args[4]);
                        ps.setString(4, (String) args[6]);
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
    }

    static AuditTrail noAudit() {
        return (AuditTrail) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> null);
    }

    static PartnerDirectory partners() {
        Partner a = new Partner("partner-a", PartnerKind.MISSION_LOCALE, "Mission Locale du Mans", "38001", "52",
                null, Instant.EPOCH, Instant.EPOCH);
        return (PartnerDirectory) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {PartnerDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("partner")) {
                        throw new AssertionError(method.getName());
                    }
                    return a;
                });
    }

    static Referrals referrals() {
        return (Referrals) Proxy.newProxyInstance(EmployersBench.class.getClassLoader(),
                new Class<?>[] {Referrals.class}, (proxy, method, args) -> {
                    throw new AssertionError("the page reads no act: " + method.getName());
                });
    }
}
