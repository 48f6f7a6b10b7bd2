package fr.opus.referentials.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.health.Health;
import fr.opus.referentials.api.CodeLabel;
import fr.opus.referentials.api.CodeList;
import fr.opus.referentials.api.Commune;
import fr.opus.referentials.api.Dataset;
import fr.opus.referentials.api.Job;
import fr.opus.referentials.api.Region;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the shipped reference files into an in-memory Derby schema made by the real migration, then reads them
 * back through the real persistence unit with EclipseLink, outside OSGi. Built once: loading takes seconds.
 */
class ReferentialLoaderTest {

    private static final Instant LOADED_AT = Instant.parse("2026-01-15T10:30:00Z");

    private static EmbeddedDataSource dataSource;
    private static ReferentialLoader loader;
    private static int firstLoad;
    private static ReferentialData data;

    @BeforeAll
    static void loadOnce() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:ref-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        Flyway.configure().dataSource(dataSource).schemas("REFERENTIALS").table("SCHEMA_HISTORY")
                .locations("classpath:db/referentials").load().migrate();
        loader = new ReferentialLoader(dataSource, Clock.fixed(LOADED_AT, ZoneOffset.UTC));
        firstLoad = loader.loadChanged();
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("opus-referentials",
                Map.of("javax.persistence.nonJtaDataSource", dataSource, "eclipselink.weaving", "false"));
        try {
            EntityManager em = emf.createEntityManager();
            try {
                data = ReferentialServiceImpl.read(em);
            } finally {
                em.close();
            }
        } finally {
            emf.close();
        }
    }

    @AfterAll
    static void dropDatabase() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(dataSource.getDatabaseName());
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an SQLException (08006)
        }
    }

    @Test
    void firstLoadLoadsEveryDatasetAndASecondLoadChangesNothing() {
        assertEquals(14, firstLoad);
        assertEquals(Datasets.ALL.size(), firstLoad);
        assertEquals(0, loader.loadChanged());
        assertEquals(18, count("SELECT COUNT(*) FROM REFERENTIALS.REGION"));
    }

    @Test
    void everyTableHoldsTheShippedRows() {
        assertEquals(18, count("SELECT COUNT(*) FROM REFERENTIALS.REGION"));
        assertEquals(101, count("SELECT COUNT(*) FROM REFERENTIALS.DEPARTMENT"));
        assertEquals(34_920, count("SELECT COUNT(*) FROM REFERENTIALS.COMMUNE"));
        assertEquals(1_584, count("SELECT COUNT(*) FROM REFERENTIALS.JOB"));
        assertEquals(13_120, count("SELECT COUNT(*) FROM REFERENTIALS.APPELLATION"));
        assertEquals(14, count("SELECT COUNT(*) FROM REFERENTIALS.DATASET"));
    }

    @Test
    void datasetRowCountsMatchTheTables() {
        assertEquals(34_920, count("SELECT ROW_COUNT FROM REFERENTIALS.DATASET WHERE NAME = 'communes'"));
        assertEquals(count("SELECT COUNT(*) FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = 'THEMES'"),
                count("SELECT ROW_COUNT FROM REFERENTIALS.DATASET WHERE NAME = 'themes'"));
    }

    @Test
    void themeCodesHaveNoLeadingZeros() {
        Set<String> expected = IntStream.rangeClosed(1, 17).mapToObj(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(strings(
                "SELECT CODE FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = 'THEMES'")));
    }

    @Test
    void aChangedDatasetIsReplacedWholeWithoutTouchingTheOtherLists() {
        int contractTypes = count("SELECT COUNT(*) FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = 'TYPES_CONTRATS'");
        execute("INSERT INTO REFERENTIALS.CODE_ENTRY (LIST_NAME, CODE, LABEL) VALUES ('THEMES', '99', 'Obsolète')");
        execute("UPDATE REFERENTIALS.DATASET SET CHECKSUM = '" + "0".repeat(64) + "' WHERE NAME = 'themes'");

        assertEquals(1, loader.loadChanged());

        assertEquals(17, count("SELECT COUNT(*) FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = 'THEMES'"));
        assertEquals(contractTypes,
                count("SELECT COUNT(*) FROM REFERENTIALS.CODE_ENTRY WHERE LIST_NAME = 'TYPES_CONTRATS'"));
        assertEquals(0, loader.loadChanged());
    }

    @Test
    void jpaReadsTheEighteenRegions() {
        assertEquals(18, data.regions.size());
        Region ara = data.region("84").orElseThrow();
        assertEquals("Auvergne-Rhône-Alpes", ara.name());
        assertFalse(ara.overseas());
        assertTrue(data.region("04").orElseThrow().overseas(), "La Réunion is overseas");
        assertEquals(101, data.departments.size());
        assertEquals("84", data.department("42").orElseThrow().regionCode());
    }

    @Test
    void jpaReadsParisArrondissementsWithTheirParent() {
        Commune paris15 = data.commune("75115").orElseThrow();
        assertTrue(paris15.arrondissement());
        assertEquals("75056", paris15.parentCode());
        assertEquals("75015", paris15.mainPostalCode());
        Commune saintEtienne = data.commune("42218").orElseThrow();
        assertFalse(saintEtienne.arrondissement());
        assertNull(saintEtienne.parentCode());
        assertEquals(List.of("42000", "42100", "42230"), saintEtienne.postalCodes());
        assertEquals("Ajaccio", data.commune("2a004").orElseThrow().name());
        assertEquals(34_920, data.communes.size());
    }

    @Test
    void jpaReadsRomeJobsAndTheirTitles() {
        Job developer = data.job("M1805").orElseThrow();
        assertEquals("Développeur / Développeuse informatique", developer.label());
        assertEquals("M18", developer.domainCode());
        assertEquals(1_584, data.jobs.size());
        assertEquals(13_120, data.appellations.size());
        assertTrue(data.appellations.stream().anyMatch(a -> a.romeCode().equals("M1805") && a.principal()));
        assertEquals("M1805", data.findJobs("developpeur informatique", 5).get(0).romeCode());
        assertEquals("42218", data.findCommunes("st etienne", 5).get(0).inseeCode());
    }

    @Test
    void jpaReadsCodeListsAndTheFourteenDatasets() {
        List<String> contractTypes = data.codeLists.get(CodeList.TYPES_CONTRATS).stream().map(CodeLabel::code)
                .toList();
        assertTrue(contractTypes.contains("CDI"), contractTypes.toString());
        assertEquals(17, data.codeLists.get(CodeList.THEMES).size());
        assertEquals(14, data.datasets.size());
        assertEquals(new TreeSet<>(Datasets.names()),
                data.datasets.stream().map(Dataset::name).collect(Collectors.toCollection(TreeSet::new)));
        for (Dataset dataset : data.datasets) {
            assertEquals(LOADED_AT, dataset.loadedAt(), dataset.name());
            assertEquals(64, dataset.checksum().trim().length(), dataset.name());
            assertTrue(dataset.rows() > 0, dataset.name());
        }
    }

    @Test
    void serviceOverTheLoadedDataReportsUp() {
        Health health = new ReferentialServiceImpl(data).check();
        assertEquals(Health.Status.UP, health.status());
        assertEquals(34_920, health.details().get("communes"));
    }

    private static int count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static List<String> strings(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
