package fr.opus.offers.impl;

import static fr.opus.offers.impl.Offers.content;
import static fr.opus.offers.impl.Offers.created;
import static fr.opus.offers.impl.Offers.event;
import static fr.opus.offers.impl.Offers.offer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.Diffusion;
import fr.opus.offers.api.EventOutcome.Result;
import fr.opus.offers.api.Facet;
import fr.opus.offers.api.FeedReceipt;
import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.Offer;
import fr.opus.offers.api.OfferEvent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.platform.api.OpusException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offer service on a real embedded Derby schema made by the real migration, and a real Lucene index. */
class OfferServiceTest {

    static final String SIRET = fr.opus.offers.api.Siret.withCheckDigit("4410236780001");
    static final String OTHER_SIRET = fr.opus.offers.api.Siret.withCheckDigit("4410236780002");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    EmbeddedDataSource dataSource;
    OfferService service;

    @BeforeEach
    void start() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:offers-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("OFFERS").table("SCHEMA_HISTORY")
                .locations("classpath:db/offers").load().migrate();
        service = open(tmp.resolve("index"));
    }

    private OfferService open(Path index) {
        return new OfferService(dataSource, new FakeReferentials(), index, CLOCK, 3600);
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private static OfferQuery.Builder query() {
        return OfferQuery.builder();
    }

    private List<String> ids(OfferQuery.Builder q) {
        return service.search(q.build()).offers().stream().map(PublishedOffer::id).toList();
    }

    @Test
    void createdOfferIsFoundByKeywordWhateverAccentsCaseAndGender() {
        FeedReceipt r = service.accept(List.of(created("201WLXK", 1,
                offer(content("Développeuse backend Python (H/F)", "M1855", "72181", "CDI").build(),
                        Diffusion.NOMINATIVE))));
        assertEquals(1, r.accepted());
        assertEquals(List.of("201WLXK"), ids(query().keywords(List.of("developpeur"))));
        assertEquals(List.of("201WLXK"), ids(query().keywords(List.of("DÉVELOPPEURS", "python"))));
        assertEquals(List.of(), ids(query().keywords(List.of("developpeur", "java"))), "keywords combine with AND");
        assertEquals(List.of("201WLXK"), ids(query().keywords(List.of("201WLXK"))), "offer id as keyword");
    }

    @Test
    void suspensionRemovesTheOfferFromSearchAndLookupAndResumptionBringsItBack() {
        service.accept(List.of(created("1A", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE))));
        assertTrue(service.findPublished("1A").isPresent());
        service.accept(List.of(event(OfferEventType.SUSPENDED, "1A", 2)));
        assertTrue(service.findPublished("1A").isEmpty());
        assertEquals(0, service.search(query().keywords(List.of("boulanger")).build()).total());
        assertEquals(OfferStatus.SUSPENDED, service.find("1A").orElseThrow().status());
        service.accept(List.of(event(OfferEventType.RESUMED, "1A", 3)));
        assertEquals(List.of("1A"), ids(query().keywords(List.of("boulanger"))));
        service.accept(List.of(event(OfferEventType.CANCELLED, "1A", 4)));
        assertTrue(service.findPublished("1A").isEmpty());
        assertEquals(0, service.search(query().build()).total());
    }

    @Test
    void duplicateEventsChangeNothingAndOlderVersionsAreIgnored() {
        OfferEvent create = created("2B", 5, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE));
        assertEquals(Result.ACCEPTED, service.accept(List.of(create)).outcomes().get(0).result());
        assertEquals(Result.DUPLICATE, service.accept(List.of(create)).outcomes().get(0).result());
        FeedReceipt late = service.accept(List.of(event(OfferEventType.SUSPENDED, "2B", 4)));
        assertEquals(Result.STALE, late.outcomes().get(0).result());
        assertEquals(OfferStatus.ACTIVE, service.find("2B").orElseThrow().status());
        assertEquals(5, service.find("2B").orElseThrow().version());
    }

    @Test
    void malformedEventsAreRejectedOneByOneAndTheRestOfTheBatchIsKept() {
        List<OfferEvent> batch = new ArrayList<>();
        batch.add(created("3C", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE)));
        batch.add(created("3D", 1, offer(content("Boulanger", "Z9999", "72181", "CDI").build(),
                Diffusion.NOMINATIVE)));
        batch.add(created("3E", 1, offer(content("Boulanger", "D1102", "99999", "CDI").build(),
                Diffusion.NOMINATIVE)));
        batch.add(new OfferEvent(null, OfferEventType.CREATED, "3F", 1L, Instant.now(), null));
        batch.add(event(OfferEventType.SUSPENDED, "UNKNOWN", 1));
        batch.add(new OfferEvent("e-6", OfferEventType.CREATED, "3G", 1L, Offers.T0, null));
        batch.add(created("3H", 1, offer(content("", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE)));
        FeedReceipt r = service.accept(batch);
        assertEquals(1, r.accepted());
        assertEquals(6, r.rejected());
        assertEquals("offer.content.romeCode", r.outcomes().get(1).field());
        assertEquals("offer.content.lieuTravail.commune", r.outcomes().get(2).field());
        assertEquals("eventId", r.outcomes().get(3).field());
        assertEquals("unknown-offer", r.outcomes().get(4).code());
        assertEquals("offer", r.outcomes().get(5).field());
        assertEquals("offer.content.intitule", r.outcomes().get(6).field());
        r.outcomes().stream().skip(1).forEach(o -> assertFalse(o.detail().isBlank()));
        assertTrue(service.find("3C").isPresent());
        assertTrue(service.find("3D").isEmpty());
    }

    @Test
    void theActiveOffersPublishedBeforeAnInstantAreListedForTheLifeCycleJobs() {
        service.accept(List.of(
                created("5A", 1, offer(content("Boulanger", "D1102", "72181", "CDI")
                        .creationDate("2026-10-01T08:00:00.000Z").build(), Diffusion.NOMINATIVE)),
                created("5B", 1, offer(content("Boulanger", "D1102", "72181", "CDI")
                        .creationDate("2026-11-10T08:00:00.000Z").build(), Diffusion.NOMINATIVE)),
                created("5C", 1, offer(content("Boulanger", "D1102", "72181", "CDI")
                        .creationDate("2026-09-01T08:00:00.000Z").build(), Diffusion.NOMINATIVE)),
                event(OfferEventType.SUSPENDED, "5C", 2)));
        assertEquals(List.of("5A"), service.activeOfferIds(Instant.parse("2026-11-01T00:00:00Z")));
        assertEquals(List.of("5A", "5B"), service.activeOfferIds(Instant.parse("2026-11-10T08:00:00Z")));
    }

    @Test
    void aCancelledOfferCannotComeBack() {
        service.accept(List.of(created("4A", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE)), event(OfferEventType.CANCELLED, "4A", 2)));
        FeedReceipt r = service.accept(List.of(event(OfferEventType.RESUMED, "4A", 3)));
        assertEquals("offer-final", r.outcomes().get(0).code());
        assertEquals(OfferStatus.CANCELLED, service.find("4A").orElseThrow().status());
    }

    @Test
    void anAnonymousOfferIsNeitherFoundByNorShowsItsEmployer() {
        service.accept(List.of(created("5A", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.ANONYMOUS, SIRET))));
        assertEquals(0, service.search(query().keywords(List.of("dupain")).build()).total());
        assertEquals(0, service.search(query().keywords(List.of(SIRET)).build()).total(), "nor by its SIRET");
        PublishedOffer shown = service.search(query().keywords(List.of("boulanger")).build()).offers().get(0);
        assertFalse(shown.jsonText().contains("DUPAIN"), shown.jsonText());
        assertFalse(shown.jsonText().contains("dupain.example"), shown.jsonText());
        assertFalse(shown.jsonText().contains(SIRET), shown.jsonText());
        assertNull(service.findPublished("5A").orElseThrow().company());
        assertNull(service.find("5A").orElseThrow().asPublished().siret());
        assertEquals(SIRET, service.find("5A").orElseThrow().siret(), "stored for France Travail and Opus itself");
    }

    @Test
    void theFeedCarriesTheSiretAndTheCatalogListsAnEstablishmentsOffersInEveryStatus() {
        FeedReceipt r = service.accept(List.of(
                created("7A", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE,
                        SIRET.substring(0, 9) + " " + SIRET.substring(9))),
                created("7B", 1, offer(content("Vendeur", "D1102", "72181", "CDD").build(), Diffusion.ANONYMOUS,
                        SIRET)),
                created("7C", 1, offer(content("Pâtissier", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE,
                        OTHER_SIRET)),
                created("7D", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE,
                        SIRET.substring(0, 13) + (SIRET.charAt(13) == '9' ? '0' : (char) (SIRET.charAt(13) + 1)))),
                created("7E", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE,
                        "1234"))));
        assertEquals(3, r.accepted());
        assertEquals("offer.siret", r.outcomes().get(3).field());
        assertEquals("invalid-property", r.outcomes().get(3).code());
        assertTrue(r.outcomes().get(3).detail().contains("formule de Luhn"), r.outcomes().get(3).detail());
        assertTrue(r.outcomes().get(4).detail().contains("14 chiffres"), r.outcomes().get(4).detail());
        service.accept(List.of(event(OfferEventType.SUSPENDED, "7B", 2), event(OfferEventType.CLOSED, "7A", 2)));

        assertEquals(List.of("7A", "7B"), service.findBySiret(SIRET).stream().map(Offer::id).sorted().toList(),
                "every status, the SIRET typed with a space stored without");
        assertEquals(SIRET, service.find("7B").orElseThrow().siret(), "kept through a status change");
        assertEquals(OfferStatus.CLOSED, service.findBySiret(SIRET).stream().filter(o -> o.id().equals("7A"))
                .findFirst().orElseThrow().status());
        assertEquals(List.of("7C"), service.findBySiret(OTHER_SIRET).stream().map(Offer::id).toList());
        assertEquals(List.of(), service.findBySiret(fr.opus.offers.api.Siret.withCheckDigit("9999999990001")));
        assertNull(service.find("7E").orElse(null), "a rejected event stores nothing");
    }

    @Test
    void feedCompletesTheWorkplaceFromTheCommune() {
        service.accept(List.of(created("6A", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE))));
        var place = service.findPublished("6A").orElseThrow().workplace();
        assertEquals("72 - Le Mans", place.label());
        assertEquals("72000", place.postalCode());
        assertEquals(48.0075, place.latitude());
        assertEquals("Boulanger / Boulangère", service.findPublished("6A").orElseThrow().romeLabel());
    }

    private void load() {
        service.accept(List.of(
                created("LM1", 1, offer(content("Développeur Java", "M1855", "72181", "CDI").build(),
                        Diffusion.NOMINATIVE)),
                created("LM2", 1, offer(content("Boulanger", "D1102", "72003", "CDD")
                        .contractNature("Contrat apprentissage").creationDate("2026-11-22T08:00:00.000Z").build(),
                        Diffusion.NOMINATIVE)),
                created("MT1", 1, offer(content("Préparateur de commandes", "N1103", "34240", "MIS")
                        .qualification("9", "Cadre").build(), Diffusion.NOMINATIVE)),
                created("PA1", 1, offer(content("Gestionnaire de biens", "C1502", "75115", "CDI")
                        .workingTimeKind("Temps partiel").build(), Diffusion.VISIBILITY)),
                created("LY1", 1, offer(content("Infirmier de nuit", "J1506", "69123", "CDD")
                        .experienceRequirement("E").experienceLabel("5 An(s)").build(), Diffusion.NOMINATIVE))));
    }

    @Test
    void filtersOnGeographyJobsAndContracts() {
        load();
        assertEquals(List.of("LM1", "LM2").stream().sorted().toList(),
                ids(query().region("52")).stream().sorted().toList());
        assertEquals(List.of("MT1"), ids(query().departments(List.of("34"))));
        assertEquals(List.of("LM1"), ids(query().communes(List.of("72181")).distanceKm(0)));
        assertEquals(2, ids(query().communes(List.of("72181")).distanceKm(10)).size(), "Allonnes is 5 km away");
        assertEquals(List.of("MT1"), ids(query().communes(List.of("34172"))), "default radius 10 km");
        assertEquals(List.of("PA1"), ids(query().communes(List.of("75056")).distanceKm(0)), "Paris's arrondissements");
        assertEquals(List.of("LM1"), ids(query().romeCodes(List.of("M1855"))));
        assertEquals(List.of("LM1"), ids(query().grandDomain("M18")));
        assertEquals(List.of("PA1"), ids(query().grandDomain("C15")));
        assertEquals(List.of("LM1"), ids(query().domain("M18")));
        assertEquals(List.of("MT1"), ids(query().qualification("9")));
        assertEquals(List.of("LY1"), ids(query().experience("3")));
        assertEquals(List.of("PA1"), ids(query().fullTime(false)));
        assertEquals(3, ids(query().contractTypes(List.of("CDI")).contractNatures(List.of("E2"))).size(),
                "typeContrat OR natureContrat");
        assertEquals(List.of("LM2"), ids(query().minCreationDate(Instant.parse("2026-11-21T00:00:00Z"))));
        assertEquals(List.of("LM2"), ids(query().publishedSinceDays(2)));
    }

    @Test
    void unknownCodesAnswer400NamingTheParameter() {
        assertEquals("commune", assertThrows(OpusException.class,
                () -> service.search(query().communes(List.of("99999")).build())).field());
        assertEquals("codeROME", assertThrows(OpusException.class,
                () -> service.search(query().romeCodes(List.of("Z9999")).build())).field());
        assertEquals("region", assertThrows(OpusException.class,
                () -> service.search(query().region("99").build())).field());
    }

    @Test
    void pagesSortsAndCountsFacetsOverEveryMatch() {
        load();
        OfferPage page = service.search(query().sort(OfferQuery.Sort.DATE).range(0, 1).build());
        assertEquals(5, page.total());
        assertEquals(2, page.offers().size());
        assertEquals("LM2", page.offers().get(0).id(), "newest first");
        assertFalse(page.complete());
        OfferPage rest = service.search(query().sort(OfferQuery.Sort.DATE).range(2, 10).build());
        assertEquals(3, rest.offers().size());
        assertEquals(4, rest.last());
        Facet contracts = page.facets().stream().filter(f -> f.name().equals("typeContrat")).findFirst()
                .orElseThrow();
        assertEquals(List.of(new Facet.Value("CDD", 2), new Facet.Value("CDI", 2), new Facet.Value("MIS", 1)),
                contracts.values(), "by count, then value");
        assertEquals(3, contracts.values().size());
        Facet natures = page.facets().stream().filter(f -> f.name().equals("natureContrat")).findFirst()
                .orElseThrow();
        assertTrue(natures.values().contains(new Facet.Value("E2", 1)));
        OfferPage near = service.search(query().communes(List.of("72181")).distanceKm(30)
                .sort(OfferQuery.Sort.DISTANCE).build());
        assertEquals(List.of("LM1", "LM2"), near.offers().stream().map(PublishedOffer::id).toList());
    }

    @Test
    void facetsAndPagesStayExactAsBatchesChangeOffersAcrossSegments() {
        load();
        // each batch makes a segment; later batches replace or remove offers of earlier ones
        service.accept(List.of(event(OfferEventType.SUSPENDED, "MT1", 2)));
        service.accept(List.of(created("LM1", 2, offer(content("Développeur Java", "M1855", "72181", "CDD")
                .creationDate("2026-11-23T09:00:00.000Z").build(), Diffusion.NOMINATIVE))));
        service.accept(List.of(created("NE1", 1, offer(content("Boulanger", "D1102", "72181", "CDD")
                .creationDate("2026-11-20T08:00:00.000Z").build(), Diffusion.NOMINATIVE))));
        OfferPage page = service.search(query().sort(OfferQuery.Sort.DATE).build());
        assertEquals(List.of("LM1", "LM2", "NE1", "LY1", "PA1"),
                page.offers().stream().map(PublishedOffer::id).toList(),
                "rank order, whatever the segments");
        Facet contracts = page.facets().stream().filter(f -> f.name().equals("typeContrat")).findFirst()
                .orElseThrow();
        assertEquals(List.of(new Facet.Value("CDD", 4), new Facet.Value("CDI", 1)), contracts.values());
        assertEquals(5, page.total());
    }

    @Test
    void feedStatusKeepsCountsInStepWithTheDatabaseAndAfterARestart() {
        load();
        service.accept(List.of(event(OfferEventType.SUSPENDED, "MT1", 2), event(OfferEventType.CANCELLED, "LY1", 2),
                event(OfferEventType.SUSPENDED, "LM1", 1)));
        FeedStatus live = service.status();
        assertEquals(3, live.offersByStatus().get(OfferStatus.ACTIVE));
        assertEquals(1, live.offersByStatus().get(OfferStatus.SUSPENDED));
        assertEquals(1, live.offersByStatus().get(OfferStatus.CANCELLED));
        assertEquals(8, live.eventsReceived(), "5 creations, 2 changes and 1 stale event stored");
        assertEquals(Offers.T0.plusSeconds(2), live.lastEventAt());
        assertEquals(CLOCK.instant(), live.lastBatchAt());
        service.deactivate();
        service = open(tmp.resolve("index"));
        FeedStatus restarted = service.status();
        assertEquals(live.offersByStatus(), restarted.offersByStatus(), "the counts the database gives");
        assertEquals(live.eventsReceived(), restarted.eventsReceived());
        assertEquals(live.lastEventAt(), restarted.lastEventAt());
        assertEquals(live.lastBatchAt(), restarted.lastBatchAt());
    }

    @Test
    void keywordsRankTitlesFirstOverManyMatchesAndCountEveryOne() {
        List<OfferEvent> events = new ArrayList<>();
        // 300 offers that mention the word in their description only, newer than the one that has it in its title
        for (int i = 0; i < 300; i++) {
            events.add(created("D" + i, 1, offer(content("Vendeur " + i, "D1102", "72181", "CDI")
                    .description("Magasin partenaire d'un boulanger du centre-ville.")
                    .creationDate("2026-11-22T08:00:00.000Z").build(), Diffusion.NOMINATIVE)));
        }
        events.add(created("T1", 1, offer(content("Boulanger (H/F)", "D1102", "72181", "CDD").build(),
                Diffusion.NOMINATIVE)));
        service.accept(events);
        OfferPage page = service.search(query().keywords(List.of("boulanger")).range(0, 19).build());
        assertEquals(301, page.total(), "every match counted, not only those ranked");
        assertEquals("T1", page.offers().get(0).id(), "the title weighs more than newer offers' descriptions");
        assertEquals(20, page.offers().size());
        Facet contracts = page.facets().stream().filter(f -> f.name().equals("typeContrat")).findFirst()
                .orElseThrow();
        assertEquals(List.of(new Facet.Value("CDI", 300), new Facet.Value("CDD", 1)), contracts.values());
    }

    @Test
    void theRowKeepsTheLastEventOfABatchForEachOffer() {
        service.accept(List.of(created("R1", 1, offer(content("Boulanger", "D1102", "72181", "CDI").build(),
                Diffusion.NOMINATIVE)), event(OfferEventType.SUSPENDED, "R1", 2)));
        Offer suspended = service.find("R1").orElseThrow();
        assertEquals(OfferStatus.SUSPENDED, suspended.status());
        assertEquals(Offers.T0.plusSeconds(2), suspended.changedAt(), "the suspension's time, not the creation's");
        service.accept(List.of(event(OfferEventType.RESUMED, "R1", 3), new OfferEvent(UUID.randomUUID().toString(),
                OfferEventType.UPDATED, "R1", 4L, Offers.T0.plusSeconds(4),
                offer(content("Boulanger de nuit", "D1102", "72181", "CDI").build(), Diffusion.NOMINATIVE))));
        Offer updated = service.find("R1").orElseThrow();
        assertEquals("Boulanger de nuit", updated.content().title());
        assertEquals(Offers.T0.plusSeconds(4), updated.changedAt());
        assertEquals(4, updated.version());
    }

    @Test
    void aLostIndexIsRebuiltFromTheDatabase() throws Exception {
        load();
        service.accept(List.of(event(OfferEventType.SUSPENDED, "LY1", 2)));
        service.deactivate();
        deleteTree(tmp.resolve("index"));
        service = open(tmp.resolve("index"));
        awaitUpToDate();
        assertEquals(4, service.search(query().build()).total());
        assertEquals(4, service.status().indexedOffers());
    }

    @Test
    void anIndexBehindTheDatabaseCatchesUpOnStart() throws Exception {
        load();
        service.deactivate();
        Path stale = tmp.resolve("stale");
        copyTree(tmp.resolve("index"), stale);
        service = open(tmp.resolve("index"));
        service.accept(List.of(event(OfferEventType.SUSPENDED, "LM1", 2),
                created("NEW", 1, offer(content("Boulanger", "D1102", "34172", "CDI").build(),
                        Diffusion.NOMINATIVE))));
        service.deactivate();
        service = open(stale);
        assertEquals(List.of("LM2", "MT1", "NEW", "PA1", "LY1").stream().sorted().toList(),
                ids(query()).stream().sorted().toList());
        assertTrue(service.status().indexUpToDate());
    }

    @Test
    void demoOffersGoThroughTheFeedAndAreSearchable() {
        DemoOfferGenerator generator = new DemoOfferGenerator(new FakeReferentials(), CLOCK.instant());
        List<OfferEvent> batch = java.util.stream.LongStream.range(0, 300).mapToObj(generator::creation).toList();
        FeedReceipt r = service.accept(batch);
        assertEquals(300, r.accepted(), r.outcomes().stream().filter(o -> o.code() != null).findFirst()
                .map(Object::toString).orElse(""));
        assertEquals(300, service.search(query().build()).total());
        assertEquals(300, service.accept(batch).duplicates(), "replaying the demo changes nothing");
    }

    private void awaitUpToDate() throws InterruptedException {
        for (int i = 0; i < 200 && !service.status().indexUpToDate(); i++) {
            Thread.sleep(25);
        }
        assertTrue(service.status().indexUpToDate());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("write.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
